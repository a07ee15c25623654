import DisclosureModel

/// Table 2: each item label is followed by its measures' values, in the template's order.
struct ProactiveMapper {
    let dictionary: LabelDictionary
    let cite: Citation

    func map(_ rows: [RawRow], diagnostics: inout [Diagnostic]) -> [ProactiveCell] {
        let resolver = LabelResolver(dictionary: dictionary, table: "二", cite: cite)
        let reader = ValueReader(table: "二", cite: cite)
        var found: [String: [Double?]] = [:]
        for row in rows {
            let labels = resolver.resolve(row.labels, in: [.proactive], diagnostics: &diagnostics)
            guard let itemLabel = labels.last(where: { $0.entry.role == .item }),
                  let item = Template.proactiveItems.first(where: { $0.code == itemLabel.entry.code }) else { continue }
            if found[item.code] != nil {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) printed a second time; the first is kept"))
                continue
            }
            let picked = CellPicker.pick(row.values, expected: item.measures.count)
            if !picked.extra.isEmpty {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) has \(picked.extra.count) value(s) beyond its \(item.measures.count); ignored: \(picked.extra.map(\.text).joined(separator: " "))"))
            }
            found[item.code] = zip(item.measures, picked.cells).map { measure, cell in
                reader.read(cell, what: "\(item.code).\(measure)", integer: item.code != "fees", diagnostics: &diagnostics)
            }
        }
        var cells: [ProactiveCell] = []
        var missing: [String] = []
        for item in Template.proactiveItems {
            let values = found[item.code] ?? []
            for (index, measure) in item.measures.enumerated() {
                if index < values.count, let value = values[index] {
                    cells.append(ProactiveCell(item: item.code, measure: measure, value: value))
                } else {
                    missing.append("\(item.code).\(measure)")
                }
            }
        }
        if !missing.isEmpty {
            diagnostics.append(Diagnostic(.transform, .cellMissing, "table 二: \(missing.count) cell(s) not in the source: \(missing.joined(separator: ", "))"))
        }
        return cells
    }
}

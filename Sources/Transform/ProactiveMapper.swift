import DisclosureModel

/// Table 2: each item label is followed by its measures' values, in the template's order.
struct ProactiveMapper {
    let template: Template
    let dictionary: LabelDictionary
    let cite: Citation
    let memo: LabelMemo

    func map(_ rows: [RawRow], diagnostics: inout [Diagnostic]) -> [ProactiveCell] {
        let resolver = LabelResolver(dictionary: dictionary, table: "二", cite: cite, memo: memo, ownWording: template.ownWording)
        let reader = ValueReader(table: "二", cite: cite)
        // Values by item, in the template's order; nil = not printed.
        var found = [[Double?]?](repeating: nil, count: template.proactiveItems.count)
        var index = 0
        while index < rows.count {
            var row = rows[index]
            index += 1
            let noted = diagnostics.count
            var labels = resolver.resolve(row.labels, in: Self.scopes, diagnostics: &diagnostics)
            if index < rows.count, LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count),
               let merged = SplitRow.merged(row, rows[index], isLabel: { dictionary.lookup($0, in: .proactive)?.role == .item }) {
                // The row went on in the next one: read the two as one, without the pieces' doubts.
                diagnostics.removeSubrange(noted...)
                row = merged
                index += 1
                labels = resolver.resolve(row.labels, in: Self.scopes, diagnostics: &diagnostics)
            }
            guard let itemLabel = labels.last(where: { $0.entry.role == .item }) else { continue }
            guard let position = template.proactiveItems.firstIndex(where: { $0.code == itemLabel.entry.code }) else {
                diagnostics.append(Diagnostic(.transform, .labelUnrecognized, "table 二, \(cite(itemLabel.cell.line)): \(itemLabel.entry.code) is not an item of the \(template.id) template the report follows; its values are not used"))
                continue
            }
            let item = template.proactiveItems[position]
            if LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count) {
                diagnostics.append(Diagnostic(.transform, .cellMissing, "table 二, \(cite(itemLabel.cell.line)): \(item.code): the cell before its values (\"\(row.labels.last?.text ?? "")\") is neither a label nor a value, so the values may not be in their columns; left out"))
                continue
            }
            if found[position] != nil {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) printed a second time; the first is kept"))
                continue
            }
            let picked = CellPicker.pick(row.values, expected: item.measures.count)
            if !picked.extra.isEmpty {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) has \(picked.extra.count) value(s) beyond its \(item.measures.count); ignored: \(picked.extra.map(\.text).joined(separator: " "))"))
            }
            found[position] = zip(item.measures, picked.cells).map { measure, cell in
                reader.read(cell, what: "\(item.code).\(measure)", as: item.reading, diagnostics: &diagnostics)
            }
        }
        var cells: [ProactiveCell] = []
        cells.reserveCapacity(template.proactiveCellCount)
        var missing: [String] = []
        for (itemIndex, item) in template.proactiveItems.enumerated() {
            let values = found[itemIndex] ?? []
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

    private static let scopes: [LabelDictionary.Scope] = [.proactive]
}

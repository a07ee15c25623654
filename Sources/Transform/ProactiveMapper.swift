import DisclosureModel

/// Table 2: each item label is followed by its measures' values, in the template's order.
struct ProactiveMapper {
    let dictionary: LabelDictionary
    let cite: Citation
    let memo: LabelMemo

    func map(_ rows: [RawRow], diagnostics: inout [Diagnostic]) -> [ProactiveCell] {
        let resolver = LabelResolver(dictionary: dictionary, table: "二", cite: cite, memo: memo)
        let reader = ValueReader(table: "二", cite: cite)
        // Values by item, in the template's order (`Entry.index`); nil = not printed.
        var found = [[Double?]?](repeating: nil, count: Template.proactiveItems.count)
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
            let item = Template.proactiveItems[itemLabel.entry.index]
            if LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count) {
                diagnostics.append(Diagnostic(.transform, .cellMissing, "table 二, \(cite(itemLabel.cell.line)): \(item.code): the cell before its values (\"\(row.labels.last?.text ?? "")\") is neither a label nor a value, so the values may not be in their columns; left out",
                                              at: cite.place("二", line: itemLabel.cell.line, label: itemLabel.cell.text)))
                continue
            }
            if found[itemLabel.entry.index] != nil {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) printed a second time; the first is kept",
                                              at: cite.place("二", line: itemLabel.cell.line, label: itemLabel.cell.text)))
                continue
            }
            let picked = CellPicker.pick(row.values, expected: item.measures.count)
            if !picked.extra.isEmpty {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) has \(picked.extra.count) value(s) beyond its \(item.measures.count); ignored: \(picked.extra.map(\.text).joined(separator: " "))",
                                              at: cite.place("二", line: itemLabel.cell.line, label: itemLabel.cell.text)))
            }
            found[itemLabel.entry.index] = zip(item.measures, picked.cells).map { measure, cell in
                reader.read(cell, what: "\(item.code).\(measure)", label: itemLabel.cell.text, integer: item.code != "fees", diagnostics: &diagnostics)
            }
        }
        var cells: [ProactiveCell] = []
        cells.reserveCapacity(Self.cellCount)
        var missing: [String] = []
        for (itemIndex, item) in Template.proactiveItems.enumerated() {
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
            diagnostics.append(Diagnostic(.transform, .cellMissing, "table 二: \(missing.count) cell(s) not in the source: \(missing.joined(separator: ", "))",
                                          at: cite.place("二", line: nil)))
        }
        return cells
    }

    private static let scopes: [LabelDictionary.Scope] = [.proactive]
    private static let cellCount = Template.proactiveItems.reduce(0) { $0 + $1.measures.count }
}

import DisclosureModel

/// Table 2: each item label is followed by its measures' values, in the template's order.
///
/// Read in two steps: `read` resolves every row's labels (what the template choice weighs), then
/// `cells` reads the values by the report's template, so no label is looked up twice.
struct ProactiveMapper {
    let dictionary: LabelDictionary
    let cite: Citation
    let memo: LabelMemo

    /// Table 2's rows with their labels resolved, before the template is known.
    struct Printed {
        fileprivate var rows: [(row: RawRow, labels: [LabelResolver.Resolved], notes: Range<Int>)] = []
        /// The diagnostics of resolving the labels, each row's in `notes`.
        fileprivate var notes: [Diagnostic] = []
        /// The items and measures the labels name, as bits of `TemplateChoice.bit(of:)`.
        var named: UInt64 = 0
    }

    func read(_ rows: [RawRow]) -> Printed {
        let resolver = LabelResolver(dictionary: dictionary, table: .proactive, cite: cite, memo: memo)
        var printed = Printed()
        printed.rows.reserveCapacity(rows.count)
        var index = 0
        while index < rows.count {
            var row = rows[index]
            index += 1
            let noted = printed.notes.count
            var labels = resolver.resolve(row.labels, in: Self.scopes, diagnostics: &printed.notes)
            if index < rows.count, LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count),
               let merged = SplitRow.merged(row, rows[index], isLabel: { dictionary.lookup($0, in: .proactive)?.role == .item }) {
                // The row went on in the next one: read the two as one, without the pieces' doubts.
                printed.notes.removeSubrange(noted...)
                row = merged
                index += 1
                labels = resolver.resolve(row.labels, in: Self.scopes, diagnostics: &printed.notes)
            }
            for label in labels { printed.named |= TemplateChoice.bit(of: label.entry) }
            printed.rows.append((row, labels, noted..<printed.notes.count))
        }
        return printed
    }

    /// The cells of the report's template in its order; the rows' diagnostics, then the values'.
    func cells(_ printed: Printed, template: Template, diagnostics: inout [Diagnostic]) -> [ProactiveCell] {
        let reader = ValueReader(table: .proactive, cite: cite)
        // Values by item, in the template's order; nil = not printed.
        var found = [[Double?]?](repeating: nil, count: template.proactiveItems.count)
        for (row, labels, notes) in printed.rows {
            appendNotes(printed.notes[notes], of: labels, template: template, to: &diagnostics)
            guard let itemLabel = labels.last(where: { $0.entry.role == .item }) else { continue }
            guard let position = template.proactiveItems.firstIndex(where: { $0.code == itemLabel.entry.code }) else {
                diagnostics.append(Diagnostic(.transform, .labelUnrecognized, "table 二, \(cite(itemLabel.cell.line)): \(itemLabel.entry.code) is not an item of the \(template.id) template the report follows; its values are not used",
                                              at: cite.place(.proactive, line: itemLabel.cell.line, label: itemLabel.cell.text)))
                continue
            }
            let item = template.proactiveItems[position]
            if LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count) {
                diagnostics.append(Diagnostic(.transform, .cellMissing, "table 二, \(cite(itemLabel.cell.line)): \(item.code): the cell before its values (\"\(row.labels.last?.text ?? "")\") is neither a label nor a value, so the values may not be in their columns; left out",
                                              at: cite.place(.proactive, line: itemLabel.cell.line, label: itemLabel.cell.text)))
                continue
            }
            if found[position] != nil {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) printed a second time; the first is kept",
                                              at: cite.place(.proactive, line: itemLabel.cell.line, label: itemLabel.cell.text)))
                continue
            }
            let picked = CellPicker.pick(row.values, expected: item.measures.count)
            if !picked.extra.isEmpty {
                diagnostics.append(Diagnostic(.transform, .extraValues, "table 二, \(cite(itemLabel.cell.line)): \(item.code) has \(picked.extra.count) value(s) beyond its \(item.measures.count); ignored: \(picked.extra.map(\.text).joined(separator: " "))",
                                              at: cite.place(.proactive, line: itemLabel.cell.line, label: itemLabel.cell.text)))
            }
            found[position] = zip(item.measures, picked.cells).map { measure, cell in
                reader.read(cell, what: "\(item.code).\(measure)", label: itemLabel.cell.text, as: item.reading, diagnostics: &diagnostics)
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
            diagnostics.append(Diagnostic(.transform, .cellMissing, "table 二: \(missing.count) cell(s) not in the source: \(missing.joined(separator: ", "))",
                                          at: cite.place(.proactive, line: nil)))
        }
        return cells
    }

    /// A row's label diagnostics, without the `label_normalized` of a label printed exactly as the
    /// template's own wording (2019's 规范性文件, a variant only of the 2021 wording).
    private func appendNotes(_ notes: ArraySlice<Diagnostic>, of labels: [LabelResolver.Resolved], template: Template, to diagnostics: inout [Diagnostic]) {
        guard !template.ownWording.isEmpty else { return diagnostics += notes }
        let own = Set(labels.compactMap { label in
            label.note.flatMap { template.ownWording.contains(label.entry.form) && label.cell.text == label.entry.form ? $0 : nil }
        })
        for index in notes.indices where !own.contains(index) { diagnostics.append(notes[index]) }
    }

    private static let scopes: [LabelDictionary.Scope] = [.proactive]
}

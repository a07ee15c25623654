import DisclosureModel

/// Table 4: a header, then 15 values in printed order (3 proceedings × 5 outcomes).
struct AppealsMapper {
    let dictionary: LabelDictionary
    let cite: Citation
    let memo: LabelMemo

    /// The cells in printed order, and the values as a grid (proceedings × outcomes, nil = missing).
    func map(_ rows: [RawRow], diagnostics: inout [Diagnostic]) -> (cells: [AppealCell], grid: [[Int64?]]) {
        let resolver = LabelResolver(dictionary: dictionary, table: .appeals, cite: cite, memo: memo)
        let reader = ValueReader(table: .appeals, cite: cite)
        let slots = Self.slots
        var values: [TextCell] = []
        values.reserveCapacity(slots.count)
        var doubtful = false
        for row in rows {
            let labels = resolver.resolve(row.labels, in: Self.scopes, diagnostics: &diagnostics)
            guard row.values.contains(where: { !$0.text.isEmpty }) else { continue }
            // Header words scrambled before the values change nothing; a value glued to them does.
            if LabelResolver.endsWithGluedValue(labels, labels: row.labels) { doubtful = true }
            values += row.values
        }
        // A table printed with every cell blank: its one row of 15 empty cells is 15 zeros.
        if values.isEmpty, let blank = rows.last(where: { $0.values.count == slots.count }) { values = blank.values }
        var picked = CellPicker.pick(values, expected: slots.count)
        // Fewer values than cells, or a value glued to a label before them (`持0`):
        // which cells the values belong to cannot be told, so none is used.
        if !values.isEmpty, doubtful || picked.cells.count < slots.count {
            let why = doubtful ? "a cell before the values holds text and digits (a value glued to a label)" : "\(picked.cells.count) value(s) for \(slots.count) cells"
            diagnostics.append(Diagnostic(.transform, .cellMissing, "table 四, \(cite(values[0].line)): \(why); which cell each value belongs to cannot be told, so none is used",
                                          at: cite.place(.appeals, line: values[0].line)))
            picked = CellPicker.Picked(cells: [], extra: [])
        }
        if !picked.extra.isEmpty {
            diagnostics.append(Diagnostic(.transform, .extraValues, "table 四: \(picked.extra.count) value(s) beyond its \(slots.count), from \(cite(picked.extra[0].line)); ignored",
                                          at: cite.place(.appeals, line: picked.extra[0].line)))
        }
        var cells: [AppealCell] = []
        cells.reserveCapacity(slots.count)
        var grid = Array(repeating: [Int64?](repeating: nil, count: Template.national2021.outcomes.count), count: Template.national2021.proceedings.count)
        var missing: [String] = []
        for (index, (proceeding, outcome)) in slots.enumerated() {
            if index < picked.cells.count,
               let value = reader.read(picked.cells[index], what: "\(proceeding)/\(outcome)", label: nil, integer: true, diagnostics: &diagnostics) {
                cells.append(AppealCell(proceeding: proceeding, outcome: outcome, value: Int64(value)))
                grid[index / Template.national2021.outcomes.count][index % Template.national2021.outcomes.count] = Int64(value)
            } else {
                missing.append("\(proceeding)/\(outcome)")
            }
        }
        if !missing.isEmpty {
            diagnostics.append(Diagnostic(.transform, .cellMissing, "table 四: \(missing.count) cell(s) not in the source: \(missing.joined(separator: ", "))",
                                      at: cite.place(.appeals, line: nil)))
        }
        return (cells, grid)
    }

    private static let scopes: [LabelDictionary.Scope] = [.appeals]
    /// Table 4 is the same in every template.
    private static let slots = Template.national2021.proceedings.flatMap { proceeding in Template.national2021.outcomes.map { (proceeding, $0) } }
}

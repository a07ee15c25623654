import DisclosureModel

/// Table 4: a header, then 15 values in printed order (3 proceedings × 5 outcomes).
struct AppealsMapper {
    let dictionary: LabelDictionary

    func map(_ rows: [RawRow], diagnostics: inout [Diagnostic]) -> [AppealCell] {
        let resolver = LabelResolver(dictionary: dictionary, table: "四")
        let reader = ValueReader(table: "四")
        let slots = Template.proceedings.flatMap { proceeding in Template.outcomes.map { (proceeding, $0) } }
        var values: [TextCell] = []
        for row in rows {
            _ = resolver.resolve(row.labels, in: [.appeals], diagnostics: &diagnostics)
            if row.values.contains(where: { !$0.text.isEmpty }) { values += row.values }
        }
        let picked = CellPicker.pick(values, expected: slots.count)
        if !picked.extra.isEmpty {
            diagnostics.append(Diagnostic(.transform, .extraValues, "table 四: \(picked.extra.count) value(s) beyond its \(slots.count), from line \(picked.extra[0].line); ignored"))
        }
        var cells: [AppealCell] = []
        var missing: [String] = []
        for (index, (proceeding, outcome)) in slots.enumerated() {
            if index < picked.cells.count,
               let value = reader.read(picked.cells[index], what: "\(proceeding)/\(outcome)", integer: true, diagnostics: &diagnostics) {
                cells.append(AppealCell(proceeding: proceeding, outcome: outcome, value: Int64(value)))
            } else {
                missing.append("\(proceeding)/\(outcome)")
            }
        }
        if !missing.isEmpty {
            diagnostics.append(Diagnostic(.transform, .cellMissing, "table 四: \(missing.count) cell(s) not in the source: \(missing.joined(separator: ", "))"))
        }
        return cells
    }
}

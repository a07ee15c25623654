import DisclosureModel

/// Table 3: a header of applicant columns, then 25 rows (2019: 23) of 7 values each.
///
/// Labels before the first row label are the header (so 其他 and 总计 are applicant columns there);
/// after it they are rows and groups (3.其他, （七）总计).
struct ApplicationsMapper {
    let dictionary: LabelDictionary
    let cite: Citation
    let memo: LabelMemo

    /// What table 3 prints, read before the report's template is known: rows by their position in
    /// `StoredCodes.applicationRows`, and the groups printed as one row.
    struct Printed {
        fileprivate var found: [[Int64?]?]
        fileprivate var groupRows: [(row: RawRow, group: LabelResolver.Resolved, rows: [String])]

        /// Whether one of （六）其他处理's three rows is printed (the 2021 template).
        var printsOtherRows: Bool { ApplicationsMapper.otherRows.contains { found[$0] != nil } }
        /// Whether （六）其他处理 is printed as a row of its own with a value other than 0 (the 2019
        /// template; 2021 reports print their three rows' zeros on the group's line too).
        var printsOtherAsOneRow: Bool {
            groupRows.contains { $0.group.entry.code == "other" && $0.row.values.contains { !ValueReader.isZeroOrBlank($0.text) } }
        }
    }

    /// Reads the rows; `cells(_:template:diagnostics:)` then lays them out by the template.
    func read(_ rows: [RawRow], diagnostics: inout [Diagnostic]) -> Printed {
        let resolver = LabelResolver(dictionary: dictionary, table: .applications, cite: cite, memo: memo)
        let reader = ValueReader(table: .applications, cite: cite)
        var inBody = false
        // Values by row, at the row's position in `StoredCodes.applicationRows` (`Entry.index`); nil = not printed.
        var found = [[Int64?]?](repeating: nil, count: StoredCodes.applicationRows.count)
        // Groups printed as one row: read once every row is, so that rows printed after their
        // group's own line (a line of blanks in space-aligned text) win over it.
        var groupRows: [(row: RawRow, group: LabelResolver.Resolved, rows: [String])] = []
        var index = 0
        while index < rows.count {
            var row = rows[index]
            index += 1
            // Rows are numbered and column headers never are: a first row printed 3.其他 or （七）总计
            // (reading-order text reads rows out of order) is that row, not the header of its words.
            let scopes = inBody || row.labels.first.map({ LabelKey.hasEnumerator($0.text) }) == true ? Self.bodyFirst : Self.headerFirst
            let noted = diagnostics.count
            var labels = resolver.resolve(row.labels, in: scopes, diagnostics: &diagnostics)
            if index < rows.count, LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count),
               let merged = SplitRow.merged(row, rows[index], isLabel: { dictionary.lookup($0, in: .applicationsBody)?.role == .row }) {
                // The row went on in the next one: read the two as one, without the pieces' doubts.
                diagnostics.removeSubrange(noted...)
                row = merged
                index += 1
                labels = resolver.resolve(row.labels, in: scopes, diagnostics: &diagnostics)
            }
            if !inBody, let first = labels.firstIndex(where: { $0.entry.role == .row }) {
                inBody = true
                // A header label sharing its key with a row (其他/总计) after the first row is a row.
                labels = labels.enumerated().map { index, label in
                    guard index > first, label.entry.role == .applicant,
                          let entry = dictionary.lookup(label.cell.text, in: .applicationsBody) else { return label }
                    return LabelResolver.Resolved(entry: entry, cell: label.cell, end: label.end)
                }
            }
            guard let last = labels.lastIndex(where: { $0.entry.role == .row }) else {
                // A group printed as a row of its own: only when its label is the row's last cell (after
                // it, a label not recognized may be one of its rows, the values that row's).
                if inBody, let group = labels.last, group.entry.role == .group, let rows = Self.subRows[group.entry.code],
                   !LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count) {
                    groupRows.append((row, group, rows))
                } else if inBody, row.values.contains(where: { !$0.text.isEmpty }) {
                    let line = row.values.first { !$0.text.isEmpty }?.line ?? 0
                    diagnostics.append(Diagnostic(.transform, .labelUnrecognized, "table 三, \(cite(line)): values without a recognized row label; not used",
                                                  at: cite.place(.applications, line: line, label: row.labels.last?.text)))
                }
                continue
            }
            for skipped in labels[..<last] where skipped.entry.role == .row && found[skipped.entry.index] == nil {
                diagnostics.append(Diagnostic(.transform, .cellMissing, "table 三, \(cite(skipped.cell.line)): row \(skipped.entry.code) has no values",
                                              at: cite.place(.applications, line: skipped.cell.line, label: skipped.cell.text)))
            }
            let rowLabel = labels[last]
            let code = rowLabel.entry.code
            if repeated(code, at: rowLabel.entry.index, label: rowLabel.cell, in: found, diagnostics: &diagnostics) { continue }
            if LabelResolver.endsUnrecognized(labels, labelCount: row.labels.count) {
                diagnostics.append(Diagnostic(.transform, .cellMissing, "table 三, \(cite(rowLabel.cell.line)): row \(code): the cell before its values (\"\(row.labels.last?.text ?? "")\") is neither a label nor a value, so the values may not be in their columns; left out",
                                              at: cite.place(.applications, line: rowLabel.cell.line, label: rowLabel.cell.text)))
                continue
            }
            found[rowLabel.entry.index] = values(of: row, code: code, label: rowLabel.cell, reader: reader, diagnostics: &diagnostics)
        }
        return Printed(found: found, groupRows: groupRows)
    }

    /// The cells in the template's order, and the same values as a grid (the template's rows ×
    /// applicants, nil = missing) for the checks.
    func cells(_ printed: Printed, template: Template, diagnostics: inout [Diagnostic]) -> (cells: [ApplicationCell], grid: [[Int64?]]) {
        let reader = ValueReader(table: .applications, cite: cite)
        let width = template.applicants.count
        var found = printed.found
        for (row, group, rows) in printed.groupRows {
            if template.applicationRows.contains(group.entry.code) {
                readOwnRow(row, group: group, into: &found, reader: reader, diagnostics: &diagnostics)
            } else {
                readGroupRow(row, group: group, rows: rows, into: &found, reader: reader, diagnostics: &diagnostics)
            }
        }
        let positions = Self.storedPositions[template.storedIndex]
        for position in found.indices where found[position] != nil && !positions.contains(position) {
            diagnostics.append(Diagnostic(.transform, .labelUnrecognized, "table 三: row \(StoredCodes.applicationRows[position]) is not a row of the \(template.id) template the report follows; its values are not used",
                                          at: cite.place(.applications, line: nil)))
        }
        var cells: [ApplicationCell] = []
        cells.reserveCapacity(template.applicationCellCount)
        var grid: [[Int64?]] = []
        grid.reserveCapacity(template.applicationRows.count)
        for (position, code) in zip(positions, template.applicationRows) {
            let values = found[position] ?? []
            var missing: [String] = []
            grid.append(values.count == width ? values : (0..<width).map { $0 < values.count ? values[$0] : nil })
            for (index, applicant) in template.applicants.enumerated() {
                if index < values.count, let value = values[index] {
                    cells.append(ApplicationCell(row: code, applicant: applicant, value: value))
                } else {
                    missing.append(applicant)
                }
            }
            if !missing.isEmpty {
                let what = missing.count == width ? "the whole row" : missing.joined(separator: ", ")
                diagnostics.append(Diagnostic(.transform, .cellMissing, "table 三: row \(code): \(missing.count) cell(s) not in the source (\(what))",
                                              at: cite.place(.applications, line: nil)))
            }
        }
        return (cells, grid)
    }

    /// Groups whose rows some reports print as a single row: （六）其他处理 (the 2019 template's row).
    private static let subRows: [String: [String]] = ["other": ["other.no_correction", "other.fee_unpaid", "other.other"]]
    fileprivate static let otherRows = subRows["other"]!.map { StoredCodes.applicationRows.firstIndex(of: $0)! }

    /// Each template's rows as positions in `StoredCodes.applicationRows`, by `Template.storedIndex`.
    private static let storedPositions = Template.all.map { template in
        template.applicationRows.map { StoredCodes.applicationRows.firstIndex(of: $0)! }
    }

    /// A group that is a row of the template (the 2019 template's （六）其他处理, code `other`).
    private func readOwnRow(_ row: RawRow, group: LabelResolver.Resolved, into found: inout [[Int64?]?],
                            reader: ValueReader, diagnostics: inout [Diagnostic]) {
        let code = group.entry.code
        let position = StoredCodes.applicationRows.firstIndex(of: code)!
        if repeated(code, at: position, label: group.cell, in: found, diagnostics: &diagnostics) { return }
        found[position] = values(of: row, code: code, label: group.cell, reader: reader, diagnostics: &diagnostics)
    }

    /// Whether row `code` was read already (its first printing is kept, with `extra_values`).
    private func repeated(_ code: String, at position: Int, label: TextCell, in found: [[Int64?]?], diagnostics: inout [Diagnostic]) -> Bool {
        guard found[position] != nil else { return false }
        diagnostics.append(Diagnostic(.transform, .extraValues, "table 三, \(cite(label.line)): row \(code) printed a second time; the first is kept",
                                      at: cite.place(.applications, line: label.line, label: label.text)))
        return true
    }

    /// A row's seven values, one per applicant column (values beyond them ignored, with `extra_values`).
    private func values(of row: RawRow, code: String, label: TextCell, reader: ValueReader, diagnostics: inout [Diagnostic]) -> [Int64?] {
        let width = StoredCodes.applicants.count
        let picked = CellPicker.pick(row.values, expected: width)
        if !picked.extra.isEmpty {
            diagnostics.append(Diagnostic(.transform, .extraValues, "table 三, \(cite(label.line)): row \(code) has \(picked.extra.count) value(s) beyond its \(width); ignored: \(picked.extra.map(\.text).joined(separator: " "))",
                                          at: cite.place(.applications, line: label.line, label: label.text)))
        }
        // A loop rather than `zip(…).map`: its closure per cell cost more than reading the cell.
        let applicants = StoredCodes.applicants
        var values: [Int64?] = []
        values.reserveCapacity(picked.cells.count)
        for (index, cell) in picked.cells.enumerated() {
            values.append(reader.read(cell, what: "\(code)/\(applicants[index])", label: label.text, integer: true,
                                      diagnostics: &diagnostics).map { Int64($0) })
        }
        return values
    }

    /// A group printed as one row without its own rows. All zeros: each of its rows is 0 (their sum
    /// is 0 and none can be negative). Anything else cannot be split between them: left missing.
    private func readGroupRow(_ row: RawRow, group: LabelResolver.Resolved, rows: [String], into found: inout [[Int64?]?],
                              reader: ValueReader, diagnostics: inout [Diagnostic]) {
        let width = StoredCodes.applicants.count
        let picked = CellPicker.pick(row.values, expected: width)
        var scratch: [Diagnostic] = []
        let values = picked.cells.map { reader.read($0, what: group.entry.code, label: group.cell.text, integer: true, diagnostics: &scratch) }
        let indices = rows.compactMap { StoredCodes.applicationRows.firstIndex(of: $0) }
        guard indices.allSatisfy({ found[$0] == nil }) else { return }
        if picked.cells.count == width, picked.extra.isEmpty, values.allSatisfy({ $0 == 0 }) {
            for index in indices { found[index] = Array(repeating: 0, count: width) }
            diagnostics.append(Diagnostic(.transform, .groupRowZero,
                "table 三, \(cite(group.cell.line)): \(group.cell.text) printed as one row of zeros without its rows; \(rows.joined(separator: ", ")) read as 0",
                at: cite.place(.applications, line: group.cell.line, label: group.cell.text)))
        } else {
            let printed = row.values.map { $0.text.isEmpty ? "(empty)" : $0.text }.joined(separator: " ")
            diagnostics.append(Diagnostic(.transform, .cellMissing,
                "table 三, \(cite(group.cell.line)): \(group.cell.text) printed as one row (\(printed)) without its rows; the values cannot be split between \(rows.joined(separator: ", ")): left out",
                at: cite.place(.applications, line: group.cell.line, label: group.cell.text)))
        }
    }

    /// Scope orders: before the first row label, 其他/总计 are applicant columns; after it, rows.
    private static let headerFirst: [LabelDictionary.Scope] = [.applicationsHeader, .applicationsBody]
    private static let bodyFirst: [LabelDictionary.Scope] = [.applicationsBody, .applicationsHeader]
}

/// Table 3 in row order, a cell a line (PyMuPDF's `page.get_text()` of a ruled table): each printed
/// row's label, then its seven values on the lines right after it. Read only when every printed
/// row is so, each in the template's order, and no value stands anywhere else: text in column
/// order (pdftotext's blocks) can give one label seven values after it by chance, never every one.
/// Text between rows (group labels, their characters one a line, page numbers) is passed over;
/// text among a row's values, a line of several values or a row with another count of values
/// leaves the table to the other readings.
enum FlowRowOrder {
    /// The printed rows' values, in the order of `labels` (`FlowApplications.printedRows`); nil
    /// unless every row is read so.
    static func read(_ lines: [FlowLine], labels: [String]) -> [[FlowLine]]? {
        let oneOtherRow = labels.contains(FlowApplications.otherGroup)
        var rows: [[FlowLine]] = []
        var current: [FlowLine]?
        for line in lines where line.kind != .blank {
            switch line.kind {
            case .values:
                return nil
            case .value:
                guard current != nil, current!.count < FlowApplications.columns else { return nil }
                current!.append(line)
            default:
                if let row = current {
                    // Text right after a label's first line is the rest of it; among values, none.
                    if !row.isEmpty {
                        guard row.count == FlowApplications.columns else { return nil }
                        rows.append(row)
                        current = nil
                    }
                }
                guard let named = row(named: line.key, oneOtherRow: oneOtherRow) else { continue }
                guard current == nil, named == rows.count else { return nil }
                current = []
            }
        }
        if let row = current {
            guard row.count == FlowApplications.columns else { return nil }
            rows.append(row)
        }
        return rows.count == labels.count ? rows : nil
    }

    /// The printed row a line names, by its position among the printed rows; nil for other text
    /// (a group's label, a header word). With （六）其他处理 printed as one row, its label is that
    /// row and the three rows after it move up by two.
    private static func row(named key: String, oneOtherRow: Bool) -> Int? {
        let named = FlowRowLabels.rows(in: key)
        if oneOtherRow && key.contains("其他处理") && named.isEmpty { return FlowApplications.otherRows.lowerBound }
        guard named.count == 1, let row = named.first else { return nil }
        guard oneOtherRow, row >= FlowApplications.otherRows.lowerBound else { return row }
        return FlowApplications.otherRows.contains(row) ? nil : row - (FlowApplications.otherRows.count - 1)
    }
}

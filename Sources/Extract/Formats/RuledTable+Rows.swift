/// A ruled table's cells as the rows the text path reads: each grid row holds the cells that start
/// in it, left to right, so a merged cell is read once, in its first row (as Word files are read).
extension RuledTable {
    struct Row {
        var cells: [String]
        /// Top of the row on its page, for the line's origin.
        var y: Double
        /// Whether any cell holds a number or a dash.
        var hasValue: Bool
    }

    /// The rows, with empty cells that carry no data left out: an empty cell spanning several rows
    /// is the blank part of a merged label cell cut by a page break, and an empty cell left of
    /// every value column is label space. An empty cell among the values is data (0).
    func rows(_ texts: [String], valueColumnsFrom firstValueColumn: Int?) -> [Row] {
        var rows: [Row] = []
        var order = cells.indices.sorted { (cells[$0].row, cells[$0].column) < (cells[$1].row, cells[$1].column) }[...]
        for row in 0..<rowCount {
            var out: [String] = []
            var hasValue = false
            while let index = order.first, cells[index].row == row {
                order = order.dropFirst()
                let cell = cells[index], text = texts[index]
                if text.isEmpty {
                    if cell.rowSpan > 1 { continue }
                    if let firstValueColumn, cell.column + cell.columnSpan <= firstValueColumn { continue }
                } else if Self.isValue(text) {
                    hasValue = true
                }
                out.append(text)
            }
            if !out.isEmpty { rows.append(Row(cells: out, y: rowEdges[row], hasValue: hasValue)) }
        }
        return rows
    }

    /// The leftmost grid column where a cell holds a number or a dash; nil when none does (a table
    /// printed with every value blank).
    func firstValueColumn(_ texts: [String]) -> Int? {
        cells.indices.filter { Self.isValue(texts[$0]) }.map { cells[$0].column }.min()
    }

    /// Each cell's text, in the order of `cells`.
    var texts: [String] { cells.map { PDFCellText.text($0.glyphs) } }

    static func isValue(_ text: String) -> Bool {
        ByteText.isNumber(text) || ByteText.isDash(text)
    }
}

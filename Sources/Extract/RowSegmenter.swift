import DisclosureModel

/// Groups a table's cells into rows: a run of label cells followed by a run of value cells.
///
/// Rows come from the cells themselves, not from lines, so a row broken over lines or pages, or a
/// row that lost its leading tab, still reads whole. Empty cells are kept: whether one is data
/// or padding is decided by Transform, which knows how many cells each row should have.
enum RowSegmenter {
    /// A row's labels and values are adjacent runs of `cells`, so each is copied out once.
    static func rows(_ cells: [TextCell]) -> [RawRow] {
        var rows: [RawRow] = []
        var rowStart: Int?
        var valueStart: Int?
        for (index, cell) in cells.enumerated() {
            let isValue = cell.text.isEmpty || ByteText.isNumber(cell.text) || ByteText.isDash(cell.text)
            if isValue {
                // Values before the first label belong to no row.
                if rowStart != nil && valueStart == nil { valueStart = index }
            } else if let start = rowStart, let values = valueStart {
                rows.append(RawRow(labels: Array(cells[start..<values]), values: Array(cells[values..<index])))
                rowStart = index
                valueStart = nil
            } else if rowStart == nil {
                rowStart = index
            }
        }
        if let start = rowStart {
            let values = valueStart ?? cells.endIndex
            rows.append(RawRow(labels: Array(cells[start..<values]), values: Array(cells[values...])))
        }
        return rows
    }
}

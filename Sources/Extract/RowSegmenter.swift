import DisclosureModel

/// Groups a table's cells into rows: a run of label cells followed by a run of value cells.
///
/// Rows come from the cells themselves, not from lines, so a row broken over lines or pages, or a
/// row that lost its leading tab, still reads whole. Empty cells are kept: whether one is data
/// or padding is decided by Transform, which knows how many cells each row should have.
enum RowSegmenter {
    /// A row's labels and values are adjacent runs of `cells`; each cell's `String` is made once,
    /// into an array of the run's size.
    static func rows(_ cells: [CellSpan], _ text: UnsafeBufferPointer<UInt8>, _ extra: UnsafeBufferPointer<UInt8>,
                     strings: CellStrings?) -> [RawRow] {
        func row(_ labels: Range<Int>, _ values: Range<Int>) -> RawRow {
            RawRow(labels: cells[labels].map { $0.cell(text, extra, strings) }, values: cells[values].map { $0.cell(text, extra, strings) })
        }
        var rows: [RawRow] = []
        // A row starts at each label that follows a value or nothing.
        rows.reserveCapacity(cells.indices.count { !cells[$0].isValue && ($0 == 0 || cells[$0 - 1].isValue) })
        var rowStart: Int?
        var valueStart: Int?
        for (index, cell) in cells.enumerated() {
            if cell.isValue {
                // Values before the first label belong to no row.
                if rowStart != nil && valueStart == nil { valueStart = index }
            } else if let start = rowStart, let values = valueStart {
                rows.append(row(start..<values, values..<index))
                rowStart = index
                valueStart = nil
            } else if rowStart == nil {
                rowStart = index
            }
        }
        if let start = rowStart {
            let values = valueStart ?? cells.endIndex
            rows.append(row(start..<values, values..<cells.endIndex))
        }
        return rows
    }
}

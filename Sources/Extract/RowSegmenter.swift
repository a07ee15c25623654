import DisclosureModel

/// Groups a table's cells into rows: a run of label cells followed by a run of value cells.
///
/// Rows come from the cells themselves, not from lines, so a row broken over lines or pages, or a
/// row that lost its leading tab, still reads whole. Empty cells are kept: whether one is data
/// or padding is decided by Transform, which knows how many cells each row should have.
enum RowSegmenter {
    static func rows(_ cells: [TextCell]) -> [RawRow] {
        var rows: [RawRow] = []
        var labels: [TextCell] = []
        var values: [TextCell] = []
        for cell in cells {
            let isValue = cell.text.isEmpty || ByteText.isNumber(cell.text) || ByteText.isDash(cell.text)
            if isValue {
                if labels.isEmpty && values.isEmpty { continue }
                values.append(cell)
            } else {
                if !values.isEmpty {
                    rows.append(RawRow(labels: labels, values: values))
                    labels = []
                    values = []
                }
                labels.append(cell)
            }
        }
        if !labels.isEmpty || !values.isEmpty { rows.append(RawRow(labels: labels, values: values)) }
        return rows
    }
}

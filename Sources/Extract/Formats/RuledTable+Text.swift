/// What a ruled table's cells say.
extension RuledTable {
    /// Each cell's text, in the order of `cells`.
    var texts: [String] { cells.map { PDFCellText.text($0.glyphs) } }

    /// A number or a dash: a value cell, not a label.
    static func isValue(_ text: String) -> Bool {
        ByteText.isNumber(text) || ByteText.isDash(text)
    }
}

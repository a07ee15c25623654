/// What a ruled table's cells say.
extension RuledTable {
    /// Each cell's text, in the order of `cells`.
    var texts: [String] { cells.map { PDFCellText.text($0.glyphs) } }

    /// A number, a dash or an amount with its unit (`251000元`): a value cell, not a label.
    static func isValue(_ text: String) -> Bool {
        ByteText.isNumber(text) || ByteText.isDash(text) || ByteText.isNumberWithUnit(text)
    }
}

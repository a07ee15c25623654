/// One worksheet's XML as it is built: rows of typed cells with their references (`B7`).
/// A value type, so that a cell is written with one access to the workbook's state rather than
/// one per piece of markup.
struct SheetWriter {
    /// XML not yet handed to the ZIP writer.
    var xml: [UInt8] = []
    /// Each column's letters (`A`, `B`, … `AA`).
    let columnLetters: [[UInt8]]
    /// Row number in the sheet of the row being written (1 is the header).
    private(set) var row = 0
    private var rowDigits: [UInt8] = []
    private var column = 0
    private var rowOpen = false

    init(columns: Int) {
        columnLetters = (0 ..< columns).map(CellEncoding.columnLetters)
    }

    /// Starts row `number`, closing the one before.
    mutating func openRow(_ number: Int) {
        endRow()
        row = number
        rowDigits.removeAll(keepingCapacity: true)
        CellEncoding.appendInteger(Int64(number), to: &rowDigits)
        put(#"<row r=""#)
        xml += rowDigits
        put(#"">"#)
        column = 0
        rowOpen = true
    }

    mutating func endRow() {
        guard rowOpen else { return }
        put("</row>")
        rowOpen = false
    }

    mutating func text(_ utf8: UnsafeRawBufferPointer, style: Int? = nil) {
        openCell(style: style, type: "inlineStr")
        if CellEncoding.needsPreserve(utf8) { put(#"<is><t xml:space="preserve">"#) } else { put("<is><t>") }
        CellEncoding.appendEscaped(utf8, to: &xml)
        put("</t></is></c>")
    }

    mutating func sharedString(_ index: Int) {
        openCell(style: nil, type: "s")
        value(Int64(index))
    }

    mutating func integer(_ number: Int64) {
        openCell(style: nil, type: nil)
        value(number)
    }

    mutating func number(_ number: Double) {
        openCell(style: nil, type: nil)
        put("<v>")
        CellEncoding.appendDouble(number, to: &xml)
        put("</v></c>")
    }

    mutating func date(serial: Int64, style: Int) {
        openCell(style: style, type: nil)
        value(serial)
    }

    /// Leaves the next cell empty: nothing is written for it.
    mutating func skip() {
        precondition(column < columnLetters.count, "more cells than the \(columnLetters.count) columns")
        column += 1
    }

    private mutating func value(_ integer: Int64) {
        put("<v>")
        CellEncoding.appendInteger(integer, to: &xml)
        put("</v></c>")
    }

    /// `<c r="B7"` with the style and type attributes, and `>`; moves to the next column.
    private mutating func openCell(style: Int?, type: StaticString?) {
        precondition(column < columnLetters.count, "more cells than the \(columnLetters.count) columns")
        put(#"<c r=""#)
        xml += columnLetters[column]
        xml += rowDigits
        if let style {
            put(#"" s=""#)
            CellEncoding.appendInteger(Int64(style), to: &xml)
        }
        if let type {
            put(#"" t=""#)
            put(type)
        }
        put(#"">"#)
        column += 1
    }

    private mutating func put(_ markup: StaticString) {
        markup.withUTF8Buffer { xml.append(contentsOf: $0) }
    }
}

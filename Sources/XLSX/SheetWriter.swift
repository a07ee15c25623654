/// One worksheet's XML as it is built: rows of typed cells with their references (`B7`).
/// A value type, so that a cell is written with one access to the workbook's state rather than
/// one per piece of markup.
struct SheetWriter {
    /// XML not yet handed to the ZIP writer.
    var xml: [UInt8] = []
    /// Each column's cell start up to its letters (`<c r="B`), back to back; column `i`'s ends
    /// at `cellStartEnds[i]`. One buffer, so appending one retains nothing.
    private let cellStarts: [UInt8]
    private let cellStartEnds: [Int]
    /// Row number in the sheet of the row being written (1 is the header).
    private(set) var row = 0
    /// The rest of a cell's start in this row, up to its value, for each kind of cell: the row
    /// number and attributes (`7"><v>`), made once a row so that a cell takes few appends.
    private var numberStart: [UInt8] = []
    private var sharedStart: [UInt8] = []
    private var textStart: [UInt8] = []
    private var preservedTextStart: [UInt8] = []
    private var dateStart: [UInt8] = []
    private var headerStart: [UInt8] = []
    private var digits: [UInt8] = []
    private var column = 0
    private var rowOpen = false

    init(columns: Int) {
        var starts: [UInt8] = [], ends: [Int] = []
        for column in 0 ..< columns {
            starts += #"<c r=""#.utf8
            starts += CellEncoding.columnLetters(column)
            ends.append(starts.count)
        }
        cellStarts = starts
        cellStartEnds = ends
    }

    /// Starts row `number`, closing the one before.
    mutating func openRow(_ number: Int) {
        endRow()
        row = number
        // Refilled in place: no allocation per row.
        digits.removeAll(keepingCapacity: true)
        CellEncoding.appendInteger(Int64(number), to: &digits)
        Self.refill(&numberStart, digits, #""><v>"#)
        Self.refill(&sharedStart, digits, #"" t="s"><v>"#)
        Self.refill(&textStart, digits, #"" t="inlineStr"><is><t>"#)
        Self.refill(&preservedTextStart, digits, #"" t="inlineStr"><is><t xml:space="preserve">"#)
        Self.refill(&dateStart, digits, #"" s="2"><v>"#)
        Self.refill(&headerStart, digits, #"" s="1" t="inlineStr"><is>"#)
        put(#"<row r=""#)
        xml += digits
        put(#"">"#)
        column = 0
        rowOpen = true
    }

    mutating func endRow() {
        guard rowOpen else { return }
        put("</row>")
        rowOpen = false
    }

    /// Inline text; `header` makes it bold (the header row's style).
    mutating func text(_ utf8: UnsafeRawBufferPointer, header: Bool = false) {
        startCell()
        let preserve = CellEncoding.needsPreserve(utf8)
        if header {
            xml += headerStart
            if preserve { put(#"<t xml:space="preserve">"#) } else { put("<t>") }
        } else {
            xml += preserve ? preservedTextStart : textStart
        }
        CellEncoding.appendEscaped(utf8, to: &xml)
        put("</t></is></c>")
    }

    mutating func sharedString(_ index: Int) {
        startCell()
        xml += sharedStart
        endValue(Int64(index))
    }

    mutating func integer(_ number: Int64) {
        startCell()
        xml += numberStart
        endValue(number)
    }

    mutating func number(_ number: Double) {
        startCell()
        xml += numberStart
        CellEncoding.appendDouble(number, to: &xml)
        put("</v></c>")
    }

    mutating func date(serial: Int64) {
        startCell()
        xml += dateStart
        endValue(serial)
    }

    /// Leaves the next cell empty: nothing is written for it.
    mutating func skip() {
        precondition(column < cellStartEnds.count, "more cells than the \(cellStartEnds.count) columns")
        column += 1
    }

    private mutating func endValue(_ integer: Int64) {
        CellEncoding.appendInteger(integer, to: &xml)
        put("</v></c>")
    }

    /// `<c r="B` for the next column, which it moves to.
    private mutating func startCell() {
        precondition(column < cellStartEnds.count, "more cells than the \(cellStartEnds.count) columns")
        let start = column == 0 ? 0 : cellStartEnds[column - 1]
        cellStarts.withUnsafeBufferPointer { xml.append(contentsOf: UnsafeBufferPointer(rebasing: $0[start ..< cellStartEnds[column]])) }
        column += 1
    }

    /// `digits` then `rest`, into `target`'s existing storage.
    private static func refill(_ target: inout [UInt8], _ digits: [UInt8], _ rest: StaticString) {
        target.removeAll(keepingCapacity: true)
        target += digits
        rest.withUTF8Buffer { target.append(contentsOf: $0) }
    }

    private mutating func put(_ markup: StaticString) {
        markup.withUTF8Buffer { xml.append(contentsOf: $0) }
    }
}

/// Writes one table as an Excel workbook (Office Open XML, `.xlsx`), streaming: rows go out as
/// they are appended, deflated into the ZIP container, and only one buffer of XML is held.
///
/// Cells are typed: numbers are numbers, dates are date serials shown as `yyyy-mm-dd`, text is
/// inline text or, when it repeats, a shared string; an empty cell is left out. The header row
/// is bold and frozen. A table longer than `WorkbookOptions.rowLimit` continues on further
/// sheets, each starting with the header.
///
/// Usage: `beginRow()`, one `append…` per column in order (`appendEmpty()` for a null), then the
/// next `beginRow()` or `close()`. The same rows give the same bytes.
public final class WorkbookWriter {
    public let sheetName: String
    public let columns: [WorkbookColumn]
    public let options: WorkbookOptions
    private let zip: ZIPWriter
    private var sheet: SheetWriter
    private var sheets = 0
    private var closed = false
    private var sharedStrings = SharedStrings()
    private static let flushSize = 1 << 18

    public convenience init(destination: any ByteDestination, sheetName: String, columns: [WorkbookColumn], options: WorkbookOptions = WorkbookOptions()) throws {
        try self.init(destination: destination, sheetName: sheetName, columns: columns, options: options, zip64Threshold: 0xFFFF_FFFF)
    }

    /// `zip64Threshold`: sizes and offsets from which ZIP64 fields are used; lowered by tests.
    init(destination: any ByteDestination, sheetName: String, columns: [WorkbookColumn], options: WorkbookOptions, zip64Threshold: UInt64) throws {
        self.sheetName = sheetName
        self.columns = columns
        self.options = options
        zip = try ZIPWriter(output: CountingOutput(destination: destination), level: options.compressionLevel, zip64Threshold: zip64Threshold)
        sheet = SheetWriter(columns: columns.count)
        try startSheet()
    }

    /// Rows written so far, headers not counted.
    public private(set) var rowCount = 0

    /// Starts the next row, on a new sheet when this one is full.
    public func beginRow() throws {
        if sheet.row == options.rowLimit {
            try endSheet()
            try startSheet()
        }
        rowCount += 1
        sheet.openRow(sheet.row + 1)
        if sheet.xml.count >= Self.flushSize { try flushXML() }
    }

    /// The next cell: text (UTF-8), escaped for XML; see `CellEncoding.appendEscaped`.
    public func appendText(_ utf8: UnsafeRawBufferPointer) {
        sheet.text(utf8)
    }

    public func appendText(_ text: String) {
        var text = text
        text.withUTF8 { sheet.text(UnsafeRawBufferPointer($0)) }
    }

    /// The index of `utf8` in the workbook's shared strings, added if new: for text that repeats
    /// (a code, a report's id on each of its rows), so it is stored once and each cell that
    /// holds it writes only the index (`appendSharedString`). Each distinct text is held in
    /// memory until `close()`: keep unique text (details, paths) inline with `appendText`.
    public func sharedString(_ utf8: UnsafeRawBufferPointer) -> Int {
        sharedStrings.index(of: utf8)
    }

    /// The next cell: shared string `index` (from `sharedString`).
    public func appendSharedString(_ index: Int) {
        sheet.sharedString(index)
        sharedStrings.references += 1
    }

    /// The next cell: a whole number; beyond ±2^53, which Excel's doubles cannot hold exactly,
    /// it is written as text so that no digit is lost.
    public func appendInteger(_ value: Int64) {
        guard value.magnitude <= CellEncoding.largestExactInteger.magnitude else {
            var digits: [UInt8] = []
            CellEncoding.appendInteger(value, to: &digits)
            return digits.withUnsafeBytes { sheet.text($0) }
        }
        sheet.integer(value)
    }

    /// The next cell: a number. NaN and infinities, which Excel has no number for, are text.
    public func appendNumber(_ value: Double) {
        guard value.isFinite else { return appendText(value.description) }
        sheet.number(value)
    }

    /// The next cell: a day counted from 1970-01-01, as a date serial shown `yyyy-mm-dd`;
    /// a day before 1900-03-01, which Excel cannot show, is text `YYYY-MM-DD`.
    public func appendDate(daysSince1970 days: Int32) {
        guard let serial = CellEncoding.dateSerial(daysSince1970: days) else {
            return appendText(CellEncoding.isoDate(daysSince1970: days))
        }
        sheet.date(serial: serial)
    }

    /// The next cell is empty (a null): nothing is written for it.
    public func appendEmpty() {
        sheet.skip()
    }

    /// Ends the last sheet and writes the workbook's other parts; the destination is closed.
    public func close() throws {
        guard !closed else { return }
        closed = true
        try endSheet()
        let names = (1 ... sheets).map { WorkbookParts.sheetName(sheetName, number: $0) }
        let shared = !sharedStrings.isEmpty
        if shared {
            try zip.beginEntry("xl/sharedStrings.xml")
            try sharedStrings.write { try zip.write($0) }
            try zip.endEntry()
        }
        try zip.addEntry("xl/workbook.xml", Array(WorkbookParts.workbook(sheetNames: names).utf8))
        try zip.addEntry("xl/_rels/workbook.xml.rels", Array(WorkbookParts.workbookRelationships(sheets: sheets, sharedStrings: shared).utf8))
        try zip.addEntry("xl/styles.xml", Array(WorkbookParts.styles.utf8))
        try zip.addEntry("_rels/.rels", Array(WorkbookParts.packageRelationships.utf8))
        try zip.addEntry("[Content_Types].xml", Array(WorkbookParts.contentTypes(sheets: sheets, sharedStrings: shared).utf8))
        try zip.finish()
    }

    /// Opens the next worksheet and writes its header row.
    private func startSheet() throws {
        sheets += 1
        try zip.beginEntry(WorkbookParts.sheetPath(sheets))
        sheet.xml += WorkbookParts.worksheetStart(columns: columns, first: sheets == 1).utf8
        sheet.openRow(1)
        for column in columns {
            var name = column.name
            name.withUTF8 { sheet.text(UnsafeRawBufferPointer($0), header: true) }
        }
    }

    private func endSheet() throws {
        sheet.endRow()
        sheet.xml += WorkbookParts.worksheetEnd.utf8
        try flushXML()
        try zip.endEntry()
    }

    private func flushXML() throws {
        try zip.write(sheet.xml)
        sheet.xml.removeAll(keepingCapacity: true)
    }
}

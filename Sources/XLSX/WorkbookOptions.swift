/// How a workbook is written.
public struct WorkbookOptions: Sendable {
    /// Excel's limit: 1,048,576 rows a sheet, the header row included.
    public static let excelRowLimit = 1_048_576

    /// Rows a sheet holds, its header row included; a table with more continues on further
    /// sheets (`name (2)`, `name (3)`, …), each with the header. At least 2.
    public var rowLimit: Int
    /// zlib's deflate level, 1 (fastest) to 9 (smallest). 1 by default: the sheets' XML is
    /// repetitive, so level 1 costs half the CPU of level 6 for files about 15% larger.
    public var compressionLevel: Int32

    public init(rowLimit: Int = excelRowLimit, compressionLevel: Int32 = 1) {
        precondition(rowLimit >= 2, "a sheet needs room for its header and a row")
        self.rowLimit = rowLimit
        self.compressionLevel = compressionLevel
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import XLSX

/// Writes a dataset as `xlsx/<dataset>.xlsx`: one Excel workbook, typed cells (int64 beyond
/// ±2^53 as text, dates as dates), the header row bold and frozen; a dataset over Excel's row
/// limit continues on sheets `<dataset> (2)`, … Columns come from the schema, whatever they are.
public struct XLSXDatasetWriter: DatasetWriter {
    public var format: String { "xlsx" }
    public let options: WorkbookOptions

    public init(options: WorkbookOptions = WorkbookOptions()) {
        self.options = options
    }

    public func open(_ schema: DatasetSchema, outputRoot: String, part: PartName) throws -> any DatasetSink {
        let relative = "xlsx/\(schema.name)\(part.csvSuffix).xlsx"
        return try XLSXSink(schema: schema, options: options, finalPath: outputRoot + "/" + relative, relativePath: relative)
    }

    /// The workbook columns of a dataset: identifiers and free text wider than codes.
    static func columns(_ schema: DatasetSchema) -> [WorkbookColumn] {
        schema.columns.map { column in
            switch column.type {
            case .string where column.codes != nil: WorkbookColumn(column.name, .text)
            case .string: WorkbookColumn(column.name, .text, width: wideText.contains(column.name) ? 40 : nil)
            case .int32, .int64, .double: WorkbookColumn(column.name, .number)
            case .date: WorkbookColumn(column.name, .date)
            }
        }
    }

    /// Text columns whose values are long (paths, names, details, 64-digit ids).
    private static let wideText: Set<String> = ["report_id", "source_path", "agency", "detail", "subject", "label"]
}

/// One workbook being written under a temporary name.
final class XLSXSink: DatasetSink {
    let workbook: WorkbookWriter
    let temporaryPath: String
    let finalPath: String
    let relativePath: String

    init(schema: DatasetSchema, options: WorkbookOptions, finalPath: String, relativePath: String) throws {
        self.finalPath = finalPath
        self.relativePath = relativePath
        temporaryPath = AtomicFile.temporaryPath(for: finalPath)
        try AtomicFile.createParent(of: finalPath)
        do {
            workbook = try WorkbookWriter(destination: FileDestination(path: temporaryPath), sheetName: schema.name,
                                          columns: XLSXDatasetWriter.columns(schema), options: options)
        } catch {
            unlink(temporaryPath)
            throw LoadError("\(temporaryPath): cannot start the workbook: \(error)")
        }
    }

    func append(encoded: EncodedChunk) throws {
        guard case .table(let table) = encoded else { throw LoadError("\(finalPath): a workbook needs rows, not bytes") }
        do {
            try Self.write(table, to: workbook)
        } catch {
            throw LoadError("\(temporaryPath): workbook write failed: \(error)")
        }
    }

    /// The chunk's rows, cell by cell; text is passed as the UTF-8 bytes the table holds. Text
    /// that repeats — a code, a value on a run of rows (a report's id and agency) — is a shared
    /// string, looked up once per run or code; text on one row alone (a detail, a path) is inline,
    /// so the shared table holds no more than the repeated values.
    static func write(_ table: DatasetTable, to workbook: WorkbookWriter) throws {
        // Columns are split by type once per chunk, so the loop reads plain nested arrays and
        // borrowed text buffers instead of unpacking an enum (and its array) per cell.
        var texts: [TextRuns] = [], int32s: [[Int32?]] = [], int64s: [[Int64?]] = [], doubles: [[Double?]] = []
        var codes: [[UInt32]] = [], codeTexts: [TextValues] = []
        var layout: [(kind: CellKind, slot: Int)] = []
        for column in table.values {
            switch column {
            case .text(let values): layout.append((.text, texts.count)); texts.append(values)
            case .codes(let values): layout.append((.code, codes.count)); codes.append(values.codes); codeTexts.append(values.list)
            case .int32(let values): layout.append((.int32, int32s.count)); int32s.append(values)
            case .date(let values): layout.append((.date, int32s.count)); int32s.append(values)
            case .int64(let values): layout.append((.int64, int64s.count)); int64s.append(values)
            case .double(let values): layout.append((.double, doubles.count)); doubles.append(values)
            }
        }
        // A code column's entries' shared strings, looked up at first use.
        var codeShared: [[Int?]] = codeTexts.map { Array(repeating: nil, count: $0.count) }
        try withBuffers(texts[...]) { textBuffers in
            var runs = [Int](repeating: 0, count: textBuffers.count)
            // The current run's shared string, for a run of more than one row.
            var runShared = textBuffers.map { shared(run: 0, of: $0, in: workbook) }
            for row in 0 ..< table.rowCount {
                try workbook.beginRow()
                for (kind, slot) in layout {
                    switch kind {
                    case .text:
                        let buffers = textBuffers[slot]
                        if row == buffers.runEnds[runs[slot]] {
                            runs[slot] += 1
                            runShared[slot] = shared(run: runs[slot], of: buffers, in: workbook)
                        }
                        if let shared = runShared[slot] {
                            workbook.appendSharedString(shared)
                        } else if let value = buffers.values[runs[slot]] {
                            workbook.appendText(value)
                        } else {
                            workbook.appendEmpty()
                        }
                    case .code:
                        let entry = Int(codes[slot][row])
                        if codeShared[slot][entry] == nil {
                            var code = codeTexts[slot][entry] ?? ""
                            codeShared[slot][entry] = code.withUTF8 { workbook.sharedString(UnsafeRawBufferPointer($0)) }
                        }
                        workbook.appendSharedString(codeShared[slot][entry]!)
                    case .int32: if let value = int32s[slot][row] { workbook.appendInteger(Int64(value)) } else { workbook.appendEmpty() }
                    case .date: if let value = int32s[slot][row] { workbook.appendDate(daysSince1970: value) } else { workbook.appendEmpty() }
                    case .int64: if let value = int64s[slot][row] { workbook.appendInteger(value) } else { workbook.appendEmpty() }
                    case .double: if let value = doubles[slot][row] { workbook.appendNumber(value) } else { workbook.appendEmpty() }
                    }
                }
            }
        }
    }

    /// How a column's values are kept for `write`.
    private enum CellKind { case text, code, int32, date, int64, double }

    /// The shared string of run `run` when it covers more than one row and is not null.
    private static func shared(run: Int, of column: TextRuns.Buffers, in workbook: WorkbookWriter) -> Int? {
        guard run < column.runEnds.count else { return nil }
        let start = run == 0 ? 0 : column.runEnds[run - 1]
        guard column.runEnds[run] - start > 1, let value = column.values[run] else { return nil }
        return workbook.sharedString(value)
    }

    /// Calls `body` with every text column's bytes borrowed, one nested `withBuffers` per column.
    private static func withBuffers(_ columns: ArraySlice<TextRuns>, borrowed: [TextRuns.Buffers] = [],
                                    _ body: ([TextRuns.Buffers]) throws -> Void) throws {
        guard let first = columns.first else { return try body(borrowed) }
        try first.withBuffers { try withBuffers(columns.dropFirst(), borrowed: borrowed + [$0], body) }
    }

    func finish() throws -> [StagedFile] {
        do {
            try workbook.close()
        } catch {
            throw LoadError("\(temporaryPath): cannot finish the workbook: \(error)")
        }
        return [StagedFile(temporaryPath: temporaryPath, finalPath: finalPath, relativePath: relativePath)]
    }

    func abandon() {
        unlink(temporaryPath)
    }
}

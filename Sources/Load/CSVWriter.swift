#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a dataset as `csv/<dataset>.csv`: UTF-8, RFC 4180 (CRLF, fields quoted when needed),
/// a header row of column names, nulls as empty fields and dates as `YYYY-MM-DD`. A text field
/// that a spreadsheet would take as a formula gets a leading `'` (see `isFormulaLead`).
public struct CSVWriter: DatasetWriter {
    public var format: String { "csv" }
    /// Starts each file with a UTF-8 byte-order mark (`csv_bom`): Excel and LibreOffice then read
    /// the Chinese text as UTF-8, while Spark and others would take it into the first column name.
    public let bom: Bool

    public init(bom: Bool = false) {
        self.bom = bom
    }

    public func open(_ schema: DatasetSchema, outputRoot: String, part: PartName) throws -> any DatasetSink {
        let relative = "csv/\(schema.name)\(part.csvSuffix).csv"
        let sink = try CSVSink(schema: schema, bom: bom, finalPath: outputRoot + "/" + relative, relativePath: relative)
        return sink
    }

    /// The UTF-8 byte-order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public func encode(_ chunk: DatasetTable) -> EncodedChunk { .bytes(Self.rows(chunk)) }

    /// The header line, after a byte-order mark when `bom`.
    static func header(_ schema: DatasetSchema, bom: Bool = false) -> [UInt8] {
        var out: [UInt8] = bom ? byteOrderMark : []
        for (index, column) in schema.columns.enumerated() {
            if index > 0 { out.append(0x2C) }
            appendField(column.name, to: &out)
        }
        out += [0x0D, 0x0A]
        return out
    }

    /// The rows of a chunk, without the header.
    static func rows(_ table: DatasetTable) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(96 * table.rowCount)
        // Columns are split by type once per chunk, so the loop reads plain nested arrays
        // (`int32s[slot][row]`) and borrowed text buffers instead of unpacking an enum per cell.
        var texts: [TextRuns] = [], int32s: [[Int32?]] = [], int64s: [[Int64?]] = [], doubles: [[Double?]] = []
        // A code column's list entries are made fields once; rows copy their entry's field.
        var codes: [[UInt32]] = [], codeFields: [[[UInt8]]] = []
        var layout: [(kind: FieldKind, slot: Int)] = []
        for column in table.values {
            switch column {
            case .text(let values): layout.append((.text, texts.count)); texts.append(values)
            case .codes(let values):
                layout.append((.code, codes.count))
                codes.append(values.codes)
                codeFields.append(values.list.withBuffers { list in
                    (0 ..< values.list.count).map { entry in
                        var field: [UInt8] = []
                        appendField(list[entry]!, to: &field)
                        return field
                    }
                })
            case .int32(let values): layout.append((.int32, int32s.count)); int32s.append(values)
            case .date(let values): layout.append((.date, int32s.count)); int32s.append(values)
            case .int64(let values): layout.append((.int64, int64s.count)); int64s.append(values)
            case .double(let values): layout.append((.double, doubles.count)); doubles.append(values)
            }
        }
        withBuffers(texts[...]) { texts in
            // Each text column's current run, and whether its value needs quotes: every row of
            // a run writes the same field, so the value is scanned once per run.
            var runs = [Int](repeating: 0, count: texts.count)
            var quoted = texts.map { $0.runEnds.isEmpty ? false : needsQuotes($0.values[0]) }
            var neutralized = texts.map { $0.runEnds.isEmpty ? false : startsLikeFormula($0.values[0]) }
            for row in 0..<table.rowCount {
                if row == 64 {
                    // Size the buffer from the first rows: the fixed guess above is often far off.
                    out.reserveCapacity(out.count / 64 * table.rowCount * 9 / 8)
                }
                for index in layout.indices {
                    if index > 0 { out.append(0x2C) }
                    let slot = layout[index].slot
                    switch layout[index].kind {
                    case .code: out += codeFields[slot][Int(codes[slot][row])]
                    case .text:
                        if row == texts[slot].runEnds[runs[slot]] {
                            runs[slot] += 1
                            quoted[slot] = needsQuotes(texts[slot].values[runs[slot]])
                            neutralized[slot] = startsLikeFormula(texts[slot].values[runs[slot]])
                        }
                        guard let value = texts[slot].values[runs[slot]] else { break }
                        if quoted[slot] {
                            appendQuoted(value, neutralized: neutralized[slot], to: &out)
                        } else if neutralized[slot] {
                            out.append(0x27)
                            out.append(contentsOf: value.assumingMemoryBound(to: UInt8.self))
                        } else {
                            out.append(contentsOf: value.assumingMemoryBound(to: UInt8.self))
                        }
                    case .int32: if let value = int32s[slot][row] { appendInteger(Int64(value), to: &out) }
                    case .date: if let value = int32s[slot][row] { out += formatDate(value).utf8 }
                    case .int64: if let value = int64s[slot][row] { appendInteger(value, to: &out) }
                    case .double: if let value = doubles[slot][row] { appendDouble(value, to: &out) }
                    }
                }
                out.append(0x0D)
                out.append(0x0A)
            }
        }
        return out
    }

    /// How a column's values are kept for `rows`.
    private enum FieldKind { case text, code, int32, date, int64, double }

    /// Calls `body` with every column's bytes borrowed, one nested `withBuffers` per column.
    private static func withBuffers(_ columns: ArraySlice<TextRuns>, borrowed: [TextRuns.Buffers] = [],
                                    _ body: ([TextRuns.Buffers]) -> Void) {
        guard let first = columns.first else { return body(borrowed) }
        first.withBuffers { withBuffers(columns.dropFirst(), borrowed: borrowed + [$0], body) }
    }

    /// A whole file's bytes (header and rows).
    public static func encode(_ table: DatasetTable) -> [UInt8] { header(table.schema) + rows(table) }

    /// Quotes a field when it holds a comma, a quote, CR or LF, doubling inner quotes (RFC 4180).
    static func appendField(_ value: String, to out: inout [UInt8]) {
        var text = value
        text.withUTF8 { appendField(UnsafeRawBufferPointer($0), to: &out) }
    }

    /// `appendField` for UTF-8 bytes: copied as they are unless they need quoting or neutralizing.
    static func appendField(_ bytes: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let neutralized = startsLikeFormula(bytes)
        if needsQuotes(bytes) {
            appendQuoted(bytes, neutralized: neutralized, to: &out)
        } else {
            if neutralized { out.append(0x27) }
            out.append(contentsOf: bytes.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// Whether a text field starts with `=`, `+`, `-`, `@`, tab or CR, which Excel and LibreOffice
    /// take as the start of a formula (CSV injection: a file named `=HYPERLINK(…).txt` would become
    /// a live link). Such a field is written with a `'` in front, as OWASP recommends: every text
    /// field, a label printed as `-` included. A field that already starts with `'`s before one of
    /// those gets one more, so a reader gets the text back exactly by dropping the first `'` of a
    /// field that matches `'+[=+\-@\t\r]`. Numbers and dates are never text fields: a negative
    /// number is written as it is.
    @inline(__always)
    static func startsLikeFormula(_ bytes: UnsafeRawBufferPointer?) -> Bool {
        guard let bytes, let first = bytes.first else { return false }
        if first != 0x27 { return isFormulaLead(first) }
        guard let lead = bytes.firstIndex(where: { $0 != 0x27 }) else { return false }
        return isFormulaLead(bytes[lead])
    }

    @inline(__always)
    static func isFormulaLead(_ byte: UInt8) -> Bool {
        byte == 0x3D || byte == 0x2B || byte == 0x2D || byte == 0x40 || byte == 0x09 || byte == 0x0D
    }

    @inline(__always)
    static func needsQuotes(_ bytes: UnsafeRawBufferPointer?) -> Bool {
        bytes.map { CSVSpecialBytes.occur(in: $0) } ?? false
    }

    /// The field in quotes, inner quotes doubled; `neutralized` puts a `'` first, inside the quotes.
    static func appendQuoted(_ bytes: UnsafeRawBufferPointer, neutralized: Bool = false, to out: inout [UInt8]) {
        out.append(0x22)
        if neutralized { out.append(0x27) }
        for byte in bytes {
            if byte == 0x22 { out.append(0x22) }
            out.append(byte)
        }
        out.append(0x22)
    }

    /// Decimal digits, written straight into `out` (no `String` per value).
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(0x30 + UInt8(value))
            return
        }
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Whole numbers without a fraction (`3`), others in Swift's shortest round-trip form (`1.25`).
    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        if value.rounded() == value, abs(value) < 1e15 {
            appendInteger(Int64(value), to: &out)
        } else {
            out += String(value).utf8
        }
    }

    static func formatDouble(_ value: Double) -> String {
        var out: [UInt8] = []
        appendDouble(value, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func formatDate(_ days: Int32) -> String {
        // Howard Hinnant's civil_from_days.
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}

/// One CSV file being written.
final class CSVSink: DatasetSink {
    let file: OutputFile
    let finalPath: String
    let relativePath: String

    init(schema: DatasetSchema, bom: Bool, finalPath: String, relativePath: String) throws {
        self.finalPath = finalPath
        self.relativePath = relativePath
        file = try OutputFile(path: AtomicFile.temporaryPath(for: finalPath))
        try file.write(CSVWriter.header(schema, bom: bom))
    }

    func append(encoded: EncodedChunk) throws {
        switch encoded {
        case .bytes(let bytes): try file.write(bytes)
        case .table(let table): try file.write(CSVWriter.rows(table))
        }
    }

    func finish() throws -> [StagedFile] {
        try file.close()
        return [StagedFile(temporaryPath: file.path, finalPath: finalPath, relativePath: relativePath)]
    }

    func abandon() {
        try? file.close()
        unlink(file.path)
    }
}

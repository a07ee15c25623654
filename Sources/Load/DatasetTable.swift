/// One column's values, typed; nil is null (only in nullable columns).
public enum ColumnData: Sendable, Hashable {
    case string([String?])
    case int32([Int32?])
    case int64([Int64?])
    case double([Double?])
    /// Days since 1970-01-01.
    case date([Int32?])

    public var count: Int {
        switch self {
        case .string(let v): v.count
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .double(let v): v.count
        case .date(let v): v.count
        }
    }
}

/// One column's values as the writers read them: text stays UTF-8 bytes. Load's own
/// description; the Parquet writer maps it to Parquet's columns (`ParquetDatasetWriter`).
enum DatasetColumnValues {
    case text(TextRuns)
    case codes(TextCodes)
    case int32([Int32?])
    /// Days since 1970-01-01.
    case date([Int32?])
    case int64([Int64?])
    case double([Double?])
}

/// A dataset held as columns, the shape both CSV and Parquet writers want.
///
/// Values are kept in one array per column type and appended in place: an enum of arrays would
/// copy a whole column on every append. Text is kept as UTF-8 bytes back to back, with runs of
/// equal rows stored once (`TextRuns`), not as one `String` per row: appending copies
/// bytes (a report's id once, not once per row), a chunk frees a few buffers rather than
/// releasing every row's strings, and writers read the bytes directly. Columns of template
/// codes keep each row's position in the code list (`TextCodes`).
public struct DatasetTable: Sendable {
    public let schema: DatasetSchema
    private var strings: [TextRuns]
    private var codes: [TextCodes]
    private var int32s: [[Int32?]]
    private var int64s: [[Int64?]]
    private var doubles: [[Double?]]
    /// For each schema column, its slot in the storage array of its kind.
    private let slots: [Int]

    /// Where a column's values are kept.
    private enum Storage: Int, CaseIterable {
        case strings, codes, int32s, int64s, doubles

        init(_ column: DatasetColumn) {
            switch column.type {
            case .string: self = column.codes == nil ? .strings : .codes
            case .int32, .date: self = .int32s
            case .int64: self = .int64s
            case .double: self = .doubles
            }
        }
    }

    /// Rows appended so far: the length of the first column (every row fills every column).
    public var rowCount: Int {
        let slot = slots[0]
        switch Storage(schema.columns[0]) {
        case .strings: return strings[slot].count
        case .codes: return codes[slot].count
        case .int32s: return int32s[slot].count
        case .int64s: return int64s[slot].count
        case .doubles: return doubles[slot].count
        }
    }

    public init(schema: DatasetSchema) {
        self.schema = schema
        var counts = [Int](repeating: 0, count: Storage.allCases.count)
        var slots: [Int] = []
        for column in schema.columns {
            let kind = Storage(column).rawValue
            slots.append(counts[kind])
            counts[kind] += 1
        }
        self.slots = slots
        strings = Array(repeating: TextRuns(), count: counts[Storage.strings.rawValue])
        codes = schema.columns.compactMap { $0.codes.map { TextCodes(list: TextValues($0)) } }
        int32s = Array(repeating: [], count: counts[Storage.int32s.rawValue])
        int64s = Array(repeating: [], count: counts[Storage.int64s.rawValue])
        doubles = Array(repeating: [], count: counts[Storage.doubles.rawValue])
    }

    /// The columns in schema order, text decoded to `String`s (slow; for tests).
    public var columns: [ColumnData] {
        schema.columns.enumerated().map { index, column in
            let slot = slots[index]
            switch column.type {
            case .string where column.codes != nil: return .string((0 ..< codes[slot].count).map { codes[slot][$0] })
            case .string: return .string((0 ..< strings[slot].count).map { strings[slot][$0] })
            case .int32: return .int32(int32s[slot])
            case .date: return .date(int32s[slot])
            case .int64: return .int64(int64s[slot])
            case .double: return .double(doubles[slot])
            }
        }
    }

    /// The columns in schema order as the writers read them: text stays UTF-8 bytes.
    var values: [DatasetColumnValues] {
        schema.columns.enumerated().map { index, column in
            let slot = slots[index]
            switch column.type {
            case .string where column.codes != nil: return .codes(codes[slot])
            case .string: return .text(strings[slot])
            case .int32: return .int32(int32s[slot])
            case .date: return .date(int32s[slot])
            case .int64: return .int64(int64s[slot])
            case .double: return .double(doubles[slot])
            }
        }
    }

    /// A value to append; the case must match the column's type.
    public enum Value: Sendable {
        case string(String)
        case int(Int64)
        case double(Double)
        case date(Int32?)
    }

    /// Appends one row; values follow the schema's column order.
    public mutating func append(_ row: [Value]) {
        precondition(row.count == slots.count, "row width \(row.count) != \(slots.count) for \(schema.name)")
        for (index, value) in row.enumerated() {
            switch (schema.columns[index].type, value) {
            case (.string, .string(let s)): append(s, at: index)
            case (.int32, .int(let i)): append(Int32(truncatingIfNeeded: i), at: index)
            case (.date, .date(let d)): append(d, at: index)
            case (.int64, .int(let i)): append(i, at: index)
            case (.double, .double(let d)): append(d, at: index)
            default: preconditionFailure("value \(value) does not fit column \(schema.columns[index].name) of \(schema.name)")
            }
        }
    }

    // Typed appends, one value at a time: a row is complete once each of its columns got one.
    // They spare the hot path the `[Value]` array (an allocation per row) and its type checks.

    /// Appends to a string column.
    public mutating func append(_ value: String, at column: Int) {
        assert(schema.columns[column].type == .string, "\(schema.name).\(schema.columns[column].name) is not text")
        if schema.columns[column].codes != nil {
            codes[slots[column]].append(value)
        } else {
            strings[slots[column]].append(value)
        }
    }

    /// Appends valid UTF-8 to a string column without a code list, `count` times: a report's
    /// id and agency on each of its rows, in one call rather than one per row.
    public mutating func append(utf8: UnsafeRawBufferPointer, count: Int = 1, at column: Int) {
        assert(schema.columns[column].type == .string && schema.columns[column].codes == nil, "\(schema.name).\(schema.columns[column].name) is not plain text")
        strings[slots[column]].append(utf8: utf8.assumingMemoryBound(to: UInt8.self), count: count)
    }

    /// Appends valid UTF-8 to a nullable string column without a code list; nil is null.
    public mutating func append(utf8: UnsafeRawBufferPointer?, at column: Int) {
        guard let utf8 else {
            assert(schema.columns[column].nullable, "\(schema.name).\(schema.columns[column].name) is not nullable")
            return strings[slots[column]].appendNull()
        }
        append(utf8: utf8, count: 1, at: column)
    }

    /// Appends entry `code` of the column's code list.
    @inline(__always)
    public mutating func append(code: Int, at column: Int) {
        assert(schema.columns[column].codes != nil, "\(schema.name).\(schema.columns[column].name) has no code list")
        codes[slots[column]].append(code: code)
    }

    /// Appends entries of the column's code list, one per row: a report's cells in one call.
    public mutating func append(codes positions: UnsafeBufferPointer<UInt32>, at column: Int) {
        assert(schema.columns[column].codes != nil, "\(schema.name).\(schema.columns[column].name) has no code list")
        codes[slots[column]].append(codes: positions)
    }

    /// Appends values, none null, to an int64 column.
    public mutating func append(_ values: UnsafeBufferPointer<Int64>, at column: Int) {
        assert(schema.columns[column].type == .int64, "\(schema.name).\(schema.columns[column].name) is not int64")
        int64s[slots[column]].append(contentsOf: values.lazy.map { Optional($0) })
    }

    /// Appends values, none null, to a double column.
    public mutating func append(_ values: UnsafeBufferPointer<Double>, at column: Int) {
        assert(schema.columns[column].type == .double, "\(schema.name).\(schema.columns[column].name) is not double")
        doubles[slots[column]].append(contentsOf: values.lazy.map { Optional($0) })
    }

    /// Appends one value to each of the int64 columns `first ..< first + values.count` (a row of
    /// `reports_wide`): the storage is borrowed once, not once per column.
    public mutating func append(_ values: [Int64?], toColumnsFrom first: Int) {
        assert(schema.columns[first ..< first + values.count].allSatisfy { $0.type == .int64 }, "\(schema.name): not int64 columns")
        slots.withUnsafeBufferPointer { slots in
            int64s.withUnsafeMutableBufferPointer { columns in
                for (offset, value) in values.enumerated() { columns[slots[first &+ offset]].append(value) }
            }
        }
    }

    /// Appends one value to each of the double columns `first ..< first + values.count`.
    public mutating func append(_ values: [Double?], toColumnsFrom first: Int) {
        assert(schema.columns[first ..< first + values.count].allSatisfy { $0.type == .double }, "\(schema.name): not double columns")
        slots.withUnsafeBufferPointer { slots in
            doubles.withUnsafeMutableBufferPointer { columns in
                for (offset, value) in values.enumerated() { columns[slots[first &+ offset]].append(value) }
            }
        }
    }

    /// Appends the same int32 (a report's year) `count` times.
    public mutating func append(repeating value: Int32, count: Int, at column: Int) {
        assert([.int32, .date].contains(schema.columns[column].type), "\(schema.name).\(schema.columns[column].name) is not int32")
        int32s[slots[column]].append(contentsOf: repeatElement(value as Int32?, count: count))
    }

    /// Appends to an int32 or date column.
    @inline(__always)
    public mutating func append(_ value: Int32?, at column: Int) {
        assert([.int32, .date].contains(schema.columns[column].type), "\(schema.name).\(schema.columns[column].name) is not int32")
        int32s[slots[column]].append(value)
    }

    /// Appends to an int64 column.
    @inline(__always)
    public mutating func append(_ value: Int64?, at column: Int) {
        assert(schema.columns[column].type == .int64, "\(schema.name).\(schema.columns[column].name) is not int64")
        int64s[slots[column]].append(value)
    }

    /// Appends to a double column.
    @inline(__always)
    public mutating func append(_ value: Double?, at column: Int) {
        assert(schema.columns[column].type == .double, "\(schema.name).\(schema.columns[column].name) is not double")
        doubles[slots[column]].append(value)
    }
}

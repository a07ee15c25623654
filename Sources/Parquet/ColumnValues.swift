/// The values of one column for a batch of rows. `nil` is a null.
///
/// Arrays of optionals are the simplest thing for a caller to build; `.utf8` is the
/// fast path for text that is already UTF-8 bytes, which skips per-row `String`s.
public enum ColumnValues: Sendable {
    case string([String?])
    /// Text already encoded as UTF-8 in one contiguous buffer; written as a `.string` column.
    case utf8(UTF8StringColumn)
    /// Text with runs of equal rows stored once; written as a `.string` column.
    case utf8Runs(UTF8RunColumn)
    /// Text as positions in a list of values; written as a `.string` column.
    case utf8Codes(UTF8CodeColumn)
    case int32([Int32?])
    case int64([Int64?])
    case double([Double?])
    case boolean([Bool?])
    /// Days since 1970-01-01.
    case date([Int32?])

    /// The column type these values can be written as.
    public var type: ParquetType {
        switch self {
        case .string, .utf8, .utf8Runs, .utf8Codes: .string
        case .int32: .int32
        case .int64: .int64
        case .double: .double
        case .boolean: .boolean
        case .date: .date
        }
    }

    /// Number of rows, nulls included.
    public var count: Int {
        switch self {
        case let .string(values): values.count
        case let .utf8(values): values.count
        case let .utf8Runs(values): values.count
        case let .utf8Codes(values): values.count
        case let .int32(values): values.count
        case let .int64(values): values.count
        case let .double(values): values.count
        case let .boolean(values): values.count
        case let .date(values): values.count
        }
    }

    /// Row index of the first null, if any; used to reject nulls in required columns.
    public var firstNullIndex: Int? {
        switch self {
        case let .string(values): firstNil(values)
        case let .utf8(values): values.firstNullIndex
        case let .utf8Runs(values): values.firstNullIndex
        case .utf8Codes: nil
        case let .int32(values): firstNil(values)
        case let .int64(values): firstNil(values)
        case let .double(values): firstNil(values)
        case let .boolean(values): firstNil(values)
        case let .date(values): firstNil(values)
        }
    }
}

/// A plain loop over the buffer: this scan runs on every batch, so keep it tight.
@inline(__always)
private func firstNil<T>(_ values: [T?]) -> Int? {
    values.withUnsafeBufferPointer { buffer in
        for i in buffer.indices where buffer[i] == nil { return i }
        return nil
    }
}

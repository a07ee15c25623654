/// The values of one column for a batch of rows. `nil` is a null.
///
/// Arrays of optionals are the simplest thing for a caller to build; `.utf8` is the
/// fast path for text that is already UTF-8 bytes, which skips per-row `String`s.
public enum ColumnValues: Sendable {
    case string([String?])
    /// Text already encoded as UTF-8 in one contiguous buffer; written as a `.string` column.
    case utf8(UTF8StringColumn)
    case int32([Int32?])
    case int64([Int64?])
    case double([Double?])
    case boolean([Bool?])
    /// Days since 1970-01-01.
    case date([Int32?])

    /// The column type these values can be written as.
    public var type: ParquetType {
        switch self {
        case .string, .utf8: .string
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

/// Strings stored Arrow-style: all UTF-8 bytes back to back plus `count + 1` offsets.
///
/// Building this once and handing it to the writer avoids creating one Swift `String`
/// per row, which dominates the cost of writing text columns.
public struct UTF8StringColumn: Sendable {
    /// The UTF-8 bytes of every non-null value, concatenated.
    public private(set) var bytes: [UInt8]
    /// Value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`; `offsets[0] == 0`.
    public private(set) var offsets: [Int]
    /// `validity[i] == false` marks row `i` null; nil means no row is null.
    public private(set) var validity: [Bool]?

    public init() {
        bytes = []
        offsets = [0]
        validity = nil
    }

    /// Reserves room for `rows` values totalling about `bytes` bytes.
    public mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(byteCount)
    }

    public var count: Int { offsets.count - 1 }

    /// Appends a string (or a null).
    public mutating func append(_ value: String?) {
        guard var text = value else {
            appendNull()
            return
        }
        text.withUTF8 { appendValidBytes(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes the caller guarantees are valid UTF-8.
    public mutating func append(utf8 value: some Collection<UInt8>) {
        if let done = value.withContiguousStorageIfAvailable({ appendValidBytes(UnsafeRawBufferPointer($0)) }) {
            return done
        }
        bytes.append(contentsOf: value)
        markValid()
    }

    public mutating func appendNull() {
        if validity == nil {
            validity = [Bool](repeating: true, count: count)
        }
        validity!.append(false)
        offsets.append(bytes.count)
    }

    /// The value of row `i`, decoded to a `String` (for tests and debugging; slow).
    public subscript(i: Int) -> String? {
        if let validity, !validity[i] { return nil }
        return String(decoding: bytes[offsets[i] ..< offsets[i + 1]], as: UTF8.self)
    }

    var firstNullIndex: Int? {
        validity?.firstIndex(of: false)
    }

    private mutating func appendValidBytes(_ raw: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: raw)
        markValid()
    }

    private mutating func markValid() {
        offsets.append(bytes.count)
        if validity != nil { validity!.append(true) }
    }
}

extension UTF8StringColumn {
    /// Builds a column from optional strings.
    public init(_ values: some Sequence<String?>) {
        self.init()
        for value in values { append(value) }
    }
}

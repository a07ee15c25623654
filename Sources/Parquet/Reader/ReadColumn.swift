/// A column read back from a file, whole (every row group in order).
public enum ReadColumn: Sendable {
    /// BYTE_ARRAY (strings).
    case byteArrays(ByteArrayValues)
    /// INT32 (dates too, as days since 1970-01-01) and INT64.
    case integers([Int64?])
    case doubles([Double?])

    public var rowCount: Int {
        switch self {
        case .byteArrays(let values): values.rowCount
        case .integers(let values): values.count
        case .doubles(let values): values.count
        }
    }
}

/// Byte-array values kept as the file holds them: distinct entries (a chunk's dictionary, or one
/// per row for PLAIN pages) and, per row, the entry it holds. A caller counting a low-cardinality
/// column (codes) counts entries, and only the rows it wants become `String`s.
public struct ByteArrayValues: Sendable {
    /// The entries' bytes, one after the other.
    public internal(set) var bytes: [UInt8] = []
    /// Entry `i` is `bytes[starts[i]..<starts[i + 1]]`.
    public internal(set) var starts: [Int] = [0]
    /// Per row, its entry, or -1 for a null.
    public internal(set) var entryOfRow: [Int32] = []

    public init() {}

    public var rowCount: Int { entryOfRow.count }
    public var entryCount: Int { starts.count - 1 }

    public func entryBytes(_ entry: Int) -> ArraySlice<UInt8> { bytes[starts[entry]..<starts[entry + 1]] }
    public func entryString(_ entry: Int) -> String { String(decoding: entryBytes(entry), as: UTF8.self) }

    /// The row's text, nil for a null.
    public subscript(row: Int) -> String? {
        let entry = entryOfRow[row]
        return entry < 0 ? nil : entryString(Int(entry))
    }

    /// Adds an entry and returns its number.
    public mutating func appendEntry<C: Collection<UInt8>>(_ value: C) -> Int32 {
        bytes.append(contentsOf: value)
        starts.append(bytes.count)
        return Int32(starts.count - 2)
    }

    /// Adds a row holding `entry` (-1 for null).
    public mutating func appendRow(entry: Int32) { entryOfRow.append(entry) }
}

extension ByteArrayValues {
    /// Appends another column's entries and rows (the files of one dataset, read one by one).
    public mutating func append(contentsOf other: ByteArrayValues) {
        let base = Int32(entryCount)
        let offset = bytes.count
        bytes += other.bytes
        starts += other.starts.dropFirst().map { $0 + offset }
        entryOfRow += other.entryOfRow.map { $0 < 0 ? -1 : $0 + base }
    }
}

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

    /// A column over storage built elsewhere, laid out as above; the arrays are shared, not copied.
    public init(bytes: [UInt8], offsets: [Int], validity: [Bool]?) {
        precondition(offsets.first == 0 && offsets.last == bytes.count && validity.map { $0.count == offsets.count - 1 } ?? true,
                     "offsets and validity do not describe the bytes")
        self.bytes = bytes
        self.offsets = offsets
        self.validity = validity
    }

    /// Reserves room for `rows` values totalling about `bytes` bytes.
    public mutating func reserveCapacity(rows: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(rows + 1)
        bytes.reserveCapacity(byteCount)
    }

    public var count: Int { offsets.count - 1 }

    /// Appends a string (or a null).
    public mutating func append(_ value: String?) {
        guard let text = value else { return appendNull() }
        append(text)
    }

    /// Appends a string: one copy of its UTF-8 bytes.
    public mutating func append(_ value: String) {
        var text = value
        text.withUTF8 { appendValidBytes($0) }
    }

    /// Appends bytes the caller guarantees are valid UTF-8.
    public mutating func append(utf8 value: some Collection<UInt8>) {
        if let done = value.withContiguousStorageIfAvailable({ appendValidBytes($0) }) {
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

    /// The rows `rows`, in that order, as a new column.
    public func selecting(_ rows: [Int]) -> UTF8StringColumn {
        var result = UTF8StringColumn()
        withBuffers { buffers in
            for row in rows {
                if let value = buffers[row] { result.appendValidBytes(value.assumingMemoryBound(to: UInt8.self)) } else { result.appendNull() }
            }
        }
        return result
    }

    /// Whether the last value is `utf8` (false if it is null).
    func lastEquals(_ utf8: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[offsets.count - 2], length = bytes.count - start
        guard length == utf8.count, validity?.last != false else { return false }
        return length == 0 || bytes.withUnsafeBytes { bytesEqual($0.baseAddress! + start, utf8.baseAddress!, length) }
    }

    var firstNullIndex: Int? {
        validity?.firstIndex(of: false)
    }

    /// Typed bytes, so the append is a memcpy rather than a byte loop.
    private mutating func appendValidBytes(_ utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
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

extension UTF8StringColumn {
    /// The column's storage borrowed as raw pointers, so hot loops read values without
    /// retaining or bounds-checking the arrays. Valid only inside `withBuffers`.
    public struct Buffers {
        public let bytes: UnsafeRawBufferPointer
        public let offsets: UnsafeBufferPointer<Int>
        /// nil when no row is null.
        public let validity: UnsafeBufferPointer<Bool>?

        /// The bytes of row `i`, or nil for a null.
        @inline(__always)
        public subscript(i: Int) -> UnsafeRawBufferPointer? {
            if let validity, !validity[i] { return nil }
            return UnsafeRawBufferPointer(rebasing: bytes[offsets[i] ..< offsets[i &+ 1]])
        }
    }

    /// Calls `body` with the column's storage borrowed (see `Buffers`).
    public func withBuffers<R>(_ body: (Buffers) throws -> R) rethrows -> R {
        try bytes.withUnsafeBytes { bytes in
            try offsets.withUnsafeBufferPointer { offsets in
                if let validity {
                    try validity.withUnsafeBufferPointer { try body(Buffers(bytes: bytes, offsets: offsets, validity: $0)) }
                } else {
                    try body(Buffers(bytes: bytes, offsets: offsets, validity: nil))
                }
            }
        }
    }
}

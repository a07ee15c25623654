/// Dataset text as Load keeps it: UTF-8 bytes back to back, never one `String` per row. Load's
/// own, so that the CSV and workbook writers read it without the Parquet module; the Parquet
/// writer hands the same arrays to Parquet's columns (no copy).

/// Values stored Arrow-style: every value's UTF-8 bytes back to back, `count + 1` offsets.
public struct TextValues: Sendable {
    /// The UTF-8 bytes of every non-null value, concatenated.
    public private(set) var bytes: [UInt8] = []
    /// Value `i` is `bytes[offsets[i] ..< offsets[i + 1]]`.
    public private(set) var offsets: [Int] = [0]
    /// `validity[i] == false` marks value `i` null; nil when none is.
    public private(set) var validity: [Bool]?

    public init() {}

    /// The values of a list (a template's codes).
    public init(_ values: [String]) {
        for value in values {
            var text = value
            text.withUTF8 { append(utf8: $0) }
        }
    }

    public var count: Int { offsets.count - 1 }

    /// Appends bytes the caller guarantees are valid UTF-8.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: utf8)
        offsets.append(bytes.count)
        if validity != nil { validity!.append(true) }
    }

    mutating func appendNull() {
        if validity == nil { validity = [Bool](repeating: true, count: count) }
        validity!.append(false)
        offsets.append(bytes.count)
    }

    /// Whether the last value is `utf8` (false if it is null).
    func lastEquals(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = offsets[offsets.count - 2], length = bytes.count - start
        guard length == utf8.count, validity?.last != false else { return false }
        guard length > 0 else { return true }
        // A word at a time: this runs for each row appended (most extend the run before).
        return bytes.withUnsafeBytes { stored in
            let a = stored.baseAddress! + start, b = UnsafeRawPointer(utf8.baseAddress!)
            var i = 0
            while i &+ 8 <= length {
                if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
                i &+= 8
            }
            while i < length {
                if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
                i &+= 1
            }
            return true
        }
    }

    /// Value `i` decoded to a `String` (for tests; slow).
    public subscript(i: Int) -> String? {
        if let validity, !validity[i] { return nil }
        return String(decoding: bytes[offsets[i] ..< offsets[i + 1]], as: UTF8.self)
    }

    /// The storage borrowed as raw pointers, so hot loops read values without retaining or
    /// bounds-checking the arrays. Valid only inside `withBuffers`.
    struct Buffers {
        let bytes: UnsafeRawBufferPointer
        let offsets: UnsafeBufferPointer<Int>
        let validity: UnsafeBufferPointer<Bool>?

        /// The bytes of value `i`, or nil for a null.
        @inline(__always)
        subscript(i: Int) -> UnsafeRawBufferPointer? {
            if let validity, !validity[i] { return nil }
            return UnsafeRawBufferPointer(rebasing: bytes[offsets[i] ..< offsets[i &+ 1]])
        }
    }

    func withBuffers<R>(_ body: (Buffers) throws -> R) rethrows -> R {
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

/// A text column whose runs of equal rows are stored once (a report's id and agency on each of
/// its rows): such rows cost no bytes, and writers handle a run once.
public struct TextRuns: Sendable {
    /// One value per run; consecutive runs differ.
    public private(set) var values = TextValues()
    /// Run `r` covers rows `runEnds[r - 1] ..< runEnds[r]` (from row 0 for the first run).
    public private(set) var runEnds: [Int] = []

    public init() {}

    /// Number of rows.
    public var count: Int { runEnds.last ?? 0 }

    /// Appends valid UTF-8 on `count` rows; they extend the last run if they equal it.
    mutating func append(utf8: UnsafeBufferPointer<UInt8>, count: Int = 1) {
        guard count > 0 else { return }
        if !runEnds.isEmpty, values.lastEquals(utf8) {
            runEnds[runEnds.count - 1] += count
        } else {
            values.append(utf8: utf8)
            runEnds.append(self.count + count)
        }
    }

    mutating func append(_ value: String) {
        var text = value
        text.withUTF8 { append(utf8: $0) }
    }

    /// Appends a null row.
    mutating func appendNull() {
        if !runEnds.isEmpty, values.validity?.last == false {
            runEnds[runEnds.count - 1] += 1
        } else {
            values.appendNull()
            runEnds.append(count + 1)
        }
    }

    /// Row `i` decoded to a `String` (for tests; slow).
    public subscript(i: Int) -> String? {
        values[runEnds.firstIndex { $0 > i }!]
    }

    struct Buffers {
        let values: TextValues.Buffers
        let runEnds: UnsafeBufferPointer<Int>
    }

    func withBuffers<R>(_ body: (Buffers) throws -> R) rethrows -> R {
        try values.withBuffers { values in
            try runEnds.withUnsafeBufferPointer { try body(Buffers(values: values, runEnds: $0)) }
        }
    }
}

/// A text column drawn from a short list (template codes): each row is its position in the list.
public struct TextCodes: Sendable {
    /// The list rows point into; shared unchanged by every chunk of a dataset.
    public private(set) var list: TextValues
    /// Row `i` is `list[codes[i]]`.
    public private(set) var codes: [UInt32] = []

    public init(list: TextValues) {
        precondition(list.validity == nil, "a code list has no nulls")
        self.list = list
    }

    public var count: Int { codes.count }

    @inline(__always)
    mutating func append(code: Int) {
        assert(code >= 0 && code < list.count, "code \(code) is not in the list of \(list.count)")
        codes.append(UInt32(truncatingIfNeeded: code))
    }

    mutating func append(codes positions: UnsafeBufferPointer<UInt32>) {
        assert(positions.allSatisfy { Int($0) < list.count }, "a code is not in the list of \(list.count)")
        codes.append(contentsOf: positions)
    }

    /// Appends `value`, adding it to the list if it is not there (a linear search: for lists of a
    /// few tens of values).
    mutating func append(_ value: String) {
        if let code = (0 ..< list.count).first(where: { list[$0] == value }) { return append(code: code) }
        var text = value
        text.withUTF8 { list.append(utf8: $0) }
        append(code: list.count - 1)
    }

    /// Row `i` decoded to a `String` (for tests; slow).
    public subscript(i: Int) -> String? { list[Int(codes[i])] }
}

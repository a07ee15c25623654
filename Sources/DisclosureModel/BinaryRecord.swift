/// Writes the work store's compact binary format (LEB128 varints, length-prefixed UTF-8 strings,
/// little-endian doubles: far cheaper than JSON for the hundreds of thousands of records a nightly
/// run re-reads) into memory reserved up front for a record whose size was bounded before (see
/// `record(bound:tag:_:)`): no uniqueness or capacity check per byte, but each write checks
/// before it happens that the room is there, so a wrong bound stops the run instead of writing
/// past the buffer.
struct ReservedWriter {
    private(set) var next: UnsafeMutablePointer<UInt8>
    private let end: UnsafeMutablePointer<UInt8>

    /// Bytes a varint, an `Int`, a `Double` or a `Bool` can take at the most.
    static let numberBound = 10

    /// Bytes `write(string)` can take at the most.
    static func bound(_ string: String) -> Int { string.utf8.count + numberBound }

    /// A record of at most `bound` bytes, written by `body`, after `tag` when there is one (a store
    /// keeping several kinds of record tells them apart by it, without copying the record).
    static func record(bound: Int, tag: UInt8? = nil, _ body: (inout ReservedWriter) -> Void) -> [UInt8] {
        let capacity = bound + (tag == nil ? 0 : 1)
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var writer = ReservedWriter(next: buffer.baseAddress!, end: buffer.baseAddress! + capacity)
            if let tag { writer.writeByte(tag) }
            body(&writer)
            count = writer.next - buffer.baseAddress!
        }
    }

    /// Stops the run when `count` more bytes would not fit: the record's bound was computed wrong.
    @inline(__always)
    private func ensureRoom(_ count: Int) {
        precondition(end - next >= count, "a work-store record overran the bound computed for it")
    }

    mutating func write(_ value: UInt64) {
        ensureRoom(Self.numberBound)
        var v = value
        while v >= 0x80 {
            next.initialize(to: UInt8(truncatingIfNeeded: v) | 0x80)
            next += 1
            v >>= 7
        }
        next.initialize(to: UInt8(v))
        next += 1
    }

    mutating func write(_ value: Int) { write(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)) }

    mutating func write(_ value: Int64) { write(UInt64(bitPattern: value << 1 ^ value >> 63)) }

    mutating func write(_ value: Double) {
        ensureRoom(8)
        UnsafeMutableRawPointer(next).storeBytes(of: value.bitPattern.littleEndian, as: UInt64.self)
        next += 8
    }

    /// `initialize(from: utf8)` copies native and small strings alike with one memcpy.
    mutating func write(_ value: String) {
        let count = value.utf8.count
        write(UInt64(count))
        ensureRoom(count)
        _ = UnsafeMutableBufferPointer(start: next, count: count).initialize(from: value.utf8)
        next += count
    }

    mutating func write(_ value: Bool) { writeByte(value ? 1 : 0) }

    mutating func writeByte(_ value: UInt8) {
        ensureRoom(1)
        next.initialize(to: value)
        next += 1
    }
}

/// Reads what `ReservedWriter` wrote; every read checks bounds and throws on a damaged record.
public struct BinaryReader {
    private let bytes: [UInt8]
    private var index: Int

    /// A reader of `bytes` from `start` on (past a store's tag byte, say).
    public init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        self.index = start
    }

    public struct Damaged: Error, CustomStringConvertible, Sendable {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public var isAtEnd: Bool { index == bytes.count }

    public mutating func readUInt64() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard index < bytes.count, shift < 64 else { throw Damaged(description: "record ends inside a number at byte \(index)") }
            let byte = bytes[index]
            index += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func readInt64() throws -> Int64 {
        let raw = try readUInt64()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    public mutating func readInt() throws -> Int { Int(try readInt64()) }

    public mutating func readDouble() throws -> Double {
        guard index + 8 <= bytes.count else { throw Damaged(description: "record ends inside a double at byte \(index)") }
        var bits: UInt64 = 0
        for shift in 0..<8 { bits |= UInt64(bytes[index + shift]) << (8 * UInt64(shift)) }
        index += 8
        return Double(bitPattern: bits)
    }

    public mutating func readString() throws -> String {
        String(decoding: bytes[try readStringRange()], as: UTF8.self)
    }

    /// Where the next string's UTF-8 bytes are in the record, for readers that copy them
    /// without making a `String`.
    public mutating func readStringRange() throws -> Range<Int> {
        let length = try readUInt64()
        guard length <= UInt64(bytes.count - index) else { throw Damaged(description: "record ends inside a string at byte \(index)") }
        let count = Int(length)
        defer { index += count }
        return index..<(index + count)
    }

    /// How many entries follow. Each takes at least a byte, so a count beyond the bytes left is
    /// damage, caught here before anyone reserves room for that many.
    public mutating func readCount(what: @autoclosure () -> String) throws -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - index) else {
            throw Damaged(description: "\(what()) count \(count) at byte \(index) is more than the record holds")
        }
        return Int(count)
    }

    public mutating func readBool() throws -> Bool { try readByte() != 0 }

    public mutating func readByte() throws -> UInt8 {
        guard index < bytes.count else { throw Damaged(description: "record ends at byte \(index)") }
        defer { index += 1 }
        return bytes[index]
    }

    /// An index into a table of `count` codes.
    public mutating func readIndex(below count: Int, what: String) throws -> Int {
        let value = try readUInt64()
        guard value < UInt64(count) else { throw Damaged(description: "\(what) code #\(value) does not exist (\(count) known)") }
        return Int(value)
    }
}

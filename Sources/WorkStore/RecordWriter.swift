import DisclosureModel

/// Writes the work store's compact binary format (LEB128 varints, length-prefixed UTF-8 strings,
/// little-endian doubles: far cheaper than JSON for the hundreds of thousands of records a nightly
/// run re-reads) into memory reserved up front for a record whose size `RecordSizer` bounded from
/// the same declaration: no uniqueness or capacity check per byte, but each write checks before it
/// happens that the room is there, so a wrong bound stops the run instead of writing past the buffer.
public struct RecordWriter: RecordCoder {
    public static var isReading: Bool { false }
    private var next: UnsafeMutablePointer<UInt8>
    private let end: UnsafeMutablePointer<UInt8>
    /// Where the last code of each list was found, where the next one most likely is.
    private var codes = CodeCursors.start

    /// Bytes a varint, an `Int`, a `Double` or a `Bool` can take at the most.
    static let numberBound = 10

    /// A record of at most `bound` bytes, written by `body`, after `tag` when there is one (a store
    /// keeping several kinds of record tells them apart by it, without copying the record).
    static func record(bound: Int, tag: UInt8? = nil, _ body: (inout RecordWriter) -> Void) -> [UInt8] {
        let capacity = bound + (tag == nil ? 0 : 1)
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            var writer = RecordWriter(next: buffer.baseAddress!, end: buffer.baseAddress! + capacity)
            if let tag { writer.writeByte(tag) }
            body(&writer)
            count = writer.next - buffer.baseAddress!
        }
    }

    private init(next: UnsafeMutablePointer<UInt8>, end: UnsafeMutablePointer<UInt8>) {
        self.next = next
        self.end = end
    }

    /// Stops the run when `count` more bytes would not fit: the record's bound was computed wrong.
    @inline(__always)
    private func ensureRoom(_ count: Int) {
        precondition(end - next >= count, "a work-store record overran the bound computed for it")
    }

    /// Inlined: every field but a double is written through it.
    @inline(__always)
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

    mutating func writeByte(_ value: UInt8) {
        ensureRoom(1)
        next.initialize(to: value)
        next += 1
    }

    /// Zigzag, so that small negative numbers stay short.
    public mutating func int(_ value: inout Int) { write(UInt64(bitPattern: Int64(value) << 1 ^ Int64(value) >> 63)) }

    public mutating func int64(_ value: inout Int64) { write(UInt64(bitPattern: value << 1 ^ value >> 63)) }

    public mutating func double(_ value: inout Double) {
        ensureRoom(8)
        UnsafeMutableRawPointer(next).storeBytes(of: value.bitPattern.littleEndian, as: UInt64.self)
        next += 8
    }

    public mutating func bool(_ value: inout Bool) { writeByte(value ? 1 : 0) }

    /// `initialize(from: utf8)` copies native and small strings alike with one memcpy.
    public mutating func string(_ value: inout String) {
        let count = value.utf8.count
        write(UInt64(count))
        ensureRoom(count)
        _ = UnsafeMutableBufferPointer(start: next, count: count).initialize(from: value.utf8)
        next += count
    }

    public mutating func position(_ value: inout Int, below limit: Int, what: StaticString) { write(UInt64(value)) }

    public mutating func count(_ value: inout Int, what: StaticString) { write(UInt64(value)) }

    public mutating func list<Element: StoredFields>(_ list: inout [Element], what: StaticString) {
        write(UInt64(list.count))
        list.forEachInPlace { try! $0.fields(&self) }
    }

    public mutating func storedEnum<Case: StoredEnum>(_ value: inout Case, what: StaticString) {
        write(UInt64(Case.storedOrder.firstIndex(of: value)!))
    }

    /// Inlined so that the code is read in place from its cell, not retained for the call.
    @inline(__always)
    public mutating func code(_ value: inout String, in list: StoredCodeList) {
        write(UInt64(codes.position(of: value, in: list)))
    }
}

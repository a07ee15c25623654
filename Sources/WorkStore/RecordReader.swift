import DisclosureModel

/// Reads what `RecordWriter` wrote; every read checks bounds and throws on a damaged record.
public struct RecordReader: RecordCoder {
    public static var isReading: Bool { true }
    private let bytes: [UInt8]
    private var index: Int

    /// A reader of `bytes` from `start` on (past a store's tag byte, say).
    public init(_ bytes: [UInt8], from start: Int = 0) {
        self.bytes = bytes
        self.index = start
    }

    /// A record whose bytes are not what a writer of its format writes: storage damage the frame's
    /// checksum did not catch, or a bug.
    public struct Damaged: Error, CustomStringConvertible, Sendable {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// A record written in another version of its format (`StoredRecord.formatVersion`): not
    /// damage, but nothing this build can read; the stage that wrote it is run again.
    public struct OtherVersion: Error, CustomStringConvertible, Sendable {
        public let record: String
        public let found, expected: UInt8
        public var description: String {
            "is in format version \(found) of \(record) records, and this build reads version \(expected)"
        }
    }

    public var isAtEnd: Bool { index == bytes.count }

    /// Reads the record's leading version byte; throws `OtherVersion` unless it is `expected`.
    public mutating func formatVersion<Record>(_ expected: UInt8, of record: Record.Type) throws {
        let found = try readByte()
        guard found == expected else { throw OtherVersion(record: "\(record)", found: found, expected: expected) }
    }

    /// Throws unless every byte has been read: a record longer than its declaration is not one of its format.
    public func expectEnd(of record: String) throws {
        guard isAtEnd else { throw Damaged(description: "\(record) record has \(bytes.count - index) bytes past its last field") }
    }

    /// Inlined for the common one-byte number (codes, counts, small values); longer ones go on
    /// in `readLongUInt64`.
    @inline(__always)
    public mutating func readUInt64() throws -> UInt64 {
        if index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                index &+= 1
                return UInt64(byte)
            }
        }
        return try readLongUInt64()
    }

    private mutating func readLongUInt64() throws -> UInt64 {
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
    public mutating func readCount(what: StaticString) throws -> Int {
        let count = try readUInt64()
        guard count <= UInt64(bytes.count - index) else {
            throw Damaged(description: "\(what) count \(count) at byte \(index) is more than the record holds")
        }
        return Int(count)
    }

    @inline(__always)
    public mutating func readByte() throws -> UInt8 {
        guard index < bytes.count else { throw Damaged(description: "record ends at byte \(index)") }
        defer { index += 1 }
        return bytes[index]
    }

    /// A number below `count`: an index into a table of `count` codes.
    @inline(__always)
    public mutating func readIndex(below count: Int, what: StaticString) throws -> Int {
        let value = try readUInt64()
        guard value < UInt64(count) else { throw Damaged(description: "\(what) #\(value) does not exist (\(count) known)") }
        return Int(value)
    }

    public mutating func int(_ value: inout Int) throws { value = try readInt() }
    public mutating func int64(_ value: inout Int64) throws { value = try readInt64() }
    public mutating func double(_ value: inout Double) throws { value = try readDouble() }

    /// 0 or 1; any other byte is damage. Inlined: every optional field starts with one.
    @inline(__always)
    public mutating func bool(_ value: inout Bool) throws {
        let byte = try readByte()
        guard byte <= 1 else { throw Damaged(description: "flag \(byte) at byte \(index - 1) is neither 0 nor 1") }
        value = byte == 1
    }

    public mutating func string(_ value: inout String) throws { value = try readString() }
    public mutating func position(_ value: inout Int, below limit: Int, what: StaticString) throws { value = try readIndex(below: limit, what: what) }
    public mutating func count(_ value: inout Int, what: StaticString) throws { value = try readCount(what: what) }

    public mutating func list<Element: StoredFields>(_ list: inout [Element], what: StaticString) throws {
        let count = try readCount(what: what)
        list = []
        list.reserveCapacity(count)
        for _ in 0..<count {
            var element = Element.blank
            try element.fields(&self)
            list.append(element)
        }
    }

    public mutating func storedEnum<Case: StoredEnum>(_ value: inout Case, what: StaticString) throws {
        value = Case.storedOrder[try readIndex(below: Case.storedOrder.count, what: what)]
    }

    public mutating func code(_ value: inout String, in list: StoredCodeList) throws {
        let codes = list.codes, position = try readUInt64()
        guard position < UInt64(codes.count) else { throw Damaged(description: "\(list) code #\(position) does not exist (\(codes.count) known)") }
        value = codes[Int(position)]
    }
}

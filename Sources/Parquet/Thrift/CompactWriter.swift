/// Type nibbles of the Thrift compact protocol, as they appear in field and list headers.
enum CompactType: UInt8 {
    case boolTrue = 1
    case boolFalse = 2
    case byte = 3
    case i16 = 4
    case i32 = 5
    case i64 = 6
    case double = 7
    case binary = 8
    case list = 9
    case set = 10
    case map = 11
    case `struct` = 12
}

/// A value that serialises itself as the fields of a Thrift struct.
protocol ThriftStruct {
    /// Writes the fields only; the caller brackets them with struct begin/stop.
    func writeFields(to writer: inout CompactWriter)
}

extension ThriftStruct {
    /// The struct as a top-level compact-protocol message body (fields, then stop byte).
    func serialized(capacity: Int = 64) -> [UInt8] {
        var writer = CompactWriter(capacity: capacity)
        writeFields(to: &writer)
        writer.writeStop()
        return writer.bytes
    }
}

/// Thrift compact protocol encoder (the Parquet footer and page headers use it).
///
/// Field headers carry the id as a delta from the previous field of the same struct when
/// it fits in a nibble, so the encoder keeps the last id per nesting level.
struct CompactWriter {
    private(set) var bytes: [UInt8]
    private var lastFieldID: Int16 = 0
    private var enclosingFieldIDs: [Int16] = []

    init(capacity: Int = 64) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    // MARK: Primitives

    mutating func writeVarint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    static func zigzag(_ v: Int32) -> UInt32 {
        UInt32(bitPattern: (v << 1) ^ (v >> 31))
    }

    static func zigzag(_ v: Int64) -> UInt64 {
        UInt64(bitPattern: (v << 1) ^ (v >> 63))
    }

    mutating func writeStop() {
        bytes.append(0)
    }

    private mutating func writeFieldHeader(_ id: Int16, _ type: CompactType) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0, delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(UInt64(CompactWriter.zigzag(Int32(id))))
        }
        lastFieldID = id
    }

    private mutating func writeCollectionHeader(_ elementType: CompactType, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            writeVarint(UInt64(count))
        }
    }

    private mutating func writeBinaryBody(_ value: some Collection<UInt8>) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    // MARK: Fields

    mutating func writeBool(_ id: Int16, _ value: Bool) {
        writeFieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func writeI8(_ id: Int16, _ value: Int8) {
        writeFieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func writeI16(_ id: Int16, _ value: Int16) {
        writeFieldHeader(id, .i16)
        writeVarint(UInt64(CompactWriter.zigzag(Int32(value))))
    }

    mutating func writeI32(_ id: Int16, _ value: Int32) {
        writeFieldHeader(id, .i32)
        writeVarint(UInt64(CompactWriter.zigzag(value)))
    }

    mutating func writeI64(_ id: Int16, _ value: Int64) {
        writeFieldHeader(id, .i64)
        writeVarint(CompactWriter.zigzag(value))
    }

    mutating func writeDouble(_ id: Int16, _ value: Double) {
        writeFieldHeader(id, .double)
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func writeBinary(_ id: Int16, _ value: some Collection<UInt8>) {
        writeFieldHeader(id, .binary)
        writeBinaryBody(value)
    }

    mutating func writeString(_ id: Int16, _ value: String) {
        writeBinary(id, value.utf8)
    }

    /// A nested struct field; `body` writes its fields.
    mutating func writeStruct(_ id: Int16, _ body: (inout CompactWriter) -> Void) {
        writeFieldHeader(id, .struct)
        writeStructBody(body)
    }

    mutating func writeStruct(_ id: Int16, _ value: some ThriftStruct) {
        writeStruct(id) { value.writeFields(to: &$0) }
    }

    /// An empty struct, used for Thrift unions whose chosen member carries no data
    /// (e.g. `LogicalType.STRING`, `ColumnOrder.TYPE_ORDER`).
    mutating func writeEmptyStruct(_ id: Int16) {
        writeStruct(id) { _ in }
    }

    private mutating func writeStructBody(_ body: (inout CompactWriter) -> Void) {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
        body(&self)
        writeStop()
        lastFieldID = enclosingFieldIDs.removeLast()
    }

    // MARK: Lists

    mutating func writeI32List(_ id: Int16, _ values: [Int32]) {
        writeFieldHeader(id, .list)
        writeCollectionHeader(.i32, count: values.count)
        for value in values { writeVarint(UInt64(CompactWriter.zigzag(value))) }
    }

    mutating func writeStringList(_ id: Int16, _ values: [String]) {
        writeFieldHeader(id, .list)
        writeCollectionHeader(.binary, count: values.count)
        for value in values { writeBinaryBody(value.utf8) }
    }

    mutating func writeStructList<S: ThriftStruct>(_ id: Int16, _ values: [S]) {
        writeFieldHeader(id, .list)
        writeCollectionHeader(.struct, count: values.count)
        for value in values { writeStructBody { value.writeFields(to: &$0) } }
    }

    /// A list whose elements are structs written by `element`, one call per index.
    mutating func writeStructList(_ id: Int16, count: Int, _ element: (Int, inout CompactWriter) -> Void) {
        writeFieldHeader(id, .list)
        writeCollectionHeader(.struct, count: count)
        for index in 0 ..< count { writeStructBody { element(index, &$0) } }
    }
}

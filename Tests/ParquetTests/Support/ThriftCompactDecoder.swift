// A Thrift compact-protocol decoder for tests only: it parses whatever the writer produced
// into a generic tree, so tests can check field ids and values independently of the
// writer's own structs.

struct DecodeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

indirect enum ThriftValue: Equatable {
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case binary([UInt8])
    case list([ThriftValue])
    case structure(ThriftStructValue)

    var int: Int64? { if case let .int(v) = self { v } else { nil } }
    var binary: [UInt8]? { if case let .binary(v) = self { v } else { nil } }
    var string: String? { binary.map { String(decoding: $0, as: UTF8.self) } }
    var list: [ThriftValue]? { if case let .list(v) = self { v } else { nil } }
    var structure: ThriftStructValue? { if case let .structure(v) = self { v } else { nil } }
    var bool: Bool? { if case let .bool(v) = self { v } else { nil } }
}

struct ThriftStructValue: Equatable {
    var fields: [Int16: ThriftValue] = [:]
    /// Field ids in the order they appeared on the wire.
    var order: [Int16] = []

    subscript(_ id: Int16) -> ThriftValue? { fields[id] }
    func int(_ id: Int16) -> Int64? { fields[id]?.int }
    func string(_ id: Int16) -> String? { fields[id]?.string }
    func binary(_ id: Int16) -> [UInt8]? { fields[id]?.binary }
    func structure(_ id: Int16) -> ThriftStructValue? { fields[id]?.structure }
    func list(_ id: Int16) -> [ThriftValue]? { fields[id]?.list }
    func structs(_ id: Int16) -> [ThriftStructValue] { list(id)?.compactMap(\.structure) ?? [] }
}

struct ThriftCompactDecoder {
    let bytes: [UInt8]
    private(set) var position: Int

    init(_ bytes: [UInt8], at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    mutating func readByte() throws -> UInt8 {
        guard position < bytes.count else { throw DecodeError("unexpected end of Thrift data") }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func readVarint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw DecodeError("varint too long") }
        }
    }

    mutating func readZigzag() throws -> Int64 {
        let raw = try readVarint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    mutating func readStruct() throws -> ThriftStructValue {
        var result = ThriftStructValue()
        var lastID: Int16 = 0
        while true {
            let header = try readByte()
            if header == 0 { return result }
            let type = header & 0x0F
            let delta = header >> 4
            let id: Int16 = delta == 0 ? Int16(try readZigzag()) : lastID + Int16(delta)
            lastID = id
            let value: ThriftValue
            switch type {
            case 1: value = .bool(true)
            case 2: value = .bool(false)
            default: value = try readValue(type: type)
            }
            result.fields[id] = value
            result.order.append(id)
        }
    }

    mutating func readValue(type: UInt8) throws -> ThriftValue {
        switch type {
        case 1, 2: return .bool(try readByte() == 1)   // inside collections
        case 3: return .int(Int64(Int8(bitPattern: try readByte())))
        case 4, 5, 6: return .int(try readZigzag())
        case 7:
            var bits: UInt64 = 0
            for i in 0 ..< 8 { bits |= UInt64(try readByte()) << (8 * UInt64(i)) }
            return .double(Double(bitPattern: bits))
        case 8:
            let length = Int(try readVarint())
            guard position + length <= bytes.count else { throw DecodeError("binary runs past the end") }
            defer { position += length }
            return .binary(Array(bytes[position ..< position + length]))
        case 9, 10:
            let header = try readByte()
            var count = Int(header >> 4)
            if count == 15 { count = Int(try readVarint()) }
            let elementType = header & 0x0F
            var items: [ThriftValue] = []
            for _ in 0 ..< count { items.append(try readValue(type: elementType)) }
            return .list(items)
        case 12:
            return .structure(try readStruct())
        default:
            throw DecodeError("unsupported Thrift type \(type)")
        }
    }
}

/// A Thrift compact-protocol value as read back: the footer and page headers are small, so they
/// are read into this generic tree and the reader picks the fields it knows by id.
enum ThriftValue: Sendable {
    case int(Int64)
    case double(Double)
    case binary(ArraySlice<UInt8>)
    case list([ThriftValue])
    case fields([Int16: ThriftValue])

    var int: Int64? { if case .int(let value) = self { value } else { nil } }
    var list: [ThriftValue] { if case .list(let values) = self { values } else { [] } }
    var string: String? { if case .binary(let bytes) = self { String(decoding: bytes, as: UTF8.self) } else { nil } }
    subscript(_ id: Int16) -> ThriftValue? { if case .fields(let fields) = self { fields[id] } else { nil } }
}

/// Thrift compact protocol decoder: the inverse of `CompactWriter`, for the structs Parquet uses
/// (booleans, integers, doubles, binary, lists and nested structs; sets and maps are refused).
struct CompactReader {
    let bytes: ArraySlice<UInt8>
    private(set) var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    /// Reads one struct (fields up to its stop byte).
    mutating func readStruct() throws -> ThriftValue {
        var fields: [Int16: ThriftValue] = [:]
        var lastID: Int16 = 0
        while true {
            let header = try byte()
            if header == 0 { return .fields(fields) }
            let delta = Int16(header >> 4)
            let id = delta == 0 ? Int16(truncatingIfNeeded: unzigzag(try varint())) : lastID &+ delta
            lastID = id
            fields[id] = try value(ofType: header & 0x0F)
        }
    }

    private mutating func value(ofType type: UInt8) throws -> ThriftValue {
        switch type {
        case 1: return .int(1)
        case 2: return .int(0)
        case 3: return .int(Int64(Int8(bitPattern: try byte())))
        case 4, 5, 6: return .int(unzigzag(try varint()))
        case 7:
            guard position + 8 <= bytes.endIndex else { throw ParquetError.corrupt("Thrift double past the end") }
            var bits: UInt64 = 0
            for offset in 0..<8 { bits |= UInt64(bytes[position + offset]) << (8 * offset) }
            position += 8
            return .double(Double(bitPattern: bits))
        case 8:
            // Sizes are checked before any arithmetic: a damaged file must throw, never trap.
            let length = Int(truncatingIfNeeded: try varint())
            guard length >= 0, length <= bytes.endIndex - position else { throw ParquetError.corrupt("Thrift binary past the end") }
            defer { position += length }
            return .binary(bytes[position..<(position + length)])
        case 9:
            let header = try byte()
            var count = Int(header >> 4)
            if count == 15 { count = Int(truncatingIfNeeded: try varint()) }
            // Each element takes at least a byte.
            guard count >= 0, count <= bytes.endIndex - position else { throw ParquetError.corrupt("Thrift list longer than the bytes left") }
            let elementType = header & 0x0F
            var values: [ThriftValue] = []
            values.reserveCapacity(min(count, 1 << 16))
            for _ in 0..<count {
                // In lists a boolean is a whole byte (1 true, 2 false) rather than a type nibble.
                values.append(elementType == 1 || elementType == 2 ? .int(try byte() == 1 ? 1 : 0) : try value(ofType: elementType))
            }
            return .list(values)
        case 12: return try readStruct()
        default: throw ParquetError.corrupt("Thrift type \(type) not supported")
        }
    }

    private mutating func byte() throws -> UInt8 {
        guard position < bytes.endIndex else { throw ParquetError.corrupt("Thrift struct past the end") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
            guard shift < 64 else { throw ParquetError.corrupt("Thrift varint too long") }
        }
    }

    private func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}

// A minimal Parquet reader for tests: footer via ThriftCompactDecoder, pages decompressed with
// zstd, PLAIN / RLE_DICTIONARY values and RLE definition levels decoded. It supports exactly
// the flat schemas this writer produces.

import CZstd
@testable import Parquet

/// A decoded value, compared exactly (doubles by bit pattern).
enum CellValue: Equatable, CustomStringConvertible {
    case bytes([UInt8])
    case int32(Int32)
    case int64(Int64)
    case double(UInt64)
    case bool(Bool)

    var description: String {
        switch self {
        case let .bytes(b): "\"\(String(decoding: b, as: UTF8.self))\""
        case let .int32(v): "\(v)"
        case let .int64(v): "\(v)"
        case let .double(bits): "\(Double(bitPattern: bits))"
        case let .bool(v): "\(v)"
        }
    }
}

struct DecodedPage {
    var header: ThriftStructValue
    var offset: Int
    var headerLength: Int
    /// The decompressed page body.
    var body: [UInt8]

    var type: Int64 { header.int(1)! }
    var encoding: Int64? { header.structure(5)?.int(2) }
    var valueCount: Int { Int(header.structure(5)?.int(1) ?? header.structure(7)?.int(1) ?? 0) }
}

struct TestParquetFile {
    let bytes: [UInt8]
    let footer: ThriftStructValue

    init(_ bytes: [UInt8]) throws {
        self.bytes = bytes
        guard bytes.count >= 12, Array(bytes.prefix(4)) == Array("PAR1".utf8), Array(bytes.suffix(4)) == Array("PAR1".utf8) else {
            throw DecodeError("missing PAR1 magic")
        }
        let n = bytes.count
        let length = Int(bytes[n - 8]) | Int(bytes[n - 7]) << 8 | Int(bytes[n - 6]) << 16 | Int(bytes[n - 5]) << 24
        let start = n - 8 - length
        guard start >= 4 else { throw DecodeError("bad footer length") }
        var decoder = ThriftCompactDecoder(bytes, at: start)
        footer = try decoder.readStruct()
        guard decoder.position == n - 8 else { throw DecodeError("footer length does not match its content") }
    }

    var schema: [ThriftStructValue] { footer.structs(2) }
    var leaves: [ThriftStructValue] { Array(schema.dropFirst()) }
    var numRows: Int64 { footer.int(3)! }
    var rowGroups: [ThriftStructValue] { footer.structs(4) }

    func columnMeta(rowGroup: Int, column: Int) -> ThriftStructValue {
        rowGroups[rowGroup].structs(1)[column].structure(3)!
    }

    /// Every page of a column chunk, in file order, with decompressed bodies.
    func pages(rowGroup: Int, column: Int) throws -> [DecodedPage] {
        let meta = columnMeta(rowGroup: rowGroup, column: column)
        let start = Int(meta.int(11) ?? meta.int(9)!)
        let end = start + Int(meta.int(7)!)
        var pages: [DecodedPage] = []
        var offset = start
        while offset < end {
            var decoder = ThriftCompactDecoder(bytes, at: offset)
            let header = try decoder.readStruct()
            let headerLength = decoder.position - offset
            let compressedSize = Int(header.int(3)!)
            let uncompressedSize = Int(header.int(2)!)
            let raw = Array(bytes[decoder.position ..< decoder.position + compressedSize])
            let body: [UInt8]
            switch meta.int(4)! {
            case 0: body = raw
            case 6: body = try zstdDecompress(raw, expected: uncompressedSize)
            default: throw DecodeError("unsupported codec")
            }
            guard body.count == uncompressedSize else { throw DecodeError("uncompressed size mismatch") }
            pages.append(DecodedPage(header: header, offset: offset, headerLength: headerLength, body: body))
            offset = decoder.position + compressedSize
        }
        guard offset == end else { throw DecodeError("pages overrun the chunk") }
        return pages
    }

    /// The values of one column chunk; nil for nulls.
    func values(rowGroup: Int, column: Int) throws -> [CellValue?] {
        let leaf = leaves[column]
        let physical = leaf.int(1)!
        let nullable = leaf.int(3) == 1
        var dictionary: [CellValue] = []
        var result: [CellValue?] = []
        for page in try pages(rowGroup: rowGroup, column: column) {
            switch page.type {
            case 2:
                var position = 0
                dictionary = try decodePlain(page.body, &position, physical: physical, count: page.valueCount)
            case 0:
                var position = 0
                let count = page.valueCount
                var levels = [UInt64](repeating: 1, count: count)
                if nullable {
                    let length = Int(page.body[0]) | Int(page.body[1]) << 8 | Int(page.body[2]) << 16 | Int(page.body[3]) << 24
                    levels = try decodeRLEHybrid(page.body[4 ..< 4 + length], bitWidth: 1, count: count)
                    position = 4 + length
                }
                let present = levels.filter { $0 == 1 }.count
                let values: [CellValue]
                switch page.encoding {
                case 0:
                    values = try decodePlain(page.body, &position, physical: physical, count: present)
                case 8:
                    let bitWidth = Int(page.body[position])
                    let indices = try decodeRLEHybrid(page.body[(position + 1)...], bitWidth: bitWidth, count: present)
                    values = try indices.map {
                        guard Int($0) < dictionary.count else { throw DecodeError("index out of dictionary") }
                        return dictionary[Int($0)]
                    }
                default:
                    throw DecodeError("unexpected encoding \(String(describing: page.encoding))")
                }
                var next = values.makeIterator()
                for level in levels { result.append(level == 1 ? next.next()! : nil) }
            default:
                throw DecodeError("unexpected page type \(page.type)")
            }
        }
        return result
    }

    /// A whole column across row groups.
    func column(_ column: Int) throws -> [CellValue?] {
        try (0 ..< rowGroups.count).flatMap { try values(rowGroup: $0, column: column) }
    }
}

func decodePlain(_ body: [UInt8], _ position: inout Int, physical: Int64, count: Int) throws -> [CellValue] {
    func little(_ width: Int) throws -> UInt64 {
        guard position + width <= body.count else { throw DecodeError("PLAIN data ends early") }
        var v: UInt64 = 0
        for i in 0 ..< width { v |= UInt64(body[position + i]) << (8 * UInt64(i)) }
        position += width
        return v
    }
    var values: [CellValue] = []
    switch physical {
    case 0:
        for i in 0 ..< count { values.append(.bool(body[position + i / 8] >> (i % 8) & 1 == 1)) }
        position += (count + 7) / 8
    case 1:
        for _ in 0 ..< count { values.append(.int32(Int32(bitPattern: UInt32(try little(4))))) }
    case 2:
        for _ in 0 ..< count { values.append(.int64(Int64(bitPattern: try little(8)))) }
    case 5:
        for _ in 0 ..< count { values.append(.double(try little(8))) }
    case 6:
        for _ in 0 ..< count {
            let length = Int(try little(4))
            guard position + length <= body.count else { throw DecodeError("byte array past the end") }
            values.append(.bytes(Array(body[position ..< position + length])))
            position += length
        }
    default:
        throw DecodeError("unsupported physical type \(physical)")
    }
    return values
}

func zstdDecompress(_ input: [UInt8], expected: Int) throws -> [UInt8] {
    let declared = input.withUnsafeBytes { ZSTD_getFrameContentSize($0.baseAddress, $0.count) }
    guard declared == UInt64(expected) else { throw DecodeError("zstd frame does not declare its content size") }
    var output = [UInt8](repeating: 0, count: max(expected, 1))
    let written = output.withUnsafeMutableBytes { out in
        input.withUnsafeBytes { ZSTD_decompress(out.baseAddress, out.count, $0.baseAddress, $0.count) }
    }
    guard ZSTD_isError(written) == 0 else { throw DecodeError("zstd: \(String(cString: ZSTD_getErrorName(written)))") }
    return Array(output.prefix(written))
}

/// Test helpers turning Swift values into expected cells.
extension Array where Element == String? {
    var cells: [CellValue?] { map { $0.map { .bytes([UInt8]($0.utf8)) } } }
}

extension Array where Element == Int32? {
    var cells: [CellValue?] { map { $0.map { .int32($0) } } }
}

extension Array where Element == Int64? {
    var cells: [CellValue?] { map { $0.map { .int64($0) } } }
}

extension Array where Element == Double? {
    var cells: [CellValue?] { map { $0.map { .double($0.bitPattern) } } }
}

extension Array where Element == Bool? {
    var cells: [CellValue?] { map { $0.map { .bool($0) } } }
}

/// Decodes the pages of one column, chunk after chunk, into a `ReadColumn`.
///
/// With `keep`, a byte-array column keeps the text of those rows only (the others read as null),
/// with `keepValue` only the values it accepts (a reader after a few ids among many), and a
/// dictionary entry is stored only once a kept row uses it: a million rows of mostly distinct
/// text are walked, not held.
struct ColumnDecoder {
    let column: ParquetReader.LeafColumn
    let keep: [Bool]?
    let keepValue: ((ArraySlice<UInt8>) -> Bool)?
    /// Rows decoded so far, over every chunk (the index into `keep`).
    private var row = 0
    private var strings = ByteArrayValues()
    private var integers: [Int64?] = []
    private var doubles: [Double?] = []
    /// The current chunk's dictionary: entry numbers in `strings`, or the numbers themselves.
    private var stringDictionary: [Int32] = []
    private var numberDictionary: [Int64] = []
    /// With `keep` or `keepValue`, the current chunk's dictionary entries not stored yet
    /// (`stringDictionary` holds `unstored` for them).
    private var pendingEntries: [ArraySlice<UInt8>] = []
    private static let unstored: Int32 = -2

    init(column: ParquetReader.LeafColumn, keep: [Bool]? = nil, keepValue: ((ArraySlice<UInt8>) -> Bool)? = nil) {
        self.column = column
        self.keep = keep
        self.keepValue = keepValue
    }

    /// Whether the text of the page's row `offset` is kept.
    private func keeps(_ offset: Int) -> Bool { keep.map { row + offset < $0.count && $0[row + offset] } ?? true }

    var result: ReadColumn {
        switch column.physicalType {
        case 6: .byteArrays(strings)
        case 5: .doubles(doubles)
        default: .integers(integers)
        }
    }

    mutating func startChunk() {
        stringDictionary.removeAll(keepingCapacity: true)
        numberDictionary.removeAll(keepingCapacity: true)
        pendingEntries.removeAll()
    }

    mutating func readDictionary(_ body: [UInt8], count: Int) throws {
        var cursor = PlainCursor(body: body, column: column.name)
        for _ in 0..<count {
            switch column.physicalType {
            case 6 where keep != nil || keepValue != nil:
                pendingEntries.append(try cursor.byteArray())
                stringDictionary.append(Self.unstored)
            case 6: stringDictionary.append(strings.appendEntry(try cursor.byteArray()))
            case 1: numberDictionary.append(Int64(try cursor.int32()))
            case 2, 5: numberDictionary.append(Int64(bitPattern: try cursor.uint64()))
            default: throw ParquetError.corrupt("column \(column.name): physical type \(column.physicalType) not read")
            }
        }
    }

    mutating func readDataPage(_ body: [UInt8], count: Int, encoding: Int) throws {
        var position = 0
        var present = [Bool](repeating: true, count: count)
        if column.nullable {
            guard body.count >= 4 else { throw ParquetError.corrupt("column \(column.name): page too short for its levels") }
            let length = Int(body[0]) | Int(body[1]) << 8 | Int(body[2]) << 16 | Int(body[3]) << 24
            guard 4 + length <= body.count else { throw ParquetError.corrupt("column \(column.name): levels past the page") }
            let levels = try HybridDecoder.decode(body[4..<(4 + length)], bitWidth: 1, count: count, column: column.name)
            for row in 0..<count { present[row] = levels[row] == 1 }
            position = 4 + length
        }
        let valueCount = present.count { $0 }
        switch encoding {
        case 0:
            var cursor = PlainCursor(body: body, position: position, column: column.name)
            for row in 0..<count {
                guard present[row] else { appendNull(); continue }
                switch column.physicalType {
                case 6:
                    let value = try cursor.byteArray()
                    strings.appendRow(entry: keeps(row) && keepValue?(value) != false ? strings.appendEntry(value) : -1)
                case 1: integers.append(Int64(try cursor.int32()))
                case 2: integers.append(Int64(bitPattern: try cursor.uint64()))
                case 5: doubles.append(Double(bitPattern: try cursor.uint64()))
                default: throw ParquetError.corrupt("column \(column.name): physical type \(column.physicalType) not read")
                }
            }
        case 2, 8:
            guard position < body.count else { throw ParquetError.corrupt("column \(column.name): dictionary page without bit width") }
            let indices = try HybridDecoder.decode(body[(position + 1)...], bitWidth: Int(body[position]), count: valueCount, column: column.name)
            let dictionarySize = column.physicalType == 6 ? stringDictionary.count : numberDictionary.count
            var next = 0
            for row in 0..<count {
                guard present[row] else { appendNull(); continue }
                let index = Int(indices[next])
                next += 1
                guard index < dictionarySize else { throw ParquetError.corrupt("column \(column.name): dictionary index out of range") }
                switch column.physicalType {
                case 6 where !keeps(row): strings.appendRow(entry: -1)
                case 6:
                    if stringDictionary[index] == Self.unstored {
                        // -1 (null) for a value `keepValue` leaves out.
                        stringDictionary[index] = keepValue?(pendingEntries[index]) == false ? -1 : strings.appendEntry(pendingEntries[index])
                    }
                    strings.appendRow(entry: stringDictionary[index])
                case 5: doubles.append(Double(bitPattern: UInt64(bitPattern: numberDictionary[index])))
                default: integers.append(numberDictionary[index])
                }
            }
        default: throw ParquetError.corrupt("column \(column.name): encoding \(encoding) not read (only PLAIN and RLE_DICTIONARY)")
        }
        row += count
    }

    private mutating func appendNull() {
        switch column.physicalType {
        case 6: strings.appendRow(entry: -1)
        case 5: doubles.append(nil)
        default: integers.append(nil)
        }
    }
}

/// Reads PLAIN values from a page body.
struct PlainCursor {
    let body: [UInt8]
    var position = 0
    let column: String

    mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, position + count <= body.count else { throw ParquetError.corrupt("column \(column): value past the page") }
        defer { position += count }
        return position..<(position + count)
    }

    mutating func uint32() throws -> UInt32 {
        let range = try take(4)
        return body[range].reversed().reduce(0) { $0 << 8 | UInt32($1) }
    }

    mutating func int32() throws -> Int32 { Int32(bitPattern: try uint32()) }

    mutating func uint64() throws -> UInt64 {
        let range = try take(8)
        return body[range].reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    mutating func byteArray() throws -> ArraySlice<UInt8> { body[try take(Int(try uint32()))] }
}

/// The RLE / bit-packed hybrid encoding of definition levels and dictionary indices.
enum HybridDecoder {
    static func decode(_ bytes: ArraySlice<UInt8>, bitWidth: Int, count: Int, column: String) throws -> [UInt32] {
        guard bitWidth <= 32 else { throw ParquetError.corrupt("column \(column): bit width \(bitWidth)") }
        var values: [UInt32] = []
        values.reserveCapacity(count)
        var position = bytes.startIndex
        let byteWidth = (bitWidth + 7) / 8
        let mask: UInt64 = bitWidth == 32 ? 0xFFFF_FFFF : (1 << UInt64(bitWidth)) - 1
        func varint() throws -> Int {
            var result = 0, shift = 0
            while true {
                guard position < bytes.endIndex, shift < 63 else { throw ParquetError.corrupt("column \(column): run header past the page") }
                let byte = bytes[position]
                position += 1
                result |= Int(byte & 0x7F) << shift
                if byte < 0x80 { return result }
                shift += 7
            }
        }
        while values.count < count {
            let header = try varint()
            if header & 1 == 0 {
                guard position + byteWidth <= bytes.endIndex else { throw ParquetError.corrupt("column \(column): run past the page") }
                var value: UInt32 = 0
                for offset in 0..<byteWidth { value |= UInt32(bytes[position + offset]) << (8 * offset) }
                position += byteWidth
                let run = min(header >> 1, count - values.count)
                values.append(contentsOf: repeatElement(value, count: run))
            } else {
                let total = (header >> 1) * 8
                guard position + (header >> 1) * bitWidth <= bytes.endIndex else { throw ParquetError.corrupt("column \(column): packed run past the page") }
                var buffer: UInt64 = 0, held = 0
                for _ in 0..<total {
                    while held < bitWidth {
                        buffer |= UInt64(bytes[position]) << UInt64(held)
                        position += 1
                        held += 8
                    }
                    if values.count < count { values.append(UInt32(buffer & mask)) }
                    buffer >>= UInt64(bitWidth)
                    held -= bitWidth
                }
            }
        }
        return values
    }
}

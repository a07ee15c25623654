import Parquet

/// Reads the wanted columns of a dataset's CSV file (RFC 4180 as the load writes it: a header
/// row, fields quoted when needed, CRLF) into text columns, byte by byte.
enum CSVColumns {
    static func read(_ bytes: [UInt8], columns wanted: [String], path: String) throws -> DatasetColumns {
        var header: [String] = []
        var slots: [Int] = []  // per field position, the wanted column it fills, or -1
        var values: [ByteArrayValues] = Array(repeating: ByteArrayValues(), count: wanted.count)
        var field: [UInt8] = []
        var fieldIndex = 0
        var rows = 0
        var inHeader = true
        var position = 0
        let count = bytes.count
        func endField() {
            if inHeader {
                header.append(String(decoding: field, as: UTF8.self))
            } else if fieldIndex < slots.count, slots[fieldIndex] >= 0 {
                values[slots[fieldIndex]].appendRow(entry: values[slots[fieldIndex]].appendEntry(unneutralized(field)))
            }
            field.removeAll(keepingCapacity: true)
            fieldIndex += 1
        }
        func endRow() {
            if inHeader {
                slots = header.map { wanted.firstIndex(of: $0) ?? -1 }
                inHeader = false
            } else {
                // A short row (a damaged file) still gets every wanted column.
                for slot in 0..<wanted.count where values[slot].rowCount == rows { values[slot].appendRow(entry: -1) }
                rows += 1
            }
            fieldIndex = 0
        }
        while position < count {
            if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                while true {
                    guard position < count else { throw RunReportError("\(path): a quoted field is not closed") }
                    if bytes[position] == UInt8(ascii: "\"") {
                        if position + 1 < count, bytes[position + 1] == UInt8(ascii: "\"") {
                            field.append(UInt8(ascii: "\""))
                            position += 2
                            continue
                        }
                        position += 1
                        break
                    }
                    field.append(bytes[position])
                    position += 1
                }
            }
            while position < count, bytes[position] != UInt8(ascii: ","), bytes[position] != 0x0D, bytes[position] != 0x0A {
                field.append(bytes[position])
                position += 1
            }
            endField()
            if position >= count { endRow(); break }
            switch bytes[position] {
            case UInt8(ascii: ","):
                position += 1
                if position == count { endField(); endRow() }
            case 0x0D:
                position += position + 1 < count && bytes[position + 1] == 0x0A ? 2 : 1
                endRow()
            default:
                position += 1
                endRow()
            }
        }
        var result = DatasetColumns(rowCount: rows)
        for (slot, name) in wanted.enumerated() where header.contains(name) { result.columns[name] = .byteArrays(values[slot]) }
        return result
    }

    /// A text field as Parquet keeps it: the load puts a `'` before text starting with
    /// `=`, `+`, `-`, `@`, tab or CR (after any quotes already there), so one `'` is dropped.
    static func unneutralized(_ field: [UInt8]) -> ArraySlice<UInt8> {
        var index = 0
        while index < field.count, field[index] == UInt8(ascii: "'") { index += 1 }
        guard index > 0, index < field.count, [UInt8]("=+-@\t\r".utf8).contains(field[index]) else { return field[...] }
        return field.dropFirst()
    }
}

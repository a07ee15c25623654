#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Parquet

/// Reads the wanted columns of a dataset's CSV file (RFC 4180 as the load writes it: a header
/// row, fields quoted when needed, CRLF) into text columns, byte by byte, a piece of the file at
/// a time: `read` takes the rows complete in the bytes it is given and says where the first
/// incomplete one starts, to be given again with the bytes that follow.
struct CSVColumns {
    let wanted: [String]
    let path: String
    private let keepSlot: Int?
    /// Per wanted column, whether it holds few values (codes): each is stored once, and every row keeps it.
    private let codeSlots: [Bool]
    /// A few codes each: found by comparing bytes, cheaper than hashing them for every row.
    private let keepValues: [[UInt8]]
    /// The header row's names, and per field position the wanted column it fills (or -1); both
    /// empty until the header row has been read whole.
    private var header: [String] = []
    private var slots: [Int] = []
    private var headerRead = false

    /// With `keep`, only rows whose column `keep.column` holds one of `keep.values` keep their
    /// other columns (the rest get nulls there): a million diagnostics' details are not held
    /// to show a few of them. Columns named in `codes` (and `keep.column`) hold few values.
    init(columns wanted: [String], keep: (column: String, values: Set<String>)? = nil, codes: Set<String> = [], path: String) {
        self.wanted = wanted
        self.path = path
        keepSlot = keep.flatMap { wanted.firstIndex(of: $0.column) }
        codeSlots = wanted.map { codes.contains($0) || $0 == keep?.column }
        keepValues = (keep?.values ?? []).map { Array($0.utf8) }
    }

    /// The rows complete in `bytes`, and how many bytes they (and the header) took. With
    /// `atEnd`, the bytes run to the end of the file and every row is complete.
    mutating func read(_ bytes: UnsafeRawBufferPointer, atEnd: Bool) throws -> (rows: DatasetColumns, used: Int) {
        let bytes = bytes.bindMemory(to: UInt8.self)
        // Locals, not properties: the loop below reads them for every field.
        let wanted = self.wanted, keepSlot = self.keepSlot, codeSlots = self.codeSlots, keepValues = self.keepValues, path = self.path
        var rowFields = [[UInt8]](repeating: [], count: wanted.count)
        var rowHas = [Bool](repeating: false, count: wanted.count)
        // Whether this row's filtering column has been read and holds none of the kept values.
        var rowDropped = false
        // Per code column, the values stored so far and their entries.
        var codeEntries = [[(value: [UInt8], entry: Int32)]](repeating: [], count: wanted.count)
        var values: [ByteArrayValues] = Array(repeating: ByteArrayValues(), count: wanted.count)
        var field: [UInt8] = []
        var fieldIndex = 0
        var rows = 0
        var inHeader = !headerRead
        var header = self.header, slots = self.slots
        // A byte-order mark (`csv_bom = true`) is not part of the first column's name.
        var position = inHeader && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        // Where the row being read starts: the bytes from there on are read again with the next piece.
        var rowStart = 0
        let count = bytes.count
        func endField() {
            if inHeader {
                header.append(String(decoding: field, as: UTF8.self))
            } else if fieldIndex < slots.count, slots[fieldIndex] >= 0, !rowDropped || codeSlots[slots[fieldIndex]] {
                rowFields[slots[fieldIndex]] = Array(Self.unneutralized(field))
                rowHas[slots[fieldIndex]] = true
                if slots[fieldIndex] == keepSlot { rowDropped = !keepValues.contains(rowFields[slots[fieldIndex]]) }
            }
            field.removeAll(keepingCapacity: true)
            fieldIndex += 1
        }
        func endRow() {
            if inHeader {
                slots = header.map { wanted.firstIndex(of: $0) ?? -1 }
                inHeader = false
            } else {
                let kept = !rowDropped
                for slot in 0..<wanted.count {
                    // A short row (a damaged file) still gets every wanted column.
                    let stored = rowHas[slot] && (kept || codeSlots[slot])
                    if stored && codeSlots[slot] {
                        // Few values (codes): each is stored once, found by comparing bytes.
                        if let known = codeEntries[slot].first(where: { $0.value == rowFields[slot] }) {
                            values[slot].appendRow(entry: known.entry)
                        } else {
                            let entry = values[slot].appendEntry(rowFields[slot])
                            codeEntries[slot].append((rowFields[slot], entry))
                            values[slot].appendRow(entry: entry)
                        }
                    } else {
                        values[slot].appendRow(entry: stored ? values[slot].appendEntry(rowFields[slot]) : -1)
                    }
                    rowHas[slot] = false
                }
                rows += 1
            }
            fieldIndex = 0
            rowDropped = false
            rowStart = position
        }
        func result() -> (rows: DatasetColumns, used: Int) {
            if !inHeader { (self.header, self.slots, headerRead) = (header, slots, true) }
            var result = DatasetColumns(rowCount: rows)
            for (slot, name) in wanted.enumerated() where !inHeader && header.contains(name) { result.columns[name] = .byteArrays(values[slot]) }
            return (result, rowStart)
        }
        while position < count {
            // A field no wanted column takes, or the rest of a row the filter drops, is passed over
            // without being copied: most of the bytes (diagnostics' details) are such fields.
            let skipped = !inHeader && (fieldIndex >= slots.count || slots[fieldIndex] < 0 || rowDropped && !codeSlots[slots[fieldIndex]])
            if skipped {
                if bytes[position] == UInt8(ascii: "\"") {
                    position += 1
                    while true {
                        // The next quote, found by memchr: a detail runs to hundreds of bytes.
                        guard position < count, let found = memchr(bytes.baseAddress! + position, 0x22, count - position) else {
                            if !atEnd { return result() }
                            throw RunReportError("\(path): a quoted field is not closed")
                        }
                        position = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                        if position + 1 == count, !atEnd { return result() }
                        if position + 1 < count, bytes[position + 1] == UInt8(ascii: "\"") { position += 2; continue }
                        position += 1
                        break
                    }
                }
                while position < count, bytes[position] != UInt8(ascii: ","), bytes[position] != 0x0D, bytes[position] != 0x0A {
                    position += 1
                }
            } else if bytes[position] == UInt8(ascii: "\"") {
                position += 1
                while true {
                    guard position < count else {
                        if !atEnd { return result() }
                        throw RunReportError("\(path): a quoted field is not closed")
                    }
                    if bytes[position] == UInt8(ascii: "\"") {
                        if position + 1 == count, !atEnd { return result() }
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
            if !skipped {
                let start = position
                while position < count, bytes[position] != UInt8(ascii: ","), bytes[position] != 0x0D, bytes[position] != 0x0A {
                    position += 1
                }
                field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<position]))
            }
            // A field, a comma or a CR at the end of the piece may go on in the next one: the row is
            // read again, whole, with the next piece (and so is a row cut anywhere else above).
            // A LF ends the row wherever it is.
            if !atEnd, position >= count || position == count - 1 && bytes[position] != 0x0A { return result() }
            endField()
            // Past the field's end: a comma (the row goes on, unless the bytes end there), a line
            // end, or the end of the bytes. One call of `endRow`, so that it is inlined.
            var rowEnds = true
            if position < count {
                switch bytes[position] {
                case UInt8(ascii: ","):
                    position += 1
                    rowEnds = position == count
                    if rowEnds { endField() }
                case 0x0D: position += position + 1 < count && bytes[position + 1] == 0x0A ? 2 : 1
                default: position += 1
                }
            }
            if rowEnds { endRow() }
        }
        return result()
    }

    /// A text field as Parquet keeps it: the load puts a `'` before text starting with
    /// `=`, `+`, `-`, `@`, tab or CR (after any quotes already there), so one `'` is dropped.
    static func unneutralized(_ field: [UInt8]) -> ArraySlice<UInt8> {
        var index = 0
        while index < field.count, field[index] == UInt8(ascii: "'") { index += 1 }
        guard index > 0, index < field.count else { return field[...] }
        switch field[index] {
        case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D: break
        default: return field[...]
        }
        return field.dropFirst()
    }
}

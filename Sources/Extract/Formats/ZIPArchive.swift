/// The directory of a ZIP file (a `.docx`), read with every offset and size checked against the
/// file before it is used, and one entry's bytes unpacked with a cap that holds whatever the
/// headers say.
///
/// The project reads its ZIPs itself rather than through a ZIP library: a .docx needs one entry,
/// stored or deflated, and a library trusts the directory it is given (ZIPFoundation 0.9.20 traps
/// on an offset past the end, which ends the whole run), so checking the directory for it would
/// mean parsing it twice and still depending on the library reading it the same way.
struct ZIPArchive {
    struct Entry: Equatable {
        var name: String
        var flags: UInt16
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    /// Why an archive or entry cannot be read; the text says what is wrong, for the reject's detail.
    enum Failure: Error, Equatable {
        case damaged(String)
        /// The entry unpacks to more than the cap.
        case tooLarge(String)
    }

    let bytes: [UInt8]
    /// The central directory's entries, in order.
    let entries: [Entry]

    init(_ bytes: [UInt8]) throws(Failure) {
        self.bytes = bytes
        let directory = try Self.directory(bytes)
        var entries: [Entry] = []
        var position = directory.start
        while entries.count < directory.count {
            let entry = try Self.entry(bytes, at: &position, end: directory.end)
            entries.append(entry)
        }
        self.entries = entries
    }

    subscript(name: String) -> Entry? { entries.first { $0.name == name } }

    /// The entry's bytes, unpacked; more than `limit` bytes is `tooLarge` however small the
    /// headers say the entry is, and a checksum that does not match is `damaged`.
    func contents(of entry: Entry, limit: Int) throws(Failure) -> [UInt8] {
        guard entry.flags & 1 == 0 else { throw .damaged("\(entry.name) is encrypted") }
        if entry.uncompressedSize > UInt64(limit) {
            throw .tooLarge("\(entry.name) would unpack to \(entry.uncompressedSize) bytes, more than the \(limit) bytes read")
        }
        let data = try dataRange(of: entry)
        let output: [UInt8]
        switch entry.method {
        case 0:
            guard data.count <= limit else { throw .tooLarge("\(entry.name) holds \(data.count) bytes, more than the \(limit) bytes read") }
            output = Array(bytes[data])
        case 8:
            output = try RawInflate.inflate(bytes[data], limit: limit, expected: Int(entry.uncompressedSize), name: entry.name)
        default:
            throw .damaged("\(entry.name) is packed with compression method \(entry.method), which is not read (only stored and deflate)")
        }
        guard RawInflate.crc32(output) == entry.crc32 else {
            throw .damaged("\(entry.name) does not match its checksum (CRC-32)")
        }
        return output
    }

    /// Where an entry's packed bytes are, from its local header; all inside the file.
    private func dataRange(of entry: Entry) throws(Failure) -> Range<Int> {
        let header = entry.localHeaderOffset
        guard header <= UInt64(bytes.count), UInt64(bytes.count) - header >= 30 else {
            throw .damaged("the local header of \(entry.name) (offset \(header)) is past the end of the \(bytes.count)-byte file")
        }
        let offset = Int(header)
        guard Self.uint32(bytes, offset) == 0x0403_4B50 else {
            throw .damaged("no local header for \(entry.name) at offset \(offset)")
        }
        let start = UInt64(offset) + 30 + UInt64(Self.uint16(bytes, offset + 26)) + UInt64(Self.uint16(bytes, offset + 28))
        guard start <= UInt64(bytes.count), entry.compressedSize <= UInt64(bytes.count) - start else {
            throw .damaged("the data of \(entry.name) (\(entry.compressedSize) bytes from offset \(start)) runs past the end of the \(bytes.count)-byte file")
        }
        return Int(start)..<Int(start + entry.compressedSize)
    }

    /// The central directory: where it starts and ends and how many entries it declares, from the
    /// end-of-central-directory record (and its ZIP64 form when the counts overflow).
    private static func directory(_ bytes: [UInt8]) throws(Failure) -> (start: Int, end: Int, count: Int) {
        guard bytes.count >= 22 else { throw .damaged("the file is too short to be a ZIP (\(bytes.count) bytes)") }
        // The record is the last 22 bytes unless a comment of up to 65,535 bytes follows it.
        var record = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while record >= lowest, uint32(bytes, record) != 0x0605_4B50 { record -= 1 }
        guard record >= lowest else {
            throw .damaged("no end-of-central-directory record: the file is truncated")
        }
        guard uint16(bytes, record + 4) == 0, uint16(bytes, record + 6) == 0 else {
            throw .damaged("a ZIP split over several files")
        }
        var count = UInt64(uint16(bytes, record + 10))
        var size = UInt64(uint32(bytes, record + 12))
        var start = UInt64(uint32(bytes, record + 16))
        var end = UInt64(record)
        if count == 0xFFFF || size == 0xFFFF_FFFF || start == 0xFFFF_FFFF {
            // ZIP64: a locator just before the record points to the larger record.
            guard record >= 20, uint32(bytes, record - 20) == 0x0706_4B50 else {
                throw .damaged("the end-of-central-directory record has ZIP64 markers but no ZIP64 locator")
            }
            let large = uint64(bytes, record - 20 + 8)
            guard large <= UInt64(record - 20), UInt64(record - 20) - large >= 56, uint32(bytes, Int(large)) == 0x0606_4B50 else {
                throw .damaged("the ZIP64 end-of-central-directory record (offset \(large)) is not where its locator says")
            }
            count = uint64(bytes, Int(large) + 32)
            size = uint64(bytes, Int(large) + 40)
            start = uint64(bytes, Int(large) + 48)
            end = large
        }
        guard start <= end, size <= end - start else {
            throw .damaged("the central directory (\(size) bytes from offset \(start)) runs past the end of the \(bytes.count)-byte file")
        }
        // Each directory entry takes at least 46 bytes: a larger count is a lie.
        guard count <= size / 46 else {
            throw .damaged("the central directory declares \(count) entries, more than its \(size) bytes can hold")
        }
        return (Int(start), Int(start + size), Int(count))
    }

    /// One central directory entry at `position`, which moves past it; nothing outside `end` is read.
    private static func entry(_ bytes: [UInt8], at position: inout Int, end: Int) throws(Failure) -> Entry {
        let at = position
        guard end - at >= 46, uint32(bytes, at) == 0x0201_4B50 else {
            throw .damaged("the central directory is broken at offset \(at)")
        }
        let nameLength = Int(uint16(bytes, at + 28)), extraLength = Int(uint16(bytes, at + 30)), commentLength = Int(uint16(bytes, at + 32))
        guard end - at - 46 >= nameLength + extraLength + commentLength else {
            throw .damaged("the central directory entry at offset \(at) runs past the directory's end")
        }
        var entry = Entry(
            name: String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self),
            flags: uint16(bytes, at + 8), method: uint16(bytes, at + 10), crc32: uint32(bytes, at + 16),
            compressedSize: UInt64(uint32(bytes, at + 20)), uncompressedSize: UInt64(uint32(bytes, at + 24)),
            localHeaderOffset: UInt64(uint32(bytes, at + 42)))
        readZIP64Sizes(bytes, extra: (at + 46 + nameLength)..<(at + 46 + nameLength + extraLength), into: &entry)
        position = at + 46 + nameLength + extraLength + commentLength
        return entry
    }

    /// The ZIP64 extra field (id 1) holds, in order, the 64-bit sizes and offset whose 32-bit
    /// fields are all ones; values missing from it stay as they were.
    private static func readZIP64Sizes(_ bytes: [UInt8], extra: Range<Int>, into entry: inout Entry) {
        var field = extra.lowerBound
        while extra.upperBound - field >= 4 {
            let id = uint16(bytes, field), length = Int(uint16(bytes, field + 2))
            let data = field + 4
            guard extra.upperBound - data >= length else { return }
            if id == 1 {
                var value = data
                func next(_ current: inout UInt64) {
                    guard current == 0xFFFF_FFFF, data + length - value >= 8 else { return }
                    current = uint64(bytes, value)
                    value += 8
                }
                next(&entry.uncompressedSize)
                next(&entry.compressedSize)
                next(&entry.localHeaderOffset)
                return
            }
            field = data + length
        }
    }

    static func uint16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    static func uint32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(uint16(bytes, at)) | UInt32(uint16(bytes, at + 2)) << 16
    }

    static func uint64(_ bytes: [UInt8], _ at: Int) -> UInt64 {
        UInt64(uint32(bytes, at)) | UInt64(uint32(bytes, at + 4)) << 32
    }
}

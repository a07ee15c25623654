import CZlib

/// Writes a ZIP archive front to back: each entry deflated by zlib as it streams in, its CRC-32
/// and sizes in a data descriptor after the data (so nothing is held or patched), then the
/// central directory. ZIP64 records are written only where a size, an offset or the entry count
/// does not fit in the classic fields: Excel has refused ZIP64 extras it did not need.
///
/// Every entry carries the same fixed time (1980-01-01 00:00, the earliest a ZIP can say), so the
/// same contents give the same bytes.
final class ZIPWriter {
    private let output: CountingOutput
    private let level: Int32
    /// Values at or above this go into ZIP64 fields; lowered by tests to reach that path cheaply.
    private let zip64Threshold: UInt64
    private var entries: [Entry] = []
    private var current: Entry?
    private var stream = z_stream()
    private var streamReady = false
    private var packed = [UInt8](repeating: 0, count: 1 << 16)

    private struct Entry {
        var name: [UInt8]
        var offset: UInt64
        var crc: UInt32 = 0
        var compressedSize: UInt64 = 0
        var size: UInt64 = 0
    }

    /// The DOS date of 1980-01-01 (year 0 since 1980, month 1, day 1); the time is 00:00.
    static let fixedDate: UInt16 = (1 << 5) | 1

    init(output: CountingOutput, level: Int32, zip64Threshold: UInt64 = 0xFFFF_FFFF) throws {
        self.output = output
        self.level = level
        self.zip64Threshold = zip64Threshold
        // -15: raw deflate, as ZIP stores it (no zlib header or trailer).
        guard deflateInit2_(&stream, level, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XLSXError("zlib could not be started (deflate level \(level))")
        }
        streamReady = true
    }

    deinit { if streamReady { deflateEnd(&stream) } }

    /// Starts an entry; its bytes follow through `write`, and `endEntry` closes it.
    func beginEntry(_ name: String) throws {
        precondition(current == nil, "ZIP entry \(name) begun inside another")
        let entry = Entry(name: Array(name.utf8), offset: output.offset)
        var header = LittleEndianBytes()
        header.uint32(0x0403_4B50)
        header.uint16(20)  // version needed: 2.0 (deflate)
        header.uint16(0x0008)  // sizes and CRC in the data descriptor
        header.uint16(8)  // deflate
        header.uint16(0)  // time 00:00
        header.uint16(Self.fixedDate)
        header.uint32(0)
        header.uint32(0)
        header.uint32(0)
        header.uint16(UInt16(entry.name.count))
        header.uint16(0)
        header.bytes += entry.name
        try output.write(header.bytes)
        guard deflateReset(&stream) == Z_OK else { throw XLSXError("zlib could not be reset for \(name)") }
        current = entry
    }

    /// Adds bytes to the open entry.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard !bytes.isEmpty else { return }
        current!.size += UInt64(bytes.count)
        var offset = 0
        while offset < bytes.count {
            // avail_in is 32 bits: feed large buffers in parts.
            let count = min(bytes.count - offset, 1 << 30)
            let start = bytes.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset
            current!.crc = UInt32(truncatingIfNeeded: crc32(uLong(current!.crc), start, uInt(count)))
            stream.next_in = UnsafeMutablePointer(mutating: start)
            stream.avail_in = uInt(count)
            try deflatePending(flush: Z_NO_FLUSH)
            offset += count
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Finishes the open entry's deflate stream and writes its data descriptor.
    func endEntry() throws {
        stream.next_in = nil
        stream.avail_in = 0
        try deflatePending(flush: Z_FINISH)
        var entry = current!
        entry.compressedSize = output.offset - entry.offset - 30 - UInt64(entry.name.count)
        var descriptor = LittleEndianBytes()
        descriptor.uint32(0x0807_4B50)
        descriptor.uint32(entry.crc)
        if needsZIP64(entry.compressedSize) || needsZIP64(entry.size) {
            descriptor.uint64(entry.compressedSize)
            descriptor.uint64(entry.size)
        } else {
            descriptor.uint32(UInt32(entry.compressedSize))
            descriptor.uint32(UInt32(entry.size))
        }
        try output.write(descriptor.bytes)
        entries.append(entry)
        current = nil
    }

    /// A whole entry at once (the small parts of a workbook).
    func addEntry(_ name: String, _ bytes: [UInt8]) throws {
        try beginEntry(name)
        try write(bytes)
        try endEntry()
    }

    /// Writes the central directory and the end records, then closes the output.
    func finish() throws {
        precondition(current == nil, "ZIP finished inside an entry")
        let directoryStart = output.offset
        for entry in entries { try output.write(directoryRecord(entry)) }
        let directorySize = output.offset - directoryStart
        var end = LittleEndianBytes()
        let count = UInt64(entries.count)
        let large = needsZIP64(directoryStart) || needsZIP64(directorySize) || count >= 0xFFFF
        if large {
            let recordOffset = output.offset
            end.uint32(0x0606_4B50)
            end.uint64(44)  // size of the rest of this record
            end.uint16(45)
            end.uint16(45)
            end.uint32(0)
            end.uint32(0)
            end.uint64(count)
            end.uint64(count)
            end.uint64(directorySize)
            end.uint64(directoryStart)
            end.uint32(0x0706_4B50)
            end.uint32(0)
            end.uint64(recordOffset)
            end.uint32(1)
        }
        end.uint32(0x0605_4B50)
        end.uint16(0)
        end.uint16(0)
        end.uint16(large ? 0xFFFF : UInt16(count))
        end.uint16(large ? 0xFFFF : UInt16(count))
        end.uint32(large ? 0xFFFF_FFFF : UInt32(directorySize))
        end.uint32(large ? 0xFFFF_FFFF : UInt32(directoryStart))
        end.uint16(0)
        try output.write(end.bytes)
        try output.close()
    }

    private func needsZIP64(_ value: UInt64) -> Bool { value >= zip64Threshold }

    /// An entry's central directory record, with a ZIP64 extra field holding what does not fit.
    private func directoryRecord(_ entry: Entry) -> [UInt8] {
        var extra = LittleEndianBytes()
        // The ZIP64 extra lists only the fields marked 0xFFFFFFFF, in this order.
        if needsZIP64(entry.size) { extra.uint64(entry.size) }
        if needsZIP64(entry.compressedSize) { extra.uint64(entry.compressedSize) }
        if needsZIP64(entry.offset) { extra.uint64(entry.offset) }
        let zip64 = !extra.bytes.isEmpty
        var record = LittleEndianBytes()
        record.uint32(0x0201_4B50)
        record.uint16(zip64 ? 45 : 20)  // made by: MS-DOS, spec version
        record.uint16(zip64 ? 45 : 20)  // needed
        record.uint16(0x0008)
        record.uint16(8)
        record.uint16(0)
        record.uint16(Self.fixedDate)
        record.uint32(entry.crc)
        record.uint32(needsZIP64(entry.compressedSize) ? 0xFFFF_FFFF : UInt32(entry.compressedSize))
        record.uint32(needsZIP64(entry.size) ? 0xFFFF_FFFF : UInt32(entry.size))
        record.uint16(UInt16(entry.name.count))
        record.uint16(zip64 ? UInt16(4 + extra.bytes.count) : 0)
        record.uint16(0)  // comment
        record.uint16(0)  // disk
        record.uint16(0)  // internal attributes
        record.uint32(0)  // external attributes
        record.uint32(needsZIP64(entry.offset) ? 0xFFFF_FFFF : UInt32(entry.offset))
        record.bytes += entry.name
        if zip64 {
            record.uint16(0x0001)
            record.uint16(UInt16(extra.bytes.count))
            record.bytes += extra.bytes
        }
        return record.bytes
    }

    /// Runs deflate over the pending input, writing what it produces, until the input is used
    /// (or, with `Z_FINISH`, the stream is ended).
    private func deflatePending(flush: Int32) throws {
        try packed.withUnsafeMutableBufferPointer { out in
            while true {
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                let status = deflate(&stream, flush)
                guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                    throw XLSXError("zlib deflate failed (status \(status))")
                }
                let produced = out.count - Int(stream.avail_out)
                if produced > 0 { try output.write(UnsafeRawBufferPointer(UnsafeMutableBufferPointer(rebasing: out[..<produced]))) }
                if flush == Z_FINISH ? status == Z_STREAM_END : stream.avail_in == 0 && stream.avail_out > 0 { return }
            }
        }
    }
}

/// Little-endian integers appended to bytes, as ZIP records store them.
struct LittleEndianBytes {
    var bytes: [UInt8] = []

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func uint32(_ value: UInt32) {
        uint16(UInt16(value & 0xFFFF))
        uint16(UInt16(value >> 16))
    }

    mutating func uint64(_ value: UInt64) {
        uint32(UInt32(value & 0xFFFF_FFFF))
        uint32(UInt32(value >> 32))
    }
}

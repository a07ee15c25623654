import CZlib

/// Deflate data (a ZIP entry's, without zlib's header) unpacked by the system's zlib, stopping
/// at a cap: a header can lie about the size, the stream cannot.
enum RawInflate {
    static func inflate(_ packed: ArraySlice<UInt8>, limit: Int, expected: Int, name: String) throws(ZIPArchive.Failure) -> [UInt8] {
        var stream = z_stream()
        // -15: raw deflate, as ZIP stores it (no zlib header or trailer).
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged("zlib could not be started for \(name)")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(min(max(expected, 0), limit))
        var piece = [UInt8](repeating: 0, count: 65_536)
        var status: Int32 = Z_OK
        var overLimit = false
        packed.withUnsafeBufferPointer { input in
            var offset = 0
            piece.withUnsafeMutableBufferPointer { piece in
                while status == Z_OK {
                    if stream.avail_in == 0 {
                        // avail_in is 32 bits: feed a large entry in parts.
                        let count = min(input.count - offset, 1 << 30)
                        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + offset })
                        stream.avail_in = UInt32(count)
                        offset += count
                    }
                    stream.next_out = piece.baseAddress
                    stream.avail_out = UInt32(piece.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = piece.count - Int(stream.avail_out)
                    if output.count + produced > limit {
                        overLimit = true
                        return
                    }
                    output.append(contentsOf: piece[..<produced])
                    // No progress with all input given: the stream is cut off.
                    if status == Z_BUF_ERROR, stream.avail_in == 0, offset == input.count { return }
                    if status == Z_BUF_ERROR { status = Z_OK }
                }
            }
        }
        if overLimit {
            throw .tooLarge("\(name) unpacks to more than the \(limit) bytes read (its header says \(expected))")
        }
        switch status {
        case Z_STREAM_END: return output
        case Z_BUF_ERROR: throw .damaged("\(name) is cut off: its compressed data ends early")
        default:
            let message = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw .damaged("\(name) cannot be unpacked (\(message))")
        }
    }

    /// The CRC-32 a ZIP entry records for its unpacked bytes.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: uLong = 0
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            repeat {
                let count = min(buffer.count - offset, 1 << 30)
                crc = CZlib.crc32(crc, buffer.baseAddress.map { $0 + offset }, uInt(count))
                offset += count
            } while offset < buffer.count
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}

import CZstd

/// Decompresses a `.csv.zst` file whole: its frames one after another, streamed, since a
/// streamed frame need not record its size.
enum ZstdFrames {
    static func decompress(_ input: [UInt8], path: String) throws -> [UInt8] {
        guard let context = ZSTD_createDStream() else { throw RunReportError("\(path): cannot start zstd") }
        defer { ZSTD_freeDStream(context) }
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 6)
        var chunk = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        try input.withUnsafeBytes { source in
            var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: source.count, pos: 0)
            repeat {
                let produced = try chunk.withUnsafeMutableBytes { target -> Int in
                    var outBuffer = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                    let status = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                    if ZSTD_isError(status) != 0 { throw RunReportError("\(path): \(String(cString: ZSTD_getErrorName(status)))") }
                    return outBuffer.pos
                }
                output += chunk[0..<produced]
                if produced == 0 && inBuffer.pos == inBuffer.size { break }
            } while true
        }
        return output
    }
}

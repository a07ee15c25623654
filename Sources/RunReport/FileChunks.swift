#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZstd

/// A file's bytes handed over a piece at a time, as read or as zstd decompresses them (a
/// `.csv.zst` file's frames one after another; a streamed frame need not record its size), so
/// a CSV of a million diagnostics is never held whole.
enum FileChunks {
    static let size = 1 << 20

    /// Calls `body` with pieces of at most `size` bytes.
    static func forEach(_ path: String, zstd: Bool, size: Int = FileChunks.size, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw RunReportError("\(path): cannot read") }
        defer { close(descriptor) }
        var input = [UInt8](repeating: 0, count: zstd ? ZSTD_DStreamInSize() : size)
        func readInput() throws -> Int {
            while true {
                let got = input.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if got >= 0 { return got }
                if errno != EINTR { throw RunReportError("\(path): cannot read (\(String(cString: strerror(errno))))") }
            }
        }
        guard zstd else {
            while true {
                let got = try readInput()
                if got == 0 { return }
                try input.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<got])) }
            }
        }
        guard let context = ZSTD_createDStream() else { throw RunReportError("\(path): cannot start zstd") }
        defer { ZSTD_freeDStream(context) }
        var output = [UInt8](repeating: 0, count: size)
        // Whether the last frame begun is not complete yet: at the end of the file it means the
        // file was cut short, and the rows after the cut would be silently missing from the counts.
        var frameOpen = false
        while true {
            let got = try readInput()
            if got == 0 {
                if frameOpen { throw RunReportError("\(path): the file ends inside a zstd frame (cut short?)") }
                return
            }
            try input.withUnsafeBytes { source in
                var inBuffer = ZSTD_inBuffer(src: source.baseAddress, size: got, pos: 0)
                // Until this input is used up and the output no longer fills (zstd may hold more).
                var full = true
                while inBuffer.pos < inBuffer.size || full {
                    let produced = try output.withUnsafeMutableBytes { target -> Int in
                        var outBuffer = ZSTD_outBuffer(dst: target.baseAddress, size: target.count, pos: 0)
                        let consumed = inBuffer.pos
                        let status = ZSTD_decompressStream(context, &outBuffer, &inBuffer)
                        if ZSTD_isError(status) != 0 { throw RunReportError("\(path): \(String(cString: ZSTD_getErrorName(status)))") }
                        // 0: a frame ended. A call that did nothing (after the end) asks for the
                        // next frame's header: not a frame left open.
                        if outBuffer.pos > 0 || inBuffer.pos > consumed { frameOpen = status != 0 }
                        return outBuffer.pos
                    }
                    full = produced == output.count
                    if produced > 0 { try output.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<produced])) } }
                }
            }
        }
    }
}

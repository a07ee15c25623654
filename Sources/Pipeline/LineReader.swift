#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line through a fixed buffer, so a large manifest is never held whole.
enum LineReader {
    /// Calls `body` with each line's bytes (without its newline) and its number (from 1). Returns
    /// false when the file cannot be opened or read.
    static func forEachLine(of path: String, bufferSize: Int = 1 << 20,
                            _ body: (_ line: ArraySlice<UInt8>, _ number: Int) throws -> Void) rethrows -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: bufferSize)
        var filled = 0
        var number = 0
        while true {
            if filled == buffer.count { buffer += repeatElement(0, count: buffer.count) }  // a line longer than the buffer
            let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            let end = filled + count
            var start = 0
            while let newline = buffer[start..<end].firstIndex(of: 0x0A) {
                number += 1
                try body(buffer[start..<newline], number)
                start = newline + 1
            }
            if count == 0 {
                if start < end {
                    number += 1
                    try body(buffer[start..<end], number)
                }
                return true
            }
            // Keep the unfinished line at the front for the next read.
            buffer.withUnsafeMutableBytes { raw in
                let base = raw.baseAddress!
                base.copyMemory(from: base + start, byteCount: end - start)
            }
            filled = end - start
        }
    }
}

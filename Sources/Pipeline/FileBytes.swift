#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file with `open`/`read` into one array: Foundation's `Data` and the copy to
/// `[UInt8]` that followed it cost as much as hashing the bytes.
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read or is not a regular file.
    /// `expectedSize` (from `stat`) sizes the buffer, which `read` fills without zeroing it first; a
    /// file that grows meanwhile is still read to its end. `path` is the path's bytes on disk.
    static func read(_ path: [UInt8], expectedSize: Int) -> [UInt8]? {
        // Non-blocking, then checked: a file replaced by a FIFO since it was listed must not make
        // the run wait for a writer.
        let descriptor = FileName.withCString(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var failed = false
        // One byte more than expected: a full buffer means the file grew.
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expectedSize, 0) + 1) { buffer, filled in
            filled = 0
            while filled < buffer.count {
                let count = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 {
                    failed = count < 0
                    return
                }
                filled += count
            }
        }
        if failed { return nil }
        guard bytes.count > expectedSize else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}

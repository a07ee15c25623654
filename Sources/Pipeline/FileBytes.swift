import Glibc

/// Reads a whole input file with `open`/`read` into one array: Foundation's `Data` and the copy to
/// `[UInt8]` that followed it cost as much as hashing the bytes.
enum FileBytes {
    /// The file's bytes, or nil when it cannot be opened or read. `expectedSize` (from `stat`) sizes
    /// the buffer; a file that grows meanwhile is still read to its end.
    static func read(_ path: String, expectedSize: Int) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: max(expectedSize, 0) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 4096))) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}

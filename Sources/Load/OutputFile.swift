import Foundation

/// A buffered, append-only file handle for streaming writers; errors name the file.
public final class OutputFile {
    public let path: String
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    public init(path: String) throws {
        self.path = path
        try AtomicFile.createParent(of: path)
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw LoadError("\(path): cannot create (check the folder's permissions and free space)")
        }
        self.handle = handle
    }

    /// Small writes are gathered (the buffer stays under `flushSize`); a large one goes straight
    /// to the file rather than being copied into the buffer first (CSV chunks are megabytes).
    public func write(_ bytes: [UInt8]) throws {
        if buffer.count + bytes.count > Self.flushSize { try flush() }
        if bytes.count >= Self.flushSize {
            try writeThrough(bytes)
        } else {
            buffer += bytes
        }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try writeThrough(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    private func writeThrough(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw LoadError("\(path): write failed: \(error.localizedDescription)")
        }
    }

    public func close() throws {
        try flush()
        do { try handle.close() } catch { throw LoadError("\(path): close failed: \(error.localizedDescription)") }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a workbook's bytes go. The ZIP container is written front to back and never patched,
/// so any append-only destination (a file, memory, a socket) will do.
public protocol ByteDestination: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Called once by `WorkbookWriter.close()` after the last byte.
    func close() throws
}

/// Collects the workbook in memory, for tests or to send elsewhere.
public final class MemoryDestination: ByteDestination {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws { self.bytes.append(contentsOf: bytes) }

    public func close() throws {}
}

/// Writes to a file, created or truncated on open; errors name the file.
public final class FileDestination: ByteDestination {
    public let path: String
    private var descriptor: Int32

    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 { throw XLSXError("\(path): cannot create: \(String(cString: strerror(errno)))") }
    }

    deinit { if descriptor >= 0 { _ = systemClose(descriptor) } }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw XLSXError("\(path): written after close") }
        var done = 0
        while done < bytes.count {
            let n = systemWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw XLSXError("\(path): write failed: \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    public func close() throws {
        guard descriptor >= 0 else { return }
        let result = systemClose(descriptor)
        descriptor = -1
        if result != 0 { throw XLSXError("\(path): close failed: \(String(cString: strerror(errno)))") }
    }
}

@inline(__always)
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Darwin)
    Darwin.write(fd, bytes, count)
    #else
    Glibc.write(fd, bytes, count)
    #endif
}

@inline(__always)
private func systemClose(_ fd: Int32) -> Int32 {
    #if canImport(Darwin)
    Darwin.close(fd)
    #else
    Glibc.close(fd)
    #endif
}

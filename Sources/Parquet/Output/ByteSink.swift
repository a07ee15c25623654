#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Where a Parquet file's bytes go. The writer only ever appends, so any append-only
/// destination (file, memory, socket) can be a sink.
public protocol ByteSink: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer) throws
    /// Called once by `ParquetWriter.close()` after the footer.
    func close() throws
}

/// Collects the file in memory, e.g. for tests or to upload elsewhere.
public final class MemorySink: ByteSink {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        self.bytes.append(contentsOf: bytes)
    }

    public func close() throws {}
}

/// Writes to a file, created or truncated on open.
public final class FileSink: ByteSink {
    public let path: String
    private var descriptor: Int32

    public init(path: String) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if descriptor < 0 {
            throw ParquetError.io("cannot open \(path): \(String(cString: strerror(errno)))")
        }
    }

    deinit {
        if descriptor >= 0 { _ = Glibc_close(descriptor) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { throw ParquetError.writerClosed }
        var done = 0
        while done < bytes.count {
            #if canImport(Darwin)
            let n = Darwin.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            #else
            let n = Glibc.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                throw ParquetError.io("cannot write \(path): \(String(cString: strerror(errno)))")
            }
            done += n
        }
    }

    public func close() throws {
        guard descriptor >= 0 else { return }
        let result = Glibc_close(descriptor)
        descriptor = -1
        if result != 0 {
            throw ParquetError.io("cannot close \(path): \(String(cString: strerror(errno)))")
        }
    }
}

@inline(__always)
private func Glibc_close(_ fd: Int32) -> Int32 {
    #if canImport(Darwin)
    Darwin.close(fd)
    #else
    Glibc.close(fd)
    #endif
}

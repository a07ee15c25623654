#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a reader's bytes come from: held whole (`ParquetReader(bytes:)`), or read from the file
/// range by range (`ParquetReader(path:)`), so reading one column chunk holds that chunk only,
/// not the whole file.
enum ParquetSource: Sendable {
    case memory([UInt8])
    case file(OpenFile)

    var count: Int {
        switch self {
        case .memory(let bytes): bytes.count
        case .file(let file): file.size
        }
    }

    /// The bytes of `range`, which the caller has checked lies inside the file.
    func bytes(_ range: Range<Int>) throws -> ArraySlice<UInt8> {
        switch self {
        case .memory(let bytes): bytes[range]
        case .file(let file): try file.read(range)[...]
        }
    }
}

/// A file open for reading at any offset (`pread`), closed when the last reader using it goes.
final class OpenFile: Sendable {
    let path: String
    let size: Int
    private let descriptor: Int32

    init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw ParquetError.io("\(path): cannot read (\(String(cString: strerror(errno))))") }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            close(descriptor)
            throw ParquetError.io("\(path): cannot read its size (\(String(cString: strerror(errno))))")
        }
        self.path = path
        size = Int(status.st_size)
    }

    deinit { close(descriptor) }

    func read(_ range: Range<Int>) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var done = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while done < range.count {
                let got = pread(descriptor, buffer.baseAddress! + done, range.count - done, off_t(range.lowerBound + done))
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    throw ParquetError.io("\(path): cannot read bytes \(range.lowerBound)..<\(range.upperBound)" + (got < 0 ? " (\(String(cString: strerror(errno))))" : " (the file got shorter)"))
                }
                done += got
            }
        }
        return bytes
    }
}

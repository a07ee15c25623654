/// Buffers writes to a destination and counts bytes, so the ZIP writer knows the offset of each
/// local header it starts (the central directory records them).
final class CountingOutput {
    private let destination: any ByteDestination
    private var buffer: [UInt8] = []
    private let bufferLimit: Int
    /// Bytes written so far: the file offset of the next byte.
    private(set) var offset: UInt64 = 0

    init(destination: any ByteDestination, bufferLimit: Int = 1 << 20) {
        self.destination = destination
        self.bufferLimit = bufferLimit
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        offset += UInt64(bytes.count)
        if buffer.count + bytes.count > bufferLimit {
            try flush()
            if bytes.count >= bufferLimit { return try destination.write(bytes) }
        }
        buffer.append(contentsOf: bytes)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    func flush() throws {
        if !buffer.isEmpty { try buffer.withUnsafeBytes { try destination.write($0) } }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the destination.
    func close() throws {
        try flush()
        try destination.close()
    }
}

/// Buffers writes to a sink and counts bytes, so the writer always knows the file offset
/// of what it writes next (page, dictionary and footer offsets are recorded from it).
final class CountingOutput {
    private let sink: any ByteSink
    private var buffer: [UInt8] = []
    private let bufferLimit: Int
    /// Bytes written so far, i.e. the file offset of the next byte.
    private(set) var offset: Int64 = 0

    init(sink: any ByteSink, bufferLimit: Int = 1 << 20) {
        self.sink = sink
        self.bufferLimit = bufferLimit
        // Not reserved up front: a small file (a dataset of a few rows) keeps a small buffer.
    }

    func write(_ bytes: UnsafeRawBufferPointer) throws {
        offset += Int64(bytes.count)
        if buffer.count + bytes.count > bufferLimit {
            try flush()
            if bytes.count >= bufferLimit {
                try sink.write(bytes)
                return
            }
        }
        buffer.append(contentsOf: bytes)
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    /// Hands the buffered bytes to the sink; `releasingBuffer` also frees the buffer, for a
    /// writer that will be idle a while (between row groups, with other files being written).
    func flush(releasingBuffer: Bool = false) throws {
        if !buffer.isEmpty {
            try buffer.withUnsafeBytes { try sink.write($0) }
        }
        buffer.removeAll(keepingCapacity: !releasingBuffer)
    }
}

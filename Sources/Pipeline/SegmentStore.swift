import Foundation
import Synchronization

/// Where a stored record lives: a segment file of the work folder and a byte range in it.
public struct RecordRef: Sendable, Hashable {
    public var segment: String
    public var offset: Int
    public var length: Int
}

/// A stored record that cannot be trusted: its segment is gone, it is cut short, its bytes no
/// longer match their checksum, or it is of another format version (`RecordReader.OtherVersion`).
/// The stages re-extract such a record's input from its source.
struct DamagedRecord: Error, CustomStringConvertible {
    /// The segment file and the record's offset in it.
    let place: String
    let why: String
    var description: String { "\(place): stored record \(why)" }
}

/// Append-only segment files holding the stage results of the work folder.
///
/// Each worker appends to its own segment, so writes never contend; the manifest is what makes a
/// record reachable, and segments no manifest entry points to are deleted after a run.
///
/// Every record is framed: a 4-byte tag (its format version) and the XXH64 of its bytes
/// (`Checksum`) in front of it, so a changed byte is found before the record is decoded.
public final class SegmentStore: Sendable {
    public let directory: String
    static let maxOpenSegments = 128
    /// The frame's tag: 0xD5, "R", the record format's version, 0.
    static let tag: [UInt8] = [0xD5, 0x52, 1, 0]
    static let frameSize = 12
    private let readers = Mutex<[String: Int32]>([:])

    public init(directory: String) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw PipelineError.io("\(directory): cannot create the work folder: \(error.localizedDescription)")
        }
    }

    deinit {
        readers.withLock { for fd in $0.values { close(fd) } }
    }

    /// Opens a new segment for one worker of one run.
    public func makeWriter(name: String) throws -> SegmentWriter {
        try SegmentWriter(directory: directory, name: name)
    }

    /// Reads one record back and checks it against its frame; throws `DamagedRecord` when it is
    /// not the record that was written.
    public func read(_ ref: RecordRef) throws -> [UInt8] {
        // The place is spelled out only for an error: a read must not format a string.
        func damaged(_ why: String) -> DamagedRecord { DamagedRecord(place: "\(directory)/\(ref.segment) at offset \(ref.offset)", why: why) }
        let fd = try readers.withLock { open in
            if let fd = open[ref.segment] { return fd }
            if open.count >= Self.maxOpenSegments {
                // Years of nightly runs leave many segments: stay far below the descriptor limit.
                for fd in open.values { close(fd) }
                open.removeAll()
            }
            let fd = Glibc.open(directory + "/" + ref.segment, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else { throw damaged("cannot be read: \(String(cString: strerror(errno)))") }
            open[ref.segment] = fd
            return fd
        }
        guard ref.length >= Self.frameSize, ref.offset >= 0 else { throw damaged("has an impossible length \(ref.length)") }
        // The frame into a buffer of its own and the record straight into the array returned: one
        // read, no zero-filling and no shift of the record past its frame.
        var frame = (UInt64(0), UInt64(0))
        var got = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: ref.length - Self.frameSize) { body, initialized in
            got = withUnsafeMutableBytes(of: &frame) { frame in
                var parts = (iovec(iov_base: frame.baseAddress, iov_len: Self.frameSize),
                             iovec(iov_base: UnsafeMutableRawPointer(body.baseAddress), iov_len: body.count))
                return withUnsafeMutablePointer(to: &parts) {
                    $0.withMemoryRebound(to: iovec.self, capacity: 2) { preadv(fd, $0, 2, off_t(ref.offset)) }
                }
            }
            initialized = max(0, min(body.count, got - Self.frameSize))
        }
        guard got == ref.length else { throw damaged("is cut short") }
        let valid = withUnsafeBytes(of: &frame) { frame in
            frame.prefix(4).elementsEqual(Self.tag) ? frame.loadUnaligned(fromByteOffset: 4, as: UInt64.self) : nil
        }
        guard let stored = valid else { throw damaged("has no valid frame (another format version, or damaged)") }
        let actual = bytes.withUnsafeBytes { Checksum.of($0) }
        guard UInt64(littleEndian: stored) == actual else { throw damaged("does not match its checksum (damaged)") }
        return bytes
    }

    /// Deletes segments that no record reference points to (left by changed inputs or killed runs).
    public func removeSegments(notIn used: Set<String>) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return 0 }
        var removed = 0
        for name in names where name.hasSuffix(".seg") && !used.contains(name) {
            readers.withLock { if let fd = $0.removeValue(forKey: name) { close(fd) } }
            if unlink(directory + "/" + name) == 0 { removed += 1 }
        }
        return removed
    }
}

/// Appends records to one segment file; used by one worker.
public final class SegmentWriter: Sendable {
    public let name: String
    private let state: Mutex<State>

    struct State {
        var fd: Int32
        var offset: Int
        var buffer: [UInt8]
        let path: String
    }

    init(directory: String, name: String) throws {
        self.name = name
        let path = directory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw PipelineError.io("\(path): cannot create a work segment: \(String(cString: strerror(errno)))")
        }
        state = Mutex(State(fd: fd, offset: 0, buffer: [], path: path))
    }

    /// Appends a record, framed, and returns where it is.
    public func append(_ record: [UInt8]) throws -> RecordRef {
        let checksum = record.withUnsafeBytes { Checksum.of($0) }
        return try state.withLock { state in
            let ref = RecordRef(segment: name, offset: state.offset, length: SegmentStore.frameSize + record.count)
            state.buffer += SegmentStore.tag
            withUnsafeBytes(of: checksum.littleEndian) { state.buffer += $0 }
            state.buffer += record
            state.offset += ref.length
            if state.buffer.count >= 1 << 20 { try Self.flush(&state) }
            return ref
        }
    }

    /// Writes what is buffered and closes the file; records are readable after this.
    public func close() throws {
        try state.withLock { state in
            try Self.flush(&state)
            if state.fd >= 0 { Glibc.close(state.fd) }
            state.fd = -1
        }
    }

    private static func flush(_ state: inout State) throws {
        var start = 0
        while start < state.buffer.count {
            let written = state.buffer[start...].withUnsafeBytes { write(state.fd, $0.baseAddress, $0.count) }
            guard written > 0 else {
                throw PipelineError.io("\(state.path): write failed: \(String(cString: strerror(errno)))")
            }
            start += written
        }
        state.buffer.removeAll(keepingCapacity: true)
    }
}

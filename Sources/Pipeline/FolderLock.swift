#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a folder, held by one run: `flock` on a lock file, which the kernel
/// releases when the process ends however it ends, so a killed run never leaves a stale lock.
/// The file holds the owner's pid, so a refused run can say which run holds it.
final class FolderLock {
    let path: String
    private let descriptor: Int32

    /// Takes the lock or fails at once, naming the run that holds it.
    init(path: String) throws {
        self.path = path
        // Close-on-exec: a tool the run starts must not hold the lock after the run.
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw PipelineError.io("\(path): cannot create the lock file: \(String(cString: strerror(errno)))")
        }
        // A lock this process held a moment ago can still be busy: a child being started (by any
        // thread) holds a copy of every descriptor from fork until its exec closes them, so a lock
        // let go in that moment is let go only then. Such a lock is waited for, a little.
        var tries = 0
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let busy = errno == EWOULDBLOCK
            let reason = String(cString: strerror(errno))
            let owner = Self.owner(descriptor)
            if busy, owner == String(getpid()), tries < Self.ownLockTries {
                tries += 1
                usleep(10_000)
                continue
            }
            close(descriptor)
            guard busy else { throw PipelineError.io("\(path): cannot lock: \(reason)") }
            throw PipelineError.busy("another run (pid \(owner ?? "unknown")) holds \(path); wait for it or remove the lock if no run is going")
        }
        let pid = Array("\(getpid())\n".utf8)
        ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// How many times (10 ms apart) a lock this process's own pid holds is tried again: 2 s.
    static let ownLockTries = 200

    deinit { close(descriptor) }

    /// The pid written by the run holding the lock (empty for a moment after it took it).
    private static func owner(_ descriptor: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 32)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[..<count], as: UTF8.self).split(separator: "\n").first.map(String.init)
        return text.flatMap { Int32($0) != nil ? $0 : nil }
    }
}

import Dispatch
import Foundation
import Testing
@testable import Pipeline

/// A lock held under this process's own pid (a descriptor a starting child still holds a copy of)
/// is waited for a little; one held by another process is refused at once.
@Suite struct FolderLockTests {
    @Test func aLockOfThisProcessIsTakenOnceLetGo() throws {
        let path = NSTemporaryDirectory() + "folder-lock-" + UUID().uuidString
        defer { unlink(path) }
        // Another open description of the file, locked with this process's pid in it, as a child
        // between fork and exec keeps it; let go 100 ms later.
        let other = open(path, O_RDWR | O_CREAT, 0o644)
        try #require(other >= 0 && flock(other, LOCK_EX | LOCK_NB) == 0)
        let pid = Array("\(getpid())\n".utf8)
        _ = pid.withUnsafeBytes { pwrite(other, $0.baseAddress, $0.count, 0) }
        DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(100)) { close(other) }
        let lock = try FolderLock(path: path)
        #expect(lock.path == path)
    }

    @Test func aLockOfAnotherProcessIsRefusedNamingIt() throws {
        let path = NSTemporaryDirectory() + "folder-lock-" + UUID().uuidString
        defer { unlink(path) }
        let other = open(path, O_RDWR | O_CREAT, 0o644)
        defer { close(other) }
        try #require(other >= 0 && flock(other, LOCK_EX | LOCK_NB) == 0)
        _ = Array("1\n".utf8).withUnsafeBytes { pwrite(other, $0.baseAddress, $0.count, 0) }
        do {
            _ = try FolderLock(path: path)
            Issue.record("a held lock was taken")
        } catch let error as PipelineError {
            #expect("\(error)".contains("another run (pid 1) holds \(path)"))
        }
    }
}

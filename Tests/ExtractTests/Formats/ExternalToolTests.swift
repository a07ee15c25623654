import CChildProcess
import Dispatch
import Foundation
import Synchronization
import Testing
@testable import Extract

/// Command-line tools run with a time limit, their output read through pipes, in a clean state.
@Suite struct ExternalToolTests {
    static func folder() throws -> URL {
        try Fixture.temporaryFolder("disclosure-etl-tool-test")
    }

    @Test func theStatusOutputAndErrorsAreReturned() throws {
        let run = try ExternalTool(name: "sh").run(["-c", "printf 'out'; printf 'err' >&2; exit 3"])
        #expect(run.status == 3)
        #expect(run.standardOutput == Array("out".utf8))
        #expect(run.standardError == "err")
        #expect(!run.timedOut)
    }

    /// A memory limit is the tool's: what needs more fails there, and the same work without the
    /// limit succeeds.
    @Test func aToolCannotTakeMoreMemoryThanItsLimit() throws {
        // The shell holds 64 MB of text in a variable.
        let script = "x=$(head -c 64000000 /dev/zero | tr '\\0' a); echo ${#x}"
        let free = try ExternalTool(name: "sh").run(["-c", script])
        #expect(free.status == 0 && String(decoding: free.standardOutput, as: UTF8.self) == "64000000\n")
        let limited = try ExternalTool(name: "sh").run(["-c", script], memoryLimit: 48 << 20)
        #expect(limited.status != 0 || String(decoding: limited.standardOutput, as: UTF8.self) != "64000000\n")
    }

    /// A tool writing much to both outputs never blocks on one while the other is read.
    @Test func largeOutputOnBothStreamsIsReadWhole() throws {
        let script = "head -c 300000 /dev/zero | tr '\\0' a; head -c 200000 /dev/zero | tr '\\0' b >&2; head -c 300000 /dev/zero | tr '\\0' c"
        var pieces = 0, total = 0
        let run = try ExternalTool(name: "sh").run(["-c", script]) { piece in
            pieces += 1
            total += piece.count
        }
        #expect(run.status == 0)
        #expect(total == 600_000)
        #expect(pieces > 1, "the output comes in pieces, not whole")
        #expect(run.standardError.utf8.count == 65_536, "errors are kept up to 64 KiB")
    }

    @Test func aToolThatDoesNotFinishInTimeIsKilled() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid").path
        let started = Date()
        let run = try ExternalTool(name: "sh").run(["-c", "echo $$ > '\(pidFile)'; exec sleep 600"], timeout: 1)
        #expect(run.timedOut)
        #expect(run.status == SIGKILL)
        #expect(Date().timeIntervalSince(started) < 300, "killed at the time limit, not after sleep's 600 s")
        let pid = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the tool was killed and reaped")
    }

    /// A tool that never stops writing keeps its output ready to read: the time limit still holds,
    /// and what it started (its process group) dies with it.
    @Test func aToolThatWritesForeverIsKilledAtTheTimeLimitWithItsChildren() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid").path
        var total = 0
        let run = try ExternalTool(name: "sh").run(["-c", "sleep 600 & echo $! > '\(pidFile)'; exec yes"], timeout: 1) { total += $0.count }
        #expect(run.timedOut)
        #expect(run.status == SIGKILL)
        #expect(total > 0)
        let child = try #require(pid_t(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        var gone = false
        for _ in 0..<200 where !gone {
            gone = !ToolProcess.isRunning(child)
            if !gone { usleep(10_000) }
        }
        #expect(gone, "the tool's own child was killed with its process group")
    }

    /// Dispatch's worker threads block signals; a tool started from one must not inherit that,
    /// or the signals meant for it would never arrive. Files it writes are the user's alone.
    @Test func aToolStartsWithNoBlockedSignalsAndAPrivateUmask() throws {
        let script = "umask; grep -E '^Sig(Blk|Ign):' /proc/self/status"
        let runs = Mutex([ExternalTool.Run?](repeating: nil, count: 2))
        DispatchQueue.concurrentPerform(iterations: 2) { worker in
            let run = try? ExternalTool(name: "sh").run(["-c", script])
            runs.withLock { $0[worker] = run }
        }
        for run in runs.withLock({ $0 }) {
            let text = String(decoding: try #require(run).standardOutput, as: UTF8.self)
            #expect(text.hasPrefix("0077\n"))
            #expect(text.contains("SigBlk:\t0000000000000000"))
            // Signals 1–31 (glibc keeps 32 and 33 for itself and may leave them ignored).
            let ignored = try #require(text.split(separator: "\n").first { $0.hasPrefix("SigIgn:") }?.split(separator: "\t").last)
            #expect(UInt64(ignored, radix: 16).map { $0 & 0x7fff_ffff } == 0, "SigIgn: \(ignored)")
        }
    }

    @Test func aFileThatCannotBeExecutedIsReportedByTheSpawn() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plain = folder.appendingPathComponent("plain")
        #expect(FileManager.default.createFile(atPath: plain.path, contents: Data("no tool".utf8)))
        for (path, expected) in [(plain.path, EACCES), (folder.appendingPathComponent("missing").path, ENOENT)] {
            let argv = [strdup(path), nil]
            defer { free(argv[0]) }
            var error: Int32 = 0
            #expect(ccp_spawn(path, argv, 0, 1, 2, 0, &error) == -1)
            #expect(error == expected)
        }
    }
}

/// Whether a process lives; a zombie (killed, waiting for its parent to reap it) does not.
enum ToolProcess {
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return kill(pid, 0) == 0 }
        guard let end = stat.lastIndex(of: ")") else { return true }
        return !stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }
}

import CChildProcess
import Foundation

/// Runs a command-line tool (MuPDF's `mutool`) with a time limit.
///
/// No tool outlives the run. On Linux the child is started with the parent-death signal SIGKILL
/// (`ccp_spawn`, set between fork and exec), which the kernel sends when the *thread* that forked
/// the child ends; a run that ends for any reason (SIGKILL; SIGTERM or SIGINT, which the command
/// leaves at their default action; a crash) ends all its threads, so every tool it started is
/// killed. This is safe although Dispatch retires idle worker threads: the fork happens on the
/// thread that calls `run`, and `run` neither returns nor throws before that child has ended and
/// been reaped, so the thread cannot end while its child lives. Foundation's `Process` cannot set
/// the signal, and a tool run under `setpriv --pdeathsig` would get it only after `setpriv` has
/// been loaded: a run killed in that moment would leave the tool running. Each tool leads a
/// process group of its own, killed whole on the time limit.
struct ExternalTool: Sendable {
    let name: String
    /// The tool's path on `PATH` (or in /usr/bin), nil when it is not installed; looked up once.
    let path: String?

    init(name: String) {
        self.name = name
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        path = directories.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    struct Run {
        /// The exit status, or the number of the signal that ended the tool.
        var status: Int32
        var standardError: String
        var standardOutput: [UInt8]
        var timedOut: Bool
    }

    /// Why a tool could not be started or waited for.
    struct Failure: Error, CustomStringConvertible {
        let description: String

        init(_ what: String, _ code: Int32) {
            description = "\(what): \(String(cString: strerror(code)))"
        }
    }

    /// Runs the tool and returns its output.
    func run(_ arguments: [String], timeout: TimeInterval = 120, memoryLimit: Int = 0) throws -> Run {
        var output: [UInt8] = []
        var run = try run(arguments, timeout: timeout, memoryLimit: memoryLimit) { output.append(contentsOf: $0) }
        run.standardOutput = output
        return run
    }

    /// Runs the tool and hands its output to `consume` in pieces of at most 64 KiB, in order, as
    /// the tool writes it (`standardOutput` stays empty). Its output and errors come through pipes
    /// read while the tool works: nothing is written to disk, a streaming reader holds no more
    /// than a piece, and it does its work on another core alongside the tool's. A tool that has
    /// not ended within `timeout` seconds is killed (SIGKILL), with its process group, and
    /// `timedOut` set, also when it is still writing. With `memoryLimit` above 0, the tool's address
    /// space is limited to that many bytes: an allocation beyond it fails and the tool ends with an error.
    func run(_ arguments: [String], timeout: TimeInterval = 120, memoryLimit: Int = 0,
             output consume: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Run {
        guard let path else { throw CocoaError(.executableNotLoadable) }
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure("cannot open /dev/null", errno) }
        defer { close(input) }
        let out = try Self.pipe(), err = try Self.pipe()
        defer {
            close(out.read)
            close(err.read)
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var spawnError: Int32 = 0
        let pid = ccp_spawn(path, argv, input, out.write, err.write, Int64(memoryLimit), &spawnError)
        close(out.write)
        close(err.write)
        guard pid > 0 else {
            throw Failure("cannot start \(path)", spawnError)
        }
        // From here to the reaping nothing may throw or return: see the type's comment.
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(min(max(timeout, 0), 86_400) * 1e9)
        func millisecondsLeft() -> Int32 {
            let now = DispatchTime.now().uptimeNanoseconds
            return now >= deadline ? 0 : Int32((deadline - now) / 1_000_000 + 1)
        }
        var errors: [UInt8] = []
        var killed = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        buffer.withUnsafeMutableBufferPointer { buffer in
            var open = [out.read, err.read]
            while !open.isEmpty {
                // Checked before each read too: a tool that never stops writing keeps poll ready.
                let left = millisecondsLeft()
                var entries = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
                let ready = left == 0 ? 0 : poll(&entries, nfds_t(entries.count), left)
                if ready < 0 && errno == EINTR { continue }
                if ready <= 0 {
                    // The tool's process group: whatever it started goes with it.
                    kill(-pid, SIGKILL)
                    kill(pid, SIGKILL)
                    killed = true
                    break
                }
                for entry in entries where entry.revents != 0 {
                    let count = read(entry.fd, buffer.baseAddress, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else {
                        open.removeAll { $0 == entry.fd }
                        continue
                    }
                    let piece = UnsafeBufferPointer(rebasing: buffer[..<count])
                    if entry.fd == out.read { consume(piece) } else { errors.append(contentsOf: piece.prefix(max(0, 65_536 - errors.count))) }
                }
            }
        }
        var exitStatus: Int32 = 0, signal: Int32 = 0, timedOut: Int32 = 0
        guard ccp_wait(pid, millisecondsLeft(), &exitStatus, &signal, &timedOut) == 0 else {
            throw Failure("cannot wait for \(name)", errno)
        }
        return Run(status: signal != 0 ? signal : exitStatus, standardError: String(decoding: errors, as: UTF8.self),
                   standardOutput: [], timedOut: killed || timedOut != 0)
    }

    /// A pipe whose ends no other tool inherits: `ccp_spawn`'s child keeps only its three.
    private static func pipe() throws -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { throw Failure("cannot create a pipe", errno) }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        return (ends[0], ends[1])
    }
}

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
/// been loaded: a run killed in that moment would leave the tool running.
struct ExternalTool {
    let name: String

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

    /// The tool's path on `PATH` (or in /usr/bin), nil when it is not installed.
    var path: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return directories.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    /// Runs the tool; its output goes through files (0600) in `folder`, so a large output can never
    /// block it. A tool still running after `timeout` seconds is killed (SIGKILL) and `timedOut` set.
    func run(_ arguments: [String], in folder: URL, timeout: TimeInterval = 120) throws -> Run {
        var output: [UInt8] = []
        var run = try run(arguments, in: folder, timeout: timeout) { output.append(contentsOf: $0) }
        run.standardOutput = output
        return run
    }

    /// Runs the tool and hands its output to `consume` in pieces of at most 64 KiB, in order, once
    /// it has ended (`standardOutput` stays empty): a reader that streams never holds the whole
    /// output, which for `mutool trace` is half a megabyte a report.
    func run(_ arguments: [String], in folder: URL, timeout: TimeInterval = 120,
             output consume: (UnsafeBufferPointer<UInt8>) -> Void) throws -> Run {
        guard let path else { throw CocoaError(.executableNotLoadable) }
        let outPath = folder.appendingPathComponent("\(name).out").path
        let errPath = folder.appendingPathComponent("\(name).err").path
        let input = open("/dev/null", O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw Failure("cannot open /dev/null", errno) }
        defer { close(input) }
        let out = try PrivateTemporaryFolder.createFile(outPath)
        defer { close(out) }
        let err = try PrivateTemporaryFolder.createFile(errPath)
        defer { close(err) }

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var spawnError: Int32 = 0
        let pid = ccp_spawn(path, argv, input, out, err, &spawnError)
        guard pid > 0 else {
            throw Failure("cannot start \(path)", spawnError)
        }
        // From here to the reaping nothing may throw or return: see the type's comment.
        let milliseconds = Int32((min(max(timeout, 0), 86_400) * 1000).rounded(.up))
        var exitStatus: Int32 = 0, signal: Int32 = 0, timedOut: Int32 = 0
        guard ccp_wait(pid, milliseconds, &exitStatus, &signal, &timedOut) == 0 else {
            throw Failure("cannot wait for \(name)", errno)
        }

        if lseek(out, 0, SEEK_SET) == 0 {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            buffer.withUnsafeMutableBufferPointer { buffer in
                while true {
                    let count = read(out, buffer.baseAddress, buffer.count)
                    if count < 0 && errno == EINTR { continue }
                    guard count > 0 else { break }
                    consume(UnsafeBufferPointer(rebasing: buffer[..<count]))
                }
            }
        }
        let errors = (try? Data(contentsOf: URL(fileURLWithPath: errPath))).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Run(status: signal != 0 ? signal : exitStatus, standardError: errors, standardOutput: [], timedOut: timedOut != 0)
    }
}

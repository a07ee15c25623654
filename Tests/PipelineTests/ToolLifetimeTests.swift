import Foundation
import Testing

/// No tool outlives the run: a run killed while poppler works on a PDF takes the tool with it, and
/// the PDF's copy waits in the run's private folder for the next run to remove.
@Suite struct ToolLifetimeTests {
    /// Whether `pid` is a live process; a zombie (killed, not yet reaped by init) is not.
    static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else {
            return kill(pid, 0) == 0
        }
        guard let end = stat.lastIndex(of: ")") else { return true }
        return !stat[stat.index(after: end)...].trimmingCharacters(in: .whitespaces).hasPrefix("Z")
    }

    @Test(arguments: [SIGKILL, SIGTERM])
    func aToolDiesWithTheRun(_ signal: Int32) throws {
        let executable = try #require(CrashSafetyTests.executable, "the disclosure-etl executable is not built")
        let bench = try Workbench(samples: false)
        defer { try? FileManager.default.removeItem(atPath: bench.root) }
        let files = FileManager.default
        try files.copyItem(atPath: Workbench.repository.appendingPathComponent("Tests/Fixtures/formats/pdf/anyang-2023.pdf").path,
                           toPath: bench.input + "/anyang-2023.pdf")
        // A stand-in for MuPDF that notes their pid and hang, first on PATH.
        let fakes = bench.root + "/fake-tools", pidFile = bench.root + "/tool.pid", tmp = bench.root + "/tmp"
        try files.createDirectory(atPath: fakes, withIntermediateDirectories: true)
        try files.createDirectory(atPath: tmp, withIntermediateDirectories: true)
        for tool in ["mutool"] {
            files.createFile(atPath: "\(fakes)/\(tool)", contents: Data("#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 600\n".utf8),
                             attributes: [.posixPermissions: 0o755])
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", bench.pipelinePath, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = fakes + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["TMPDIR"] = tmp
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        var deadline = Date().addingTimeInterval(120)
        var toolPid: pid_t?
        while toolPid == nil && Date() < deadline && process.isRunning {
            toolPid = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            if toolPid == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let tool = try #require(toolPid, "the run never started the tool")
        defer { if Self.isRunning(tool) { kill(tool, SIGKILL) } }
        #expect(Self.isRunning(tool))

        // The report is handed to the tool where it is: no copy of it is left anywhere.
        let copies = FileManager.default.enumerator(atPath: tmp)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".pdf") } ?? []
        #expect(copies.isEmpty)

        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == signal)
        deadline = Date().addingTimeInterval(60)
        while Self.isRunning(tool) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(!Self.isRunning(tool), "the tool outlived the run killed with signal \(signal)")
    }

    /// `tool_timeout_seconds` bounds the time a PDF keeps MuPDF busy: the tool is killed at the
    /// limit and the file rejected, saying so; the run goes on.
    @Test func aPDFThatKeepsTheToolBusyIsRejectedAtTheConfiguredTimeout() throws {
        let executable = try #require(CrashSafetyTests.executable, "the disclosure-etl executable is not built")
        let bench = try Workbench(samples: false, extraTOML: "tool_timeout_seconds = 1")
        defer { try? FileManager.default.removeItem(atPath: bench.root) }
        let files = FileManager.default
        try files.copyItem(atPath: Workbench.repository.appendingPathComponent("Tests/Fixtures/formats/pdf/anyang-2023.pdf").path,
                           toPath: bench.input + "/anyang-2023.pdf")
        let fakes = bench.root + "/fake-tools"
        try files.createDirectory(atPath: fakes, withIntermediateDirectories: true)
        files.createFile(atPath: "\(fakes)/mutool", contents: Data("#!/bin/sh\nexec sleep 600\n".utf8), attributes: [.posixPermissions: 0o755])

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", bench.pipelinePath, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = fakes + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let rejects = try bench.rows("csv/rejects.csv")
        #expect(rejects.count == 1)
        #expect(rejects.first?.hasPrefix("anyang-2023.pdf,pdf_damaged,mutool did not finish within 1 s on this PDF (tool_timeout_seconds)") == true)
    }
}

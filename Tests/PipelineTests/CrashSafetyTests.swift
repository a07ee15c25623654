import Foundation
import Testing

/// A run killed with SIGKILL at any step of the load's commit leaves the whole previous output set
/// or the whole new one, never a mix; the next run finishes the work. Two runs never share a work folder.
@Suite struct CrashSafetyTests {
    /// The built command, next to the test bundle.
    static var executable: String? {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("disclosure-etl").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        let fallback = Workbench.repository.appendingPathComponent(".build/debug/disclosure-etl").path
        return FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil
    }

    /// Starts a run of the built command; with `point`, it stops there and the call returns once it has.
    func startRun(_ bench: Workbench, pausingAt point: String? = nil, arguments: [String] = []) throws -> (Process, Pipe) {
        let executable = try #require(Self.executable, "the disclosure-etl executable is not built")
        let marker = bench.root + "/paused"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", bench.pipelinePath, "--quiet"] + arguments
        var environment = ProcessInfo.processInfo.environment
        if let point { environment["DISCLOSURE_ETL_PAUSE_AT"] = "\(point):\(marker)" }
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        guard let point else { return (process, errors) }
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the run never reached \(point)")
        try FileManager.default.removeItem(atPath: marker)
        return (process, errors)
    }

    /// Starts a run that stops at `point`, waits until it is there, and kills it with SIGKILL.
    func killRun(_ bench: Workbench, at point: String) throws {
        let (process, _) = try startRun(bench, pausingAt: point)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    /// Turns the output folder into the layout loads wrote before generations: real `csv/` folders.
    func makeLegacyLayout(_ bench: Workbench) throws {
        let files = FileManager.default
        let csv = bench.output + "/csv"
        let real = URL(fileURLWithPath: csv).resolvingSymlinksInPath().path
        try files.removeItem(atPath: csv)
        try files.copyItem(atPath: real, toPath: csv)
        try files.removeItem(atPath: bench.output + "/.generations")
    }

    static let commitSteps = ["load-before-commit", "load-before-switch", "load-after-commit"]
    static let adoptSteps = ["output-adopt", "output-adopted"]

    @Test(arguments: [false, true].flatMap { legacy in (legacy ? adoptSteps + commitSteps : commitSteps).map { ($0, legacy) } })
    func aRunKilledAtAnyStepOfTheCommitLeavesTheOldSetOrTheNew(_ point: String, legacyLayout: Bool) throws {
        let bench = try Workbench()
        _ = try bench.run()
        if legacyLayout { try makeLegacyLayout(bench) }
        let before = try bench.outputs()
        #expect(before.count == 8)
        try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "测试区民政局", as: "new.txt")

        try killRun(bench, at: point)
        let afterKill = try bench.outputs()

        let next = try bench.run()
        #expect(next.loaded)
        let after = try bench.outputs()
        #expect(after != before)
        #expect(afterKill == before || afterKill == after, "a reader sees the whole old set or the whole new one, never a mix")
        if point == "load-after-commit" { #expect(afterKill == after, "the switch is done") }
        if point != "load-after-commit" { #expect(afterKill == before, "the switch is not done") }
        #expect(try bench.rows("csv/applications.csv").count == 6 * 175)
        #expect(try bench.rows("csv/reports.csv").contains { $0.contains(",new.txt,") })
        #expect(bench.temporaries().isEmpty, "the next run clears a killed run's leftovers")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: bench.output + "/csv")
        #expect(link == ".generations/current/csv", "the documented path is a link into the current set")
    }

    @Test func aSecondRunAtTheSameTimeIsRefusedAtOnce() throws {
        let bench = try Workbench()
        let (first, _) = try startRun(bench, pausingAt: "load-before-commit")
        defer {
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
        }
        let (second, errors) = try startRun(bench)
        second.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(second.terminationStatus == 5)
        #expect(message.contains("another run (pid \(first.processIdentifier)) holds \(bench.work)/run.lock; wait for it or remove the lock if no run is going"))
        #expect(first.isRunning, "the first run goes on")
    }

    @Test func anEmptyInputFolderStopsTheRunWithStatusFour() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        for name in try FileManager.default.contentsOfDirectory(atPath: bench.input) {
            try FileManager.default.removeItem(atPath: bench.input + "/" + name)
        }
        let (run, errors) = try startRun(bench)
        run.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(run.terminationStatus == 4)
        #expect(message.contains("\(bench.input): 0 of the 5 input(s) of the last run are still there"))
        #expect(message.contains("--allow-removals"))
        #expect(try bench.outputs() == before)

        let (allowed, _) = try startRun(bench, arguments: ["--allow-removals"])
        allowed.waitUntilExit()
        #expect(allowed.terminationStatus == 0)
        #expect(try bench.rows("csv/reports.csv").isEmpty)
    }
}

import Foundation
import Testing

/// A run killed with SIGKILL leaves the previous outputs whole, and the next run finishes the work.
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

    /// Starts a run that stops at `point`, waits until it is there, and kills it with SIGKILL.
    func killRun(_ bench: Workbench, at point: String) throws {
        let executable = try #require(Self.executable, "the disclosure-etl executable is not built")
        let marker = bench.root + "/paused"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["run", bench.pipelinePath, "--quiet"]
        var environment = ProcessInfo.processInfo.environment
        environment["DISCLOSURE_ETL_PAUSE_AT"] = "\(point):\(marker)"
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while !FileManager.default.fileExists(atPath: marker) && Date() < deadline && process.isRunning {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(FileManager.default.fileExists(atPath: marker), "the run never reached \(point)")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    @Test(arguments: ["load-before-commit", "load-after-commit"])
    func aRunKilledDuringLoadIsFinishedByTheNextRun(_ point: String) throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "测试区民政局", as: "new.txt")

        try killRun(bench, at: point)
        // Every output file is whole: either all of the old version or all of the new.
        let afterKill = try bench.outputs()
        #expect(Set(afterKill.keys) == Set(before.keys), "temporary files are hidden, never outputs")
        for (name, data) in afterKill {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.hasSuffix("\r\n"), "\(name) is cut short")
        }

        let next = try bench.run()
        #expect(next.loaded)
        #expect(try bench.rows("csv/applications.csv").count == 6 * 175)
        #expect(try bench.rows("csv/reports.csv").contains { $0.contains(",new.txt,") })
        #expect(bench.temporaries().isEmpty, "the next run clears a killed run's temporary files")
    }
}

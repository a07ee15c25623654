import DisclosureModel
import Foundation
import Testing

/// The command line as a scheduler sees it: `--version`, and exit status 2 with the real message
/// for every usage error.
@Suite struct CommandLineTests {
    /// Runs the built tool; its exit status, standard output and standard error.
    static func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let executable = try #require(CrashSafetyTests.executable, "the disclosure-etl executable is not built")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = Workbench.repository
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile(), error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
    }

    @Test func versionIsPrinted() throws {
        let result = try Self.run(["--version"])
        #expect(result.status == 0)
        #expect(result.out.trimmingCharacters(in: .whitespacesAndNewlines) == ToolVersion.current)
    }

    @Test func usageErrorsExitWithTwoAndSayWhatIsWrong() throws {
        let unknown = try Self.run(["run", "pipelines/samples.toml", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.err.contains("Unknown option '--bogus'"))
        let negative = try Self.run(["run", "pipelines/samples.toml", "--jobs", "-1"])
        #expect(negative.status == 2)
        #expect(negative.err.contains("--jobs must be ≥ 0"))
    }

    /// `inspect` on a sample prints its 200 cells; on a file that is no report it exits 1.
    @Test func inspectShowsASampleAndRefusesANonReport() throws {
        let sample = try Self.run(["inspect", "samples/001_596f64b8fe124db2.txt"])
        #expect(sample.status == 0)
        #expect(sample.out.contains("cells (200 of 200 read)"))
        let notAReport = try Self.run(["inspect", "pipelines/samples.toml"])
        #expect(notAReport.status == 1)
        #expect(notAReport.out.contains("rejected: not_a_report"))
    }

    /// `--input` repeated reads every folder, each report's path starting with its folder's name.
    /// `--input` takes folders and files, several times.
    @Test func inputCanBeGivenSeveralTimes() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (folder, sample) in [("east", "000_a4d9d5453e5df20b.txt"), ("west", "002_d3cf8b1128643171.txt")] {
            let dir = root.appendingPathComponent(folder)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: Workbench.repository.appendingPathComponent("samples/\(sample)"), to: dir.appendingPathComponent(sample))
        }
        let single = root.appendingPathComponent("single/003_4d0dc32836f03b08.txt")
        try FileManager.default.createDirectory(at: single.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Workbench.repository.appendingPathComponent("samples/003_4d0dc32836f03b08.txt"), to: single)
        let summary = root.appendingPathComponent("summary.json").path
        let result = try Self.run(["run", "pipelines/samples.toml", "--input", root.appendingPathComponent("east").path,
                                   "--input", root.appendingPathComponent("west").path, "--input", single.path, "--out", root.appendingPathComponent("out").path,
                                   "--work", root.appendingPathComponent("work").path, "--quiet", "--summary-json", summary])
        #expect(result.status == 0, "\(result.err)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: summary))) as? [String: Any]
        #expect(json?["inputs"] as? Int == 3)
        let reports = try String(contentsOfFile: root.appendingPathComponent("out/csv/reports.csv").path, encoding: .utf8)
        #expect(reports.contains(",east/000_a4d9d5453e5df20b.txt,") && reports.contains(",west/002_d3cf8b1128643171.txt,"))
        #expect(reports.contains(",003_4d0dc32836f03b08.txt,"))
    }

    /// `--log-format json`: every line on standard error is one JSON object, the error too.
    @Test func logsCanBeJSONLines() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("jsonlog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = try Self.run(["run", "pipelines/samples.toml", "--input", root.appendingPathComponent("empty").path,
                                   "--out", root.appendingPathComponent("out").path, "--work", root.appendingPathComponent("work").path,
                                   "--quiet", "--log-format", "json", "--log-level", "info"])
        #expect(result.status == 4)
        let lines = result.err.split(separator: "\n")
        #expect(!lines.isEmpty)
        let objects = lines.map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(objects.allSatisfy { $0?["level"] != nil && $0?["message"] != nil && $0?["time"] != nil })
        #expect(objects.last??["level"] as? String == "error")
        #expect((objects.last??["message"] as? String)?.contains("no input files found") == true)
        #expect(try Self.run(["run", "pipelines/samples.toml", "--log-format", "xml"]).status == 2)
    }
}

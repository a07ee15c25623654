import Foundation
import Load
import Testing

/// `formats = ["xlsx"]`: a workbook per dataset under `OUT/xlsx`, a link into the current output
/// set like `OUT/csv`, switched with it and as safe against a killed run.
@Suite struct XLSXOutputTests {
    @Test func xlsxWritesAWorkbookPerDatasetThroughTheCurrentSet() throws {
        let bench = try Workbench(extraTOML: #"formats = ["xlsx"]"#)
        let summary = try bench.run()
        #expect(summary.filesWritten == Datasets.all.map { "xlsx/\($0.name).xlsx" })
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: bench.output + "/xlsx")
        #expect(link == ".generations/current/xlsx")
        let outputs = try bench.outputs()
        #expect(outputs.keys.sorted() == Datasets.all.map { "xlsx/\($0.name).xlsx" }.sorted())
        for (name, bytes) in outputs {
            #expect(bytes.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "\(name) is a ZIP")
        }
    }

    @Test func droppingXlsxFromFormatsRemovesTheFolderWithTheSwitch() throws {
        let bench = try Workbench(extraTOML: #"formats = ["csv", "xlsx"]"#)
        _ = try bench.run()
        #expect(FileManager.default.fileExists(atPath: bench.output + "/xlsx/reports.xlsx"))
        let toml = try String(contentsOfFile: bench.pipelinePath, encoding: .utf8)
        try toml.replacingOccurrences(of: #"formats = ["csv", "xlsx"]"#, with: #"formats = ["csv"]"#)
            .write(toFile: bench.pipelinePath, atomically: true, encoding: .utf8)
        #expect(try bench.run().loaded)
        #expect(!FileManager.default.fileExists(atPath: bench.output + "/xlsx"))
        #expect(try bench.outputs().count == Datasets.all.count)
    }

    @Test(arguments: CrashSafetyTests.commitSteps)
    func aRunKilledDuringTheCommitLeavesTheOldWorkbooksOrTheNew(_ point: String) throws {
        let bench = try Workbench(extraTOML: #"formats = ["csv", "xlsx"]"#)
        _ = try bench.run()
        let before = try bench.outputs()
        #expect(before.count == 2 * Datasets.all.count)
        try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "测试区民政局", as: "new.txt")

        try CrashSafetyTests().killRun(bench, at: point)
        let afterKill = try bench.outputs()
        _ = try bench.run()
        let after = try bench.outputs()
        #expect(after["xlsx/reports.xlsx"] != before["xlsx/reports.xlsx"])
        #expect(afterKill == (point == "load-after-commit" ? after : before), "the whole old set or the whole new one")
        #expect(bench.temporaries().isEmpty)
    }
}

import Foundation
import Pipeline
import Testing

/// Nightly runs redo only what changed, and stages run alone from the work folder.
@Suite struct IncrementalRunTests {
    @Test func aSecondRunWithNoChangeExtractsNothingAndLeavesTheOutputsAlone() throws {
        let bench = try Workbench()
        let first = try bench.run()
        #expect(first.extracted == 5 && first.transformed == 5 && first.loaded)
        #expect(Set(first.stageSeconds.keys) == ["scan", "extract", "transform", "load", "manifest"])
        #expect(first.text.contains("  time:        scan "))
        let before = try bench.outputs()
        let manifest = bench.root + "/work/manifest.tsv"
        let manifestDate = try FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date
        let second = try bench.run()
        #expect(second.extracted == 0)
        #expect(second.extractSkipped == 5)
        #expect(second.transformed == 0)
        #expect(second.transformSkipped == 5)
        #expect(!second.loaded)
        #expect(second.reportsOK == 5 && second.checksFailed == 4)
        #expect(try bench.outputs() == before)
        #expect(try FileManager.default.attributesOfItem(atPath: manifest)[.modificationDate] as? Date == manifestDate,
                "a run that changed nothing does not rewrite the manifest")
        // Forced, everything is redone, and the files come out byte-identical.
        let forced = try bench.run(full: true)
        #expect(forced.extracted == 5 && forced.transformed == 5 && forced.loaded)
        #expect(forced.removedInputs == 0, "inputs redone with --full are not removed ones")
        #expect(try bench.outputs() == before)
    }

    @Test func editingTheDictionaryRerunsTransformButNotExtract() throws {
        let bench = try Workbench()
        _ = try bench.run()
        #expect(try bench.rows("csv/diagnostics.csv").contains { $0.contains("\"\"社会组织\"\" → applicant public_interest_org") })
        // Make 社会组织 a printed form of its own code: the variant diagnostic must go away.
        var dictionary = try String(contentsOfFile: bench.labels, encoding: .utf8)
        dictionary = dictionary.replacingOccurrences(of: "public_interest_org = [\"社会公益组织\", \"社会组织\"]", with: "public_interest_org = [\"社会组织\", \"社会公益组织\"]")
        try dictionary.write(toFile: bench.labels, atomically: true, encoding: .utf8)
        let rerun = try bench.run()
        #expect(rerun.extracted == 0)
        #expect(rerun.transformed == 5)
        #expect(rerun.loaded)
        #expect(try !bench.rows("csv/diagnostics.csv").contains { $0.contains("\"\"社会组织\"\" → applicant public_interest_org") })
    }

    @Test func transformAloneRemapsFromStoredResultsWithoutTheSources() throws {
        let bench = try Workbench()
        let extracted = try bench.run([.extract])
        #expect(extracted.awaitingTransform == 5 && extracted.accountsForEveryInput)
        // The sources are gone: transform and load must work from the work folder alone.
        try FileManager.default.removeItem(atPath: bench.input)
        let transformed = try bench.run([.transform])
        #expect(transformed.transformed == 5)
        let loaded = try bench.run([.load])
        #expect(loaded.loaded)
        #expect(try bench.rows("csv/applications.csv").count == 5 * 175)
    }

    @Test func addingOneFileProcessesOneFileAndDeletingOneRemovesItsRows() throws {
        let bench = try Workbench()
        _ = try bench.run()
        try bench.addVariant(of: "003_4d0dc32836f03b08.txt", agency: "银川市民政局", as: "new.txt")
        let added = try bench.run()
        #expect(added.extracted == 1 && added.extractSkipped == 5)
        #expect(added.transformed == 1)
        #expect(try bench.rows("csv/reports.csv").contains { $0.contains(",new.txt,pdf_text_tab,2021,utf-8,银川市民政局,2023,") })
        #expect(try bench.rows("csv/applications.csv").count == 6 * 175)

        try FileManager.default.removeItem(atPath: bench.input + "/001_596f64b8fe124db2.txt")
        let removed = try bench.run()
        #expect(removed.removedInputs == 1)
        #expect(removed.extracted == 0)
        #expect(try !bench.rows("csv/reports.csv").contains { $0.contains("001_596f64b8fe124db2.txt") })
        #expect(try !bench.rows("csv/applications.csv").contains { $0.contains("枣阳市民政局") })
        #expect(try bench.rows("csv/applications.csv").count == 5 * 175)
    }

    @Test func movedTouchedAndCopiedFilesAreKnownByTheirBytes() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let files = FileManager.default
        try files.moveItem(atPath: bench.input + "/002_d3cf8b1128643171.txt", toPath: bench.input + "/moved.txt")
        try files.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_600_000_000)],
                                ofItemAtPath: bench.input + "/003_4d0dc32836f03b08.txt")
        try files.copyItem(atPath: bench.input + "/004_d92da6674a0d90b8.txt", toPath: bench.input + "/copy.txt")
        let second = try bench.run()
        // Nothing is extracted or transformed again: the moved, touched and copied bytes were seen before.
        #expect(second.extracted == 0 && second.extractSkipped == 6)
        #expect(second.transformed == 0)
        #expect(second.removedInputs == 1)
        #expect(second.loaded)
        #expect(second.reportsOK + second.reportsPartial == 5 && second.rejectsByReason["duplicate"] == 1)
        let reports = try bench.rows("csv/reports.csv")
        #expect(reports.contains { $0.contains(",moved.txt,") })
        #expect(!reports.contains { $0.contains("002_d3cf8b1128643171.txt") })
        #expect(try bench.rows("csv/rejects.csv").contains { $0.hasPrefix("copy.txt,duplicate,same bytes as 004_d92da6674a0d90b8.txt") })
        // Unchanged since: the next run keeps every entry as it is.
        let third = try bench.run()
        #expect(third.extracted == 0 && third.extractSkipped == 6 && !third.loaded)
    }

    @Test func jobsOneAndJobsTwoWriteIdenticalFiles() throws {
        let formats = "formats = [\"parquet\", \"csv\", \"csv.zst\"]\nrow_group_rows = 1000"
        let one = try Workbench(extraTOML: formats), two = try Workbench(extraTOML: formats)
        // More reports than one load slice (256), so slices and row groups cross report boundaries.
        for index in 0..<300 {
            for bench in [one, two] {
                try bench.addVariant(of: index % 2 == 0 ? "002_d3cf8b1128643171.txt" : "003_4d0dc32836f03b08.txt", agency: "测试\(index)区民政局", as: "gen-\(index).txt")
            }
        }
        _ = try one.run(jobs: 1)
        _ = try two.run(jobs: 2)
        let a = try one.outputs(), b = try two.outputs()
        #expect(a.count == 24)
        #expect(a == b)
    }

    @Test func twoShardsTogetherGiveTheRowsOfOneFullRun() throws {
        let bench = try Workbench()
        for name in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "测试\(name)区民政局", as: "gen-\(name).txt")
        }
        let whole = try bench.run()
        let wholeRows = try Set(bench.rows("csv/applications.csv"))
        let wholeReports = try Set(bench.rows("csv/reports.csv"))
        try FileManager.default.removeItem(atPath: bench.output)
        let first = try bench.run(shard: Shard(index: 0, count: 2))
        let second = try bench.run(shard: Shard(index: 1, count: 2))
        #expect(first.inputs + second.inputs == whole.inputs)
        #expect(first.inputs > 0 && second.inputs > 0)
        let shardRows = try bench.rows("csv/applications.part-0-of-2.csv") + bench.rows("csv/applications.part-1-of-2.csv")
        #expect(shardRows.count == wholeRows.count)
        #expect(Set(shardRows) == wholeRows)
        let shardReports = try bench.rows("csv/reports.part-0-of-2.csv") + bench.rows("csv/reports.part-1-of-2.csv")
        #expect(Set(shardReports) == wholeReports)
    }

    @Test func aDroppedFormatLeavesNoStaleFiles() throws {
        let bench = try Workbench(extraTOML: "formats = [\"csv\", \"csv.zst\"]")
        _ = try bench.run()
        #expect(try bench.outputs().keys.contains("csv/applications.csv.zst"))
        var toml = try String(contentsOfFile: bench.pipelinePath, encoding: .utf8)
        toml = toml.replacingOccurrences(of: "formats = [\"csv\", \"csv.zst\"]", with: "formats = [\"csv\"]")
        try toml.write(toFile: bench.pipelinePath, atomically: true, encoding: .utf8)
        let rerun = try bench.run()
        #expect(rerun.loaded)
        #expect(try !bench.outputs().keys.contains("csv/applications.csv.zst"))
        #expect(try bench.outputs().count == 8)
    }
}

import CZstd
import Foundation
import Glibc
import Testing
@testable import Pipeline

/// Every entry of the input folder ends as a report or a reject row, whatever it is: special
/// files, broken links, names that are not UTF-8, files over the size limit; the run's own
/// folders are never read back; file names that look like formulas are harmless in the CSV.
@Suite struct InputAccountingTests {
    @Test func everyEntryEndsAsAReportOrARejectAndNoneBlocksTheRun() throws {
        let bench = try Workbench()
        let input = bench.input
        #expect(mkfifo(input + "/waiting.fifo", 0o644) == 0)
        let files = FileManager.default
        try files.createSymbolicLink(atPath: input + "/null.txt", withDestinationPath: "/dev/null")
        try files.createSymbolicLink(atPath: input + "/gone.txt", withDestinationPath: input + "/deleted.txt")
        try files.createSymbolicLink(atPath: input + "/loop.txt", withDestinationPath: input + "/loop.txt")
        try files.createSymbolicLink(atPath: input + "/folder", withDestinationPath: NSTemporaryDirectory())
        try files.createSymbolicLink(atPath: input + "/linked.txt", withDestinationPath: input + "/000_a4d9d5453e5df20b.txt")
        // A report whose name is GBK bytes (测试.txt), as copied from a Windows share.
        try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "某县民政局", as: "variant.txt")
        let gbk = Array(input.utf8) + [0x2F, 0xB2, 0xE2, 0xCA, 0xD4] + Array(".txt".utf8)
        #expect(FileName.withCString(Array((input + "/variant.txt").utf8)) { from in FileName.withCString(gbk) { rename(from, $0) } } == 0)

        let entries = 12  // 5 samples, the 6 entries made above and the GBK-named report
        let summary = try bench.run()
        #expect(summary.inputs == entries)
        #expect(summary.accountsForEveryInput)
        #expect(summary.rejectsByReason == ["not_a_file": 3, "broken_link": 2, "duplicate": 1])
        #expect(summary.reportsOK + summary.reportsPartial == 6)
        let rejects = try bench.rows("csv/rejects.csv")
        #expect(rejects.contains { $0.hasPrefix("waiting.fifo,not_a_file,") && $0.contains("FIFO") })
        #expect(rejects.contains { $0.hasPrefix("null.txt,not_a_file,") && $0.contains("device") })
        #expect(rejects.contains { $0.hasPrefix("folder,not_a_file,") && $0.contains("link to a folder") })
        #expect(rejects.contains { $0.hasPrefix("gone.txt,broken_link,") && $0.contains("deleted.txt") })
        #expect(rejects.contains { $0.hasPrefix("loop.txt,broken_link,") && $0.contains("loop") })
        #expect(try bench.rows("csv/reports.csv").contains { $0.contains(#",\xB2\xE2\xCA\xD4.txt,"#) && $0.contains("某县民政局") })

        // A second run finds the same, without reading the special entries either.
        let again = try bench.run()
        #expect(again.inputs == entries && again.rejectsByReason == summary.rejectsByReason && again.accountsForEveryInput)
    }

    @Test func theOutputAndWorkFoldersInsideTheInputAreNotReadBack() throws {
        let bench = try Workbench()
        var pipeline = try bench.pipeline()
        pipeline.output = bench.input + "/out"
        pipeline.work = bench.input + "/work"
        let runner = PipelineRunner(pipeline: pipeline, options: RunOptions(progress: false))
        let first = try runner.run()
        #expect(FileManager.default.fileExists(atPath: bench.input + "/out/csv/reports.csv"))
        let second = try runner.run()
        #expect(first.inputs == 5 && second.inputs == 5)
        #expect(second.rejects == 0 && second.accountsForEveryInput)
    }

    @Test func aFileOverTheSizeLimitIsRejectedWithoutBeingRead() throws {
        let bench = try Workbench(extraTOML: "max_input_bytes = 7000")
        // Sparse: reading it would take 8 GiB of memory.
        let huge = open(bench.input + "/huge.txt", O_WRONLY | O_CREAT, 0o644)
        #expect(ftruncate(huge, 8 << 30) == 0)
        close(huge)
        let summary = try bench.run()
        // 003 (12,919 bytes) and 004 (7,496) are over the limit; 000–002 are under it.
        #expect(summary.rejectsByReason == ["too_large": 3])
        #expect(summary.reportsOK + summary.reportsPartial == 3)
        let rejects = try bench.rows("csv/rejects.csv")
        #expect(rejects.contains { $0.hasPrefix("004_d92da6674a0d90b8.txt,too_large,") && $0.contains("7496 bytes") && $0.contains("max_input_bytes (7000)") })

        // Raised, the limit lets the two reports in at the next run: a rejected size is not kept.
        let toml = try String(contentsOfFile: bench.pipelinePath, encoding: .utf8).replacingOccurrences(of: "max_input_bytes = 7000", with: "max_input_bytes = 20000")
        try toml.write(toFile: bench.pipelinePath, atomically: true, encoding: .utf8)
        let raised = try bench.run()
        #expect(raised.rejectsByReason == ["too_large": 1])
        #expect(raised.reportsOK + raised.reportsPartial == 5)
    }

    @Test func theSizeLimitIsAWholeNumberOfBytes() throws {
        #expect(try PipelineFile(toml: "input = \"a\"\noutput = \"b\"", source: "p.toml", baseDirectory: "/").maxInputBytes == 256 << 20)
        for bad in ["0", "-1", "\"1GB\"", "2.5"] {
            #expect {
                try PipelineFile(toml: "input = \"a\"\noutput = \"b\"\nmax_input_bytes = \(bad)", source: "p.toml", baseDirectory: "/")
            } throws: { error in
                String(describing: error).contains("\"max_input_bytes\" must be a whole number")
            }
        }
    }

    @Test func namesThatLookLikeFormulasAreNeutralizedInCSVButNotInParquet() throws {
        let bench = try Workbench(extraTOML: "formats = [\"csv\", \"parquet\"]")
        try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "某区民政局", as: "=HYPERLINK(\"x\").txt")
        FileManager.default.createFile(atPath: bench.input + "/+SUM(1+1).txt", contents: Data("不是年度报告".utf8))
        _ = try bench.run()
        let reports = try bench.rows("csv/reports.csv")
        #expect(reports.contains { $0.contains(#","'=HYPERLINK(""x"").txt","#) })
        #expect(!reports.contains { $0.contains(#","=HYPERLINK"#) })
        #expect(try bench.rows("csv/rejects.csv").contains { $0.hasPrefix("'+SUM(1+1).txt,not_a_report,") })
        let reportsParquet = try parquetText(bench.output + "/parquet/reports/part-0.parquet")
        let raw = reportsParquet.contains(Array(#"=HYPERLINK("x").txt"#.utf8)), neutralized = reportsParquet.contains(Array(#"'=HYPERLINK"#.utf8))
        #expect(raw && !neutralized)
        let rejectsParquet = try parquetText(bench.output + "/parquet/rejects/part-0.parquet")
        let rawReject = rejectsParquet.contains(Array("+SUM(1+1).txt".utf8)), neutralizedReject = rejectsParquet.contains(Array("'+SUM".utf8))
        #expect(rawReject && !neutralizedReject)
    }

    /// A Parquet file's bytes with every zstd frame (its pages) decompressed in place.
    func parquetText(_ path: String) throws -> [UInt8] {
        let file = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        var text: [UInt8] = []
        var index = 0
        while index < file.count {
            if index + 4 <= file.count, file[index..<index + 4].elementsEqual([0x28, 0xB5, 0x2F, 0xFD]) {
                let decoded: [UInt8]? = file[index...].withUnsafeBytes { frame in
                    let frameSize = ZSTD_findFrameCompressedSize(frame.baseAddress, frame.count)
                    let contentSize = ZSTD_getFrameContentSize(frame.baseAddress, frame.count)
                    guard ZSTD_isError(frameSize) == 0, contentSize < 1 << 30 else { return nil }
                    var out = [UInt8](repeating: 0, count: Int(contentSize))
                    let produced = out.withUnsafeMutableBytes { ZSTD_decompress($0.baseAddress, $0.count, frame.baseAddress, frameSize) }
                    guard ZSTD_isError(produced) == 0 else { return nil }
                    index += frameSize
                    return Array(out.prefix(produced))
                }
                if let decoded {
                    text += decoded
                    continue
                }
            }
            text.append(file[index])
            index += 1
        }
        return text
    }
}

import DisclosureModel
import Foundation
import Load
import Testing
@testable import RunReport

/// The report's facts are gathered a run of rows at a time (Parquet row groups, pieces of a CSV
/// file): rows cut apart anywhere count once, and the lists keep the right rows.
@Suite struct StreamedFactsTests {
    let base = RunReportTests()

    /// 45 reports: every 5th partial, report i with i % 3 failed checks, every 4th with its year
    /// inferred (and every 8th its agency too, in a detail of quoted line ends), every other with
    /// an unrecognized label of three, and one routine diagnostic each.
    var reports: [TransformedReport] {
        (0..<45).map { i in
            var diagnostics = [Diagnostic(.transform, .cellEmpty, "table 二, line \(i): empty")]
            if i % 4 == 0 { diagnostics.append(Diagnostic(.extract, .yearInferred, "report year not in the title")) }
            if i % 8 == 0 { diagnostics.append(Diagnostic(.extract, .agencyInferred, "agency from the folder,\r\n\"引号\", 逗号\n")) }
            if i % 2 == 0 { diagnostics.append(base.unrecognized("标签\(i % 3)", line: i)) }
            let checks = (0..<(i % 3)).map { CheckFailure(rule: $0 == 0 ? "identity" : "appeal_total", subject: "s\(i)", expected: 1, actual: 2) }
            return base.report(i, year: 2021 + i % 3, format: i % 2 == 0 ? "pdf" : "html", partial: i % 5 == 0, checks: checks, diagnostics: diagnostics)
        }
    }

    func facts(_ writer: any DatasetWriter, pieceSize: Int = 1 << 20) throws -> RunFacts {
        let root = base.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try Loader(writers: [writer]).load(reports: reports, rejects: base.rejects, to: root)
        var output = try OutputFolder(root: root)
        output.pieceSize = pieceSize
        return try RunFacts(folder: &output)
    }

    @Test func rowsCutIntoRowGroupsAndPiecesCountOnce() throws {
        let facts = try facts(ParquetDatasetWriter(rowGroupRows: 4))
        #expect(facts.reportsOK == 36 && facts.reportsPartial == 9)
        #expect(facts.byYear.map(\.total) == [15, 15, 15])
        #expect(facts.checksFailed == 45 && facts.checksByRule == [RunFacts.Count(key: "identity", count: 30), RunFacts.Count(key: "appeal_total", count: 15)])
        #expect(facts.diagnosticsByCode.map(\.code) == ["label_unrecognized", "year_inferred", "agency_inferred", "cell_empty"])
        #expect(facts.diagnosticsByCode.map(\.count) == [23, 12, 6, 45])
        #expect(facts.distinctUnrecognized == 3)
        // 标签0 from reports 0, 6, 12, …; its first occurrence (report_id order) is report 0.
        #expect(facts.unrecognized.map(\.count) == [8, 8, 7])
        #expect(facts.unrecognized.map(\.exampleSource) == ["in/r0.txt", "in/r2.txt", "in/r4.txt"])
        // Partial, failed checks or a doubt: all but the reports i with i % 5 ≠ 0, i % 3 = 0, i % 4 ≠ 0.
        let quiet = (0..<45).filter { $0 % 5 != 0 && $0 % 3 == 0 && $0 % 4 != 0 }
        #expect(facts.reportsToLookCount == 45 - quiet.count)
        #expect(facts.reportsToLook.prefix(3).map(\.sourcePath) == ["in/r20.txt", "in/r35.txt", "in/r5.txt"])  // partial, 2 failed, by path
        #expect(facts.reportsToLook.first { $0.sourcePath == "in/r0.txt" }?.identityDoubts == ["agency_inferred", "year_inferred"])

        // The same facts from one row group, and from CSV read a few bytes at a time.
        let whole = try self.facts(ParquetDatasetWriter())
        #expect(whole == facts)
        for (writer, format) in [(CSVWriter() as any DatasetWriter, "csv"), (CompressedCSVWriter(bom: true), "csv.zst")] {
            for pieceSize in [1, 7, 64] {
                var pieces = try self.facts(writer, pieceSize: pieceSize)
                #expect(pieces.format == format)
                pieces.format = facts.format
                #expect(pieces == facts, "\(format) in pieces of \(pieceSize) bytes")
            }
        }
    }

    /// A `.csv.zst` file cut short is an error naming it, not a report with rows missing.
    @Test func aCompressedCSVCutShortIsAnError() throws {
        let root = base.folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try Loader(writers: [CompressedCSVWriter(bom: true)]).load(reports: reports, rejects: base.rejects, to: root)
        let path = root + "/csv/diagnostics.csv.zst"
        let whole = try Data(contentsOf: URL(fileURLWithPath: path))
        try whole.prefix(whole.count - 7).write(to: URL(fileURLWithPath: path))
        var output = try OutputFolder(root: root)
        do {
            _ = try RunFacts(folder: &output)
            Issue.record("a cut-short file was read as if whole")
        } catch let error as RunReportError {
            #expect("\(error)".contains("diagnostics.csv.zst") && "\(error)".contains("cut short"))
        }
    }

    @Test func theListKeepsTheFirstInOrderWhateverTheirNumber() {
        var list = ReportsToLook(limit: 7)
        var all: [RunFacts.ReportToLook] = []
        for i in 0..<500 {
            let report = RunFacts.ReportToLook(sourcePath: "p\((i * 7919) % 500)", agency: "", year: nil, status: i % 11 == 0 ? "partial" : "ok",
                                               checksFailed: (i * 31) % 4, identityDoubts: [])
            list.add(report)
            all.append(report)
        }
        #expect(list.count == 500)
        #expect(list.first == Array(all.sorted(by: ReportsToLook.precedes).prefix(7)))
    }
}

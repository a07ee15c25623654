import DisclosureModel
import Foundation
import Load
import Parquet
import Testing
@testable import RunReport

/// The report is drawn from the datasets the load writes, in any of its formats, and the page
/// holds their numbers.
@Suite struct RunReportTests {
    func folder() -> String { NSTemporaryDirectory() + "run-report-" + UUID().uuidString }

    /// A report with every template cell (ok) or without table 4 (partial).
    func report(_ index: Int, year: Int, format: String, partial: Bool = false, checks: [CheckFailure] = [], diagnostics: [Diagnostic] = []) -> TransformedReport {
        TransformedReport(
            reportId: String(format: "%064x", index), sourcePath: "in/r\(index).txt", sourceFormat: format, encoding: "utf-8",
            identity: ReportIdentity(agency: "某市民政局\(index)", reportYear: year, reportDate: nil, postedDate: nil),
            proactive: Template.national2021.proactiveItems.flatMap { item in item.measures.map { ProactiveCell(item: item.code, measure: $0, value: 1) } },
            applications: Template.national2021.applicationRows.flatMap { row in Template.national2021.applicants.map { ApplicationCell(row: row, applicant: $0, value: 0) } },
            appeals: partial ? [] : Template.national2021.proceedings.flatMap { p in Template.national2021.outcomes.map { AppealCell(proceeding: p, outcome: $0, value: 0) } },
            checkFailures: checks, diagnostics: diagnostics)
    }

    func unrecognized(_ label: String, line: Int) -> Diagnostic {
        Diagnostic(.transform, .labelUnrecognized, "table 三, line \(line): \"\(label)\" matches no label of the dictionary")
    }

    var reports: [TransformedReport] {
        [
            report(1, year: 2022, format: "html", diagnostics: [unrecognized("社会组织", line: 56), Diagnostic(.transform, .cellEmpty, "table 二, line 9: empty")]),
            report(2, year: 2023, format: "pdf", partial: true, diagnostics: [Diagnostic(.extract, .yearInferred, "report year 2023 not in the title"), unrecognized("社会组织", line: 60),
                                                                             Diagnostic(.transform, .tableMissing, "table 四 (appeals) not found in the source")]),
            report(3, year: 2023, format: "pdf", checks: [CheckFailure(rule: "identity", subject: "total", expected: 1, actual: 0),
                                                           CheckFailure(rule: "appeal_total", subject: "review", expected: 2, actual: 3)],
                   diagnostics: [unrecognized("=其他, \"引号\"", line: 7), Diagnostic(.transform, .labelNormalized, "a, b")]),
            report(4, year: 2023, format: "html"),
        ]
    }
    let rejects = [Reject(sourcePath: "bad/=x.txt", reason: .empty, detail: "the file has no text"),
                   Reject(sourcePath: "bad/b.doc", reason: .legacyDoc, detail: "convert, then retry")]

    func write(_ writers: [any DatasetWriter], to root: String) throws {
        _ = try Loader(writers: writers).load(reports: reports, rejects: rejects, to: root)
    }

    func facts(_ root: String) throws -> RunFacts {
        var output = try OutputFolder(root: root)
        return try RunFacts(folder: &output)
    }

    @Test func factsCountTheDatasets() throws {
        let root = folder()
        try write([ParquetDatasetWriter(metadata: [("disclosure_etl.version", "9.9.9"), ("disclosure_etl.pipeline", "nightly")])], to: root)
        let facts = try facts(root)
        #expect(facts.format == "parquet" && facts.version == "9.9.9" && facts.pipeline == "nightly")
        #expect(facts.reportsOK == 3 && facts.reportsPartial == 1)
        #expect(facts.byYear == [RunFacts.Stacked(key: "2022", ok: 1), RunFacts.Stacked(key: "2023", ok: 2, partial: 1)])
        #expect(facts.byFormat == [RunFacts.Stacked(key: "html", ok: 2), RunFacts.Stacked(key: "pdf", ok: 1, partial: 1)])  // most first, ties by name
        #expect(facts.checksByRule == [RunFacts.Count(key: "appeal_total", count: 1), RunFacts.Count(key: "identity", count: 1)])
        #expect(facts.rejectsByReason == [RunFacts.Count(key: "empty", count: 1), RunFacts.Count(key: "legacy_doc", count: 1)])
        // table_missing is not among the rows the report lists, but its severity is read all the same.
        #expect(facts.diagnosticsByCode.map(\.code) == ["table_missing", "label_unrecognized", "year_inferred", "cell_empty", "label_normalized"])
        #expect(facts.diagnosticsByCode.map(\.severity) == [.error, .warning, .warning, .info, .info])
        #expect(facts.unrecognized == [
            RunFacts.UnrecognizedLabel(table: "三", label: "社会组织", count: 2, exampleSource: "in/r1.txt", exampleCitation: "line 56"),
            RunFacts.UnrecognizedLabel(table: "三", label: "=其他, \"引号\"", count: 1, exampleSource: "in/r3.txt", exampleCitation: "line 7"),
        ])
        // Partial first, then by failed checks; report 4 needs no look.
        #expect(facts.reportsToLook.map(\.sourcePath) == ["in/r2.txt", "in/r3.txt"])
        #expect(facts.reportsToLook[0].identityDoubts == ["year_inferred"] && facts.reportsToLook[1].checksFailed == 2)
        #expect(facts.rejects.map(\.sourcePath) == ["bad/=x.txt", "bad/b.doc"])
    }

    @Test(arguments: ["csv", "csv.zst", "csv with bom", "csv.zst with bom", "partitioned", "linked"])
    func everyFormatGivesTheSameFacts(format: String) throws {
        let parquet = folder(), other = folder()
        try write([ParquetDatasetWriter()], to: parquet)
        switch format {
        case "linked":
            // As output generations leave it: `parquet` a link to `.generations/<name>/parquet`.
            try write([ParquetDatasetWriter()], to: other + "/.generations/g-1")
            try FileManager.default.createSymbolicLink(atPath: other + "/parquet", withDestinationPath: ".generations/g-1/parquet")
        case "csv": try write([CSVWriter()], to: other)
        case "csv.zst": try write([CompressedCSVWriter()], to: other)
        case "csv with bom": try write([CSVWriter(bom: true)], to: other)
        case "csv.zst with bom": try write([CompressedCSVWriter(bom: true)], to: other)
        default: try write([ParquetDatasetWriter(partitionByYear: true)], to: other)
        }
        var expected = try facts(parquet)
        let actual = try facts(other)
        expected.format = actual.format
        #expect(actual.format == (["partitioned", "linked"].contains(format) ? "parquet" : format.replacingOccurrences(of: " with bom", with: "")))
        #expect(actual == expected)
    }

    @Test func thePageHoldsTheNumbersAndFetchesNothing() throws {
        let root = folder()
        try write([ParquetDatasetWriter()], to: root)
        let page = try RunReport.page(outputRoot: root, context: RunContext(pipeline: "samples", inputFolder: "/data/in put"))
        #expect(page.contains("<g class=\"row\" data-key=\"2023\" data-ok=\"2\" data-partial=\"1\">"))
        #expect(page.contains("<g class=\"row\" data-key=\"appeal_total\" data-count=\"1\">"))
        #expect(page.contains("<g class=\"row info\" data-key=\"cell_empty\" data-count=\"1\">"))
        #expect(page.contains("<g class=\"row\" data-key=\"表三 =其他, &quot;引号&quot;\" data-count=\"1\">"))
        #expect(page.contains("<td data-field=\"inputs\">6</td>"))
        #expect(page.contains("disclosure-etl inspect &#39;/data/in put/in/r2.txt&#39;"))
        #expect(page.contains("未记录 not recorded"))  // no stage times given
        for forbidden in ["<script", "<link", "src=", "href=", "url(", "@import"] {
            #expect(!page.contains(forbidden), "\(forbidden)")
        }
    }

    @Test func theSameDatasetsGiveTheSameBytes() throws {
        let a = folder(), b = folder()
        try write([ParquetDatasetWriter()], to: a)
        try write([ParquetDatasetWriter()], to: b)
        let first = try Data(contentsOf: URL(fileURLWithPath: RunReport.write(outputRoot: a)))
        let second = try Data(contentsOf: URL(fileURLWithPath: RunReport.write(outputRoot: b)))
        #expect(first == second)
        #expect(!FileManager.default.fileExists(atPath: a + "/.report.html.tmp-\(getpid())"))
    }

    /// The load declares its rows' order by `report_id` in every dataset that has one.
    @Test func theParquetFilesDeclareTheirOrder() throws {
        let root = folder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write([ParquetDatasetWriter()], to: root)
        let reports = try ParquetReader(path: root + "/parquet/reports/part-0.parquet")
        let index = try #require(reports.columns.firstIndex { $0.name == "report_id" })
        #expect(reports.sortingColumns.allSatisfy { $0 == [SortingColumn(columnIndex: Int32(index))] })
        #expect(!reports.sortingColumns.isEmpty)
        #expect(try ParquetReader(path: root + "/parquet/rejects/part-0.parquet").sortingColumns.allSatisfy(\.isEmpty))
    }

    @Test func aFolderWithoutDatasetsIsNamed() throws {
        let root = folder()
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        #expect { try RunReport.page(outputRoot: root) } throws: { "\($0)".contains(root) && "\($0)".contains("no datasets") }
    }

    @Test func unrecognizedLabelDetailsAreSplit() {
        #expect(RunFacts.unrecognizedLabel("table 二, page 3, y=431.2: \"本年新制作\" matches no label of the dictionary") == ("二", "本年新制作", "page 3, y=431.2"))
        #expect(RunFacts.unrecognizedLabel("table 三, line 9: values without a recognized row label; not used")
            == ("三", "values without a recognized row label; not used", "line 9"))
    }
}

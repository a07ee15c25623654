import DisclosureModel
import Foundation
import Testing
import Extract
@testable import Transform

/// Reports on the 2019 template (国办公开办函〔2019〕60号): read cell for cell in every format, by the
/// 2019 template, and told apart from 2021 reports by their tables' wording.
@Suite struct Template2019Tests {
    static let folder = "Tests/Fixtures/formats/template2019"

    /// One report written by scripts/make-2019-fixtures in each format 2021 reports are read in:
    /// every one of its 198 cells (22 of table 2, 23 × 7 of table 3, 15 of table 4), its identity,
    /// the template, and no check fails.
    @Test(arguments: ["report-2019.tab.txt", "report-2019.cells.txt", "report-2019.pipe.txt", "report-2019.html",
                      "report-2019.docx", "report-2019.printed.pdf", "report-2019.office.pdf",
                      "report-2019.layout.txt", "report-2019.flow.txt", "report-2019.md", "report-2019.generic.md",
                      "report-2019.crawl.txt", "report-2019.office.txt", "report-2019.docx2txt.txt"])
    func everyFormatIsReadCellForCell(name: String) throws {
        let report = try RealReportTests().expectExact(Self.folder, name)
        #expect(report.template == .national2019)
        #expect(report.proactive.count == 22 && report.applications.count == 161 && report.appeals.count == 15)
        // Printed as +12 / -3 / 0, the changes are signed numbers, read without a doubt.
        #expect(report.proactive.contains { $0.measure == "change" && $0.value < 0 })
        #expect(report.proactive.contains { $0.measure == "change" && $0.value > 0 })
        // Table 2's 2019 wording is all known (space-aligned text splits table 3's header words, which says so).
        #expect(!report.diagnostics.contains { $0.code == .valueInvalid || $0.code == .templateMixed })
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized && $0.detail.hasPrefix("table 二") })
        #expect(report.diagnostics.contains { $0.code == .valueNormalized && $0.detail.contains("\"251000元\"") })
    }

    /// The converters' texts are read as their layouts, by the 2019 template's columns: markdown's
    /// merged measures once each, the crawler's glued table 3 split by the 2019 rows' identities.
    @Test(arguments: [("report-2019.md", "markdown"), ("report-2019.generic.md", "markdown"), ("report-2019.crawl.txt", "web_text_glued"),
                      ("report-2019.office.txt", "office_text_lines"), ("report-2019.docx2txt.txt", "office_text_lines")])
    func theConvertersTextsAreReadAsTheirLayouts(name: String, format: String) throws {
        let report = try Repository.transform("\(Self.folder)/\(name)")
        #expect(report.sourceFormat == format)
        #expect(!report.diagnostics.contains { $0.code == .cellMissing || $0.code == .extraValues })
        if format == "web_text_glued" {
            // （一）予以公开 has two splits whose 总计 is the sum; only one lets the 23 rows add up.
            #expect(report.diagnostics.contains { $0.code == .placedBySums && $0.detail.contains("（一）予以公开") && $0.detail.contains("rows add up") })
        }
    }

    /// A corpus of both templates: each report gets its own, whatever its year says.
    @Test func aMixedCorpusGivesEveryReportItsTemplate() throws {
        let corpus: [(String, String)] = [
            ("Tests/Fixtures/formats/template2019/report-2019.tab.txt", "2019"),
            ("Tests/Fixtures/formats/template2019/report-2019.docx", "2019"),
            ("Tests/Fixtures/formats/template2019/report-2019.md", "2019"),
            ("Tests/Fixtures/formats/template2019/report-2019.crawl.txt", "2019"),
            ("Tests/Fixtures/formats/markdown/luoyang-2023-headings-merged.md", "2021"),
            ("Tests/Fixtures/real-dev/pingtan_2022.crawl.txt", "2021"),
            ("Tests/Fixtures/real-dev/shanghai_office_2019.html", "2019"),
            ("Tests/Fixtures/real-dev/hongze_2024.pdf", "2021"),
            ("Tests/Fixtures/real-dev/hongze_2024.layout.txt", "2021"),
            ("samples/000_a4d9d5453e5df20b.txt", "2021"),
            ("samples/001_596f64b8fe124db2.txt", "2021"),
            ("samples/002_d3cf8b1128643171.txt", "2021"),
            ("samples/format-kaifeng-2023.docx", "2021"),
            ("samples/format-luoyang-2023.html", "2021"),
        ]
        for (path, template) in corpus {
            let report = try Repository.transform(path)
            #expect(report.template.id == template, "\(path)")
            #expect(report.status == .ok, "\(path)")
        }
    }

    /// The wording decides, not the year: a 2019 table 2 dated 2021 is read as 2019, and a 2021
    /// table 2 dated 2020 as 2021.
    @Test func theTablesWordingOutweighsTheYear() throws {
        let old = try transform(year: 2021, proactive: Self.proactive2019)
        #expect(old.template == .national2019)
        #expect(old.proactive.first { $0.item == "procurement" && $0.measure == "items" }?.value == 6)
        let new = try transform(year: 2020, proactive: Self.proactive2021)
        #expect(new.template == .national2021)
        #expect(new.proactive.first { $0.item == "licensing" && $0.measure == "decisions" }?.value == 7)
        // Nothing in the tables says: the year does.
        #expect(try transform(year: 2020, proactive: []).template == .national2019)
        #expect(try transform(year: 2022, proactive: []).template == .national2021)
    }

    /// Tables that print both templates' wording are read by the one they match best, with a diagnostic.
    @Test func aReportMixingTheTemplatesIsReadByTheBestMatchWithADiagnostic() throws {
        let mixed = try transform(year: 2021, proactive: Self.proactive2021 + [row(["第二十条第（九）项"], []), row(["信息内容", "采购项目数量", "采购总金额"], []), row(["政府集中采购"], ["6", "38"])])
        #expect(mixed.template == .national2021)
        let note = try #require(mixed.diagnostics.first { $0.code == .templateMixed })
        #expect(note.detail.contains("read by the 2021 template") && note.detail.contains("procurement"))
        // The item the 2021 template does not have is not used, and says so.
        #expect(!mixed.proactive.contains { $0.item == "procurement" })
        #expect(mixed.diagnostics.contains { $0.code == .labelUnrecognized && $0.detail.contains("procurement is not an item of the 2021 template") })
    }

    /// In 2019 （六）其他处理 is a row: its values are read and counted in total_of_outcomes (the
    /// report's printed numbers pass), and a value changed in it breaks that sum.
    @Test func the2019OtherRowCountsInTheTotalOfOutcomes() throws {
        let path = "Tests/Fixtures/formats/template2019/report-2019.tab.txt"
        guard case .report(var extracted) = Extractor.extract(bytes: try Repository.bytes(path), sourcePath: path) else {
            Issue.record("not read"); return
        }
        let transformer = Transformer(dictionary: try Repository.dictionary())
        let printed = transformer.transform(extracted)
        #expect(printed.applications.filter { $0.row == "other" }.map(\.value) == [2, 0, 0, 0, 0, 0, 2])
        #expect(printed.checkFailures.isEmpty && !printed.diagnostics.contains { $0.code == .checkSkipped })
        let rows = try #require(extracted.tables[.applications])
        let other = try #require(rows.firstIndex { $0.labels.last?.text == "（六）其他处理" })
        extracted.tables[.applications]![other].values[0] = TextCell("5", line: rows[other].values[0].line)
        let changed = transformer.transform(extracted)
        let failure = try #require(changed.checkFailures.first { $0.rule == "total_of_outcomes" })
        #expect(failure.subject == "natural_person" && failure.expected == failure.actual + 3)
    }

    static let proactive2019 = [
        row(["第二十条第（一）项"], []), row(["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], []),
        row(["规章"], ["1", "1", "20"]), row(["规范性文件"], ["2", "2", "30"]),
        row(["第二十条第（五）项"], []), row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], []),
        row(["行政许可"], ["10", "+2", "300"]), row(["其他对外管理服务事项"], ["4", "-1", "9"]),
        row(["第二十条第（六）项"], []), row(["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"], []),
        row(["行政处罚"], ["5", "0", "12"]), row(["行政强制"], ["1", "0", "0"]),
        row(["第二十条第（八）项"], []), row(["信息内容", "上一年项目数量", "本年增/减"], []),
        row(["行政事业性收费"], ["3", "-1"]),
        row(["第二十条第（九）项"], []), row(["信息内容", "采购项目数量", "采购总金额"], []),
        row(["政府集中采购"], ["6", "38.5"]),
    ]

    static let proactive2021 = [
        row(["第二十条第（一）项"], []), row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], []),
        row(["规章"], ["0", "0", "0"]), row(["行政规范性文件"], ["1", "0", "3"]),
        row(["第二十条第（五）项"], []), row(["信息内容", "本年处理决定数量"], []), row(["行政许可"], ["7"]),
        row(["第二十条第（六）项"], []), row(["信息内容", "本年处理决定数量"], []), row(["行政处罚"], ["2"]), row(["行政强制"], ["0"]),
        row(["第二十条第（八）项"], []), row(["信息内容", "本年收费金额（单位：万元）"], []), row(["行政事业性收费"], ["0"]),
    ]

    static func row(_ labels: [String], _ values: [String]) -> RawRow {
        RawRow(labels: labels.map { TextCell($0, line: 1) }, values: values.map { TextCell($0, line: 1) })
    }

    func row(_ labels: [String], _ values: [String]) -> RawRow { Self.row(labels, values) }

    func transform(year: Int, proactive: [RawRow], applications: [RawRow]? = nil) throws -> TransformedReport {
        var tables: [TableKind: [RawRow]] = [:]
        if !proactive.isEmpty { tables[.proactive] = proactive }
        if let applications { tables[.applications] = applications }
        let report = ExtractedReport(
            reportId: "r", sourcePath: "r.txt", sourceFormat: "pdf_text_tab", encoding: "utf-8",
            identity: ReportIdentity(agency: "某局", reportYear: year, reportDate: nil, postedDate: nil),
            tables: tables, diagnostics: [])
        return Transformer(dictionary: try Repository.dictionary()).transform(report)
    }
}

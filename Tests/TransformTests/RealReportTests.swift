import DisclosureModel
import Foundation
import Testing

/// Reports as agencies published them (and one made like them), read cell for cell against
/// values read by hand or written when the file was made.
@Suite struct RealReportTests {
    struct Gold: Decodable {
        let agency: String
        let report_year: Int
        let report_date: String?
        let failed_checks: Bool
        /// `2019` for a report on the 2019 template; absent for 2021.
        let template: String?
        let t2: [String: Double]
        let t3: [String: Int64]
        let t4: [String: Int64]
    }

    /// The values of `name` in the `gold.json` beside it.
    static func gold(_ folder: String, _ name: String) throws -> Gold {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent("\(folder)/gold.json"))
        return try #require(try JSONDecoder().decode([String: Gold].self, from: data)[name])
    }

    /// The report's cells keyed as `gold.json` keys them: `item.measure`, `row|applicant`,
    /// `proceeding|outcome`.
    static func goldKeyed(_ report: TransformedReport) -> (t2: [String: Double], t3: [String: Int64], t4: [String: Int64]) {
        (Dictionary(uniqueKeysWithValues: report.proactive.map { ("\($0.item).\($0.measure)", $0.value) }),
         Dictionary(uniqueKeysWithValues: report.applications.map { ("\($0.row)|\($0.applicant)", $0.value) }),
         Dictionary(uniqueKeysWithValues: report.appeals.map { ("\($0.proceeding)|\($0.outcome)", $0.value) }))
    }

    /// Reads the file and compares every cell, the identity, the status and the checks with the
    /// gold values of `goldName` (the file's own name unless it is a conversion of another).
    func expectExact(_ folder: String, _ name: String, goldName: String? = nil) throws -> TransformedReport {
        let gold = try Self.gold(folder, goldName ?? name)
        let report = try Repository.transform("\(folder)/\(name)")
        #expect(report.identity.agency == gold.agency)
        #expect(report.identity.reportYear == gold.report_year)
        #expect(report.identity.reportDate?.description == gold.report_date)
        #expect(report.template.id == gold.template ?? "2021")
        let (proactive, applications, appeals) = Self.goldKeyed(report)
        #expect(proactive == gold.t2)
        #expect(applications == gold.t3)
        #expect(appeals == gold.t4)
        #expect(report.status == .ok)
        #expect(report.checkFailures.isEmpty == !gold.failed_checks)
        return report
    }

    /// A WPS export of the Word template: every one of its 200 cells, its identity, and no check fails.
    @Test func theWPSExportedPDFIsReadExactly() throws {
        let report = try expectExact("Tests/Fixtures/real-dev", "hongze_2024.pdf")
        // （六）其他处理 is printed as one row of zeros: its three rows are 0, and the report says so.
        #expect(report.diagnostics.contains { $0.code == .groupRowZero && $0.detail.contains("other.no_correction") })
    }

    /// Document metadata is not needed to read a report: a title stored as UTF-16 holding control
    /// characters (as a real WPS file had) changes nothing.
    @Test func aPDFWhoseTitleIsUTF16WithControlCharactersIsRead() throws {
        _ = try expectExact("Tests/Fixtures/formats/pdf-metadata", "utf16-control-title.pdf")
    }

    /// A 2019 report as a kiosk app stored it: an HTML fragment starting with `<p>`, `&nbsp;`
    /// blanks, header merges unlike the data rows', the procurement amount printed with 元. Read by
    /// the 2019 template, every one of its 198 cells.
    @Test func the2019HTMLFragmentIsReadExactlyByThe2019Template() throws {
        let report = try expectExact("Tests/Fixtures/real-dev", "shanghai_office_2019.html")
        #expect(report.sourceFormat == "html")
        #expect(report.proactive.count == 22 && report.applications.count == 23 * 7 && report.appeals.count == 15)
        #expect(report.diagnostics.contains { $0.code == .valueNormalized && $0.detail.contains("procurement.amount \"251000元\"") && $0.detail.contains("unit") })
        // The blank 总计 column of the outcome rows fails applicant_total; （六） is one row, in the sum.
        #expect(report.checkFailures.contains { $0.rule == "applicant_total" && $0.subject == "granted" && $0.expected == 272 })
        #expect(report.checkFailures.contains { $0.rule == "total_of_outcomes" && $0.subject == "natural_person" } == false)
        // 规范性文件 is the 2019 template's own wording, not a variant.
        #expect(!report.diagnostics.contains { $0.code == .labelNormalized && $0.detail.contains("规范性文件") })
        #expect(!report.diagnostics.contains { $0.code == .templateMixed })
    }

    /// The same 2019 page as analysts convert it: html2text's markdown (its rows written without
    /// leading or closing pipes, so a row ending in `|` has a blank last cell) and pandoc's GitHub
    /// markdown (tables with merged cells kept as HTML `<table>`s inside it): every cell.
    @Test(arguments: ["shanghai_office_2019.html2text.txt", "shanghai_office_2019.pandoc-gfm.txt"])
    func the2019PageConvertedToMarkdownIsReadExactly(name: String) throws {
        let report = try expectExact("Tests/Fixtures/real-dev", name, goldName: "shanghai_office_2019.html")
        #expect(report.sourceFormat == "markdown" && report.template.id == "2019")
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized })
    }

    /// The same page through pandoc's plain text and markdown: table 2, whose cells hold two
    /// lines, as a grid table (`+----+`, a cell wrapped over the row's lines), tables 3 and 4 as
    /// simple tables. Every cell read is the page's; （六）其他处理, the 2019 template's one row,
    /// printed blank beside its group label, is left out (7 cells).
    @Test(arguments: ["shanghai_office_2019.pandoc-plain.txt", "shanghai_office_2019.pandoc-markdown.txt"])
    func the2019PageThroughPandocsGridTablesIsRead(name: String) throws {
        let gold = try Self.gold("Tests/Fixtures/real-dev", "shanghai_office_2019.html")
        let report = try Repository.transform("Tests/Fixtures/real-dev/\(name)")
        #expect(report.sourceFormat == "pdf_text_layout" && report.template.id == "2019")
        #expect(report.identity.agency == gold.agency && report.identity.reportYear == gold.report_year)
        let (proactive, applications, appeals) = Self.goldKeyed(report)
        #expect(proactive == gold.t2 && appeals == gold.t4)
        for (key, value) in applications { #expect(gold.t3[key] == value, "\(key)") }
        #expect(applications.count == gold.t3.count - 7 && applications.keys.allSatisfy { !$0.hasPrefix("other|") })
    }

    /// The WPS-made PDF's text by PyMuPDF (`page.get_text()`, pages joined by a line break) and by
    /// `mutool draw -F txt`: table 3 a cell a line in row order, each row's seven values right
    /// after its label (read by `FlowRowOrder`; 25 of 200 cells before). Every cell.
    @Test(arguments: ["hongze_2024.pymupdf.txt", "hongze_2024.mutool.txt"])
    func theWPSExportedPDFsTextInRowOrderIsReadExactly(name: String) throws {
        let report = try expectExact("Tests/Fixtures/real-dev", name, goldName: "hongze_2024.pdf")
        #expect(report.sourceFormat == "pdf_text_flow")
    }
}

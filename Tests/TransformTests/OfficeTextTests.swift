import DisclosureModel
import Foundation
import Testing

/// Word documents saved as text by LibreOffice (`office_text_lines`): a line per table cell, empty
/// cells as empty lines. Office-made reports (scripts/office-corpus, the .docx saved with
/// `soffice --convert-to txt`) read cell for cell; a row whose cells cannot be counted is left out.
@Suite struct OfficeTextTests {
    static let folder = "Tests/Fixtures/formats/office-text"

    /// s1-000000 prints its zeros as blank cells in all three tables; s1-000168 has table 4's last
    /// cell blank after non-zero ones; s1-000021 行政规范性文件's 现行有效件数 blank after a 5;
    /// s4-000013 its 总计 row's 总计 blank beside a 10 (a printed inconsistency, kept and reported by
    /// the checks); s4-000007 （七）合计 for （七）总计.
    @Test(arguments: ["s1-000000", "s1-000168", "s1-000021", "s4-000013", "s4-000007"])
    func officeMadeReportsAreReadCellForCell(name: String) throws {
        let truth = try RealReportTests.truthCells("\(Self.folder)/\(name).truth.csv")
        #expect(truth.count == 200)
        let report = try Repository.transform("\(Self.folder)/\(name).office.txt")
        #expect(report.sourceFormat == "office_text_lines")
        #expect(RealReportTests.cells(report) == truth)
        #expect(!report.diagnostics.contains { $0.code == .cellMissing })
    }

    /// The .docx fixtures (a real report, and one with label variants and header cells of two
    /// paragraphs, 商业 / 企业, 结果 / 纠正) saved as text by LibreOffice give the cells their .docx gives.
    @Test(arguments: ["kaifeng-2023", "puyang-2021-variants"])
    func wordFilesSavedAsTextGiveTheirDocxCells(name: String) throws {
        let docx = try Repository.transform("Tests/Fixtures/formats/docx/\(name).docx")
        let text = try Repository.transform("\(Self.folder)/\(name).office.txt")
        #expect(text.sourceFormat == "office_text_lines")
        #expect(RealReportTests.cells(text).count == 200)
        #expect(RealReportTests.cells(text) == RealReportTests.cells(docx))
        #expect(text.identity.agency == docx.identity.agency && text.identity.reportYear == docx.identity.reportYear)
        #expect(text.status == .ok)
    }

    /// docx2txt's text (each paragraph, and each cell, followed by an empty line): the same reading
    /// once its paragraphs are the lines; a real report's cells are its .docx's, a blank-zero report's
    /// its truth, and diagnostics name the file's own lines (the row's label line).
    @Test func docx2txtTextIsReadAsItsParagraphs() throws {
        let docx = try Repository.transform("Tests/Fixtures/formats/docx/kaifeng-2023.docx")
        let real = try Repository.transform("\(Self.folder)/kaifeng-2023.docx2txt.txt")
        #expect(real.sourceFormat == "office_text_lines")
        #expect(RealReportTests.cells(real) == RealReportTests.cells(docx))
        #expect(real.identity.agency == docx.identity.agency && real.status == .ok)
        let blank = try Repository.transform("\(Self.folder)/s1-000000.docx2txt.txt")
        #expect(RealReportTests.cells(blank) == (try RealReportTests.truthCells("\(Self.folder)/s1-000000.truth.csv")))
        let file = String(decoding: try Repository.bytes("\(Self.folder)/s1-000000.docx2txt.txt"), as: UTF8.self)
            .components(separatedBy: "\n")
        let empty = try #require(blank.diagnostics.first { $0.code == .cellEmpty && $0.detail.contains("new_received/natural_person") })
        let line = try #require(empty.detail.split(separator: "(line ").last.flatMap { Int($0.prefix { $0.isNumber }) })
        #expect(file[line - 1].hasPrefix("一、本年新收"))
    }

    @Test func blankCellsAreZerosAndTheChecksSeeThePrintedInconsistency() throws {
        let blank = RealReportTests.cells(try Repository.transform("\(Self.folder)/s1-000000.office.txt"))
        #expect(blank["applications|new_received|natural_person"] == 0)
        #expect(blank["appeals|review|upheld"] == 1)
        let inconsistent = try Repository.transform("\(Self.folder)/s4-000013.office.txt")
        #expect(RealReportTests.cells(inconsistent)["applications|total|natural_person"] == 10)
        #expect(inconsistent.checkFailures.contains { $0.rule == "applicant_total" && $0.subject == "total" && $0.expected == 10 && $0.actual == 0 })
    }

    /// The fixture's lines, changed by `edit`, read again.
    private func edited(_ name: String, _ edit: (inout [String]) -> Void) throws -> TransformedReport {
        let text = String(decoding: try Repository.bytes("\(Self.folder)/\(name).office.txt"), as: UTF8.self)
        var lines = text.components(separatedBy: "\n")
        edit(&lines)
        return try Repository.transform(bytes: Array(lines.joined(separator: "\n").utf8), sourcePath: "\(name).office.txt")
    }

    /// Every cell read is the printed one; the keys of the cells not read.
    private func expectNoWrongCell(_ report: TransformedReport, _ name: String) throws -> Set<String> {
        let truth = try RealReportTests.truthCells("\(Self.folder)/\(name).truth.csv")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        return Set(truth.keys).subtracting(read.keys)
    }

    /// An empty cell more after a row label (a table not made from the template): the row's values
    /// would shift by one; the row is left out with a diagnostic, the others read. (Rows with a
    /// number; a row of zeros and blanks reads the same shifted or not.)
    @Test func aRowWithACellMoreIsLeftOutNotShifted() throws {
        for label in ["一、本年新收", "（一）予以公开", "7.属于行政执法案卷", "1.本机关不掌握相关政府信息", "（七）总计"] {
            let report = try edited("s1-000168") { lines in
                let at = lines.firstIndex { $0.hasPrefix(label) }!
                lines.insert("", at: at + 1)
            }
            #expect(report.sourceFormat == "office_text_lines")
            let missing = try expectNoWrongCell(report, "s1-000168")
            #expect(missing.count == 7, "\(label): \(missing.sorted())")
            #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.stage == .extract && $0.detail.contains(label) })
            #expect(report.status == .partial)
        }
    }

    /// A value after a row's seven cells, and a row's first and last cells empty around numbers.
    @Test func aValueAfterARowOrABlankTotalAfterABlankFirstCellLeavesTheRowOut() throws {
        let extra = try edited("s1-000168") { lines in
            let at = lines.firstIndex { $0.hasPrefix("2.重复申请") }!
            lines.insert("3", at: at + 8)
        }
        #expect(try expectNoWrongCell(extra, "s1-000168").count == 7)
        #expect(extra.diagnostics.contains { $0.detail.contains("a value (3") })
        let blanks = try edited("s1-000168") { lines in
            let at = lines.firstIndex { $0.hasPrefix("2.重复申请") }!
            lines[at + 1] = ""
            lines[at + 2] = "4"
            lines[at + 7] = ""
        }
        #expect(try expectNoWrongCell(blanks, "s1-000168").count == 7)
        #expect(blanks.diagnostics.contains { $0.detail.contains("first and last cells are empty") })
    }

    /// Table 4 whose header is not the template's 24 cells is left out; table 2 with a cell more in
    /// a row loses that row.
    @Test func tablesTwoAndFourAreReadOnlyWhenTheirCellsCount() throws {
        let appeals = try edited("s1-000168") { lines in
            let at = lines.firstIndex { $0 == "复议后起诉" }!
            lines.remove(at: at + 1)
        }
        #expect(try expectNoWrongCell(appeals, "s1-000168").filter { $0.hasPrefix("appeals|") }.count == 15)
        #expect(appeals.diagnostics.contains { $0.detail.hasPrefix("table 四, its header is not the template's") })
        let proactive = try edited("s1-000168") { lines in
            let at = lines.firstIndex { $0 == "规章" }!
            lines.insert("", at: at + 1)
        }
        let missing = try expectNoWrongCell(proactive, "s1-000168")
        #expect(missing.allSatisfy { $0.hasPrefix("proactive_disclosure|") } && missing.contains("proactive_disclosure|regulations|issued"))
    }

    /// `pdftotext` ends each page with a form feed; text with one is not this layout, nor is text
    /// whose table 3 header is not the template's as this export writes it.
    @Test func textWithPageBreaksOrAnotherHeaderIsNotThisLayout() throws {
        let paged = try edited("s1-000168") { lines in lines[5] += "\u{0C}" }
        #expect(paged.sourceFormat == "pdf_text_flow")
        let header = try edited("s1-000168") { lines in
            let at = lines.firstIndex { $0.hasPrefix("申请人情况") }!
            lines.remove(at: at + 1)
        }
        #expect(header.sourceFormat == "pdf_text_flow")
    }
}

import DisclosureModel
import Foundation
import Testing

/// PDF text as Python's converters write it, pages joined by a line break (no form feed): PyMuPDF's
/// `page.get_text()`, pdfplumber's `extract_text()` (`pdf_text_spaced`) and `extract_text(layout=True)`,
/// of office-made PDFs (scripts/office-corpus, seed 1) and the real hongze_2024.pdf. What cannot
/// be placed is left out; no value is read into another cell, neither a page number nor a value
/// printed above its label.
@Suite struct ConverterTextTests {
    static let folder = "Tests/Fixtures/formats/converters"

    @Test(arguments: [("mu-s1-000013", 194, "pdf_text_flow"), ("mu-s1-000042", 16, "pdf_text_flow"),
                      ("plumb-s1-000013", 186, "pdf_text_spaced"), ("plumb-s1-000074", 0, "pdf_text_flow"),
                      ("plumb-s1-000193", 176, "pdf_text_spaced"),
                      ("plumbl-s1-000137", 190, "pdf_text_layout"), ("plumbl-s1-000193", 190, "pdf_text_layout")])
    func noValueGoesToAnotherCell(name: String, cells: Int, format: String) throws {
        let truth = try RealReportTests.truthCells("\(Self.folder)/\(name).truth.csv")
        #expect(truth.count == 200)
        let report = try Repository.transform("\(Self.folder)/\(name).txt")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(read.count == cells)
        #expect(report.sourceFormat == format)
    }

    /// The bare page number closing page 2 (`2`, then an empty line) stands where 行政事业性收费's
    /// blank cell is; pdfplumber's page 4 number (`4`) right after the same label, whose value
    /// `0.00` is printed on the label's line (`行政事业性收 0.00`, then `费`, then `4`).
    @Test func pageNumbersWithoutFormFeedsAreNotCells() throws {
        let pymupdf = try Repository.transform("\(Self.folder)/mu-s1-000042.txt")
        #expect(RealReportTests.cells(pymupdf)["proactive_disclosure|fees|amount_10k_yuan"] == nil)
        let pdfplumber = try Repository.transform("\(Self.folder)/plumb-s1-000013.txt")
        #expect(RealReportTests.cells(pdfplumber)["proactive_disclosure|fees|amount_10k_yuan"] == 0)
        #expect(RealReportTests.cells(pdfplumber)["proactive_disclosure|normative_documents|in_force"] == 30)
    }

    /// pdfplumber's plain text of an office-made PDF whose digits stand higher than its labels'
    /// characters: table 2's values come on the line above each label, where the row before's would
    /// be; they are left out, table 3's rows read.
    @Test func valuesAboveOneLineLabelsAreLeftOut() throws {
        let report = try Repository.transform("\(Self.folder)/plumb-s1-000193.txt")
        let cells = RealReportTests.cells(report)
        #expect(cells.keys.filter { $0.hasPrefix("proactive_disclosure|") }.isEmpty)
        #expect(cells["applications|total|total"] != nil)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.hasPrefix("table 二, line 47 (规章): 0 4 2 by its label") })
    }

    /// The real WPS-made report through pdfplumber's plain text: 144 of its 200 cells, none wrong
    /// (rows whose values come above a one-line label, or two value lines in one row, left out).
    @Test func theWPSExportThroughPdfplumberReadsWithoutAWrongCell() throws {
        let gold = try RealReportTests.gold("Tests/Fixtures/real-dev", "hongze_2024.pdf")
        let truth = RealReportTests.cells(gold)
        let report = try Repository.transform("\(Self.folder)/hongze_2024.pdfplumber.txt")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(read.count == 144)
        #expect(report.sourceFormat == "pdf_text_spaced")
        #expect(report.identity.agency == gold.agency)
    }

    /// pdfplumber's layout text puts 行政许可's 358 on the line above the label: the label alone is
    /// not a row of blank cells (0), nor joined to the next section's value.
    @Test func aLabelWithItsValueAboveItIsLeftOut() throws {
        let report = try Repository.transform("\(Self.folder)/plumbl-s1-000137.txt")
        #expect(RealReportTests.cells(report)["proactive_disclosure|licensing|decisions"] == nil)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("行政许可 has no values on its line") })
    }
}

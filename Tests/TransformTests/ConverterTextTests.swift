import DisclosureModel
import Foundation
import Testing

/// PDF text as Python's converters write it, pages joined by a line break (no form feed): PyMuPDF's
/// `page.get_text()`, pdfplumber's `extract_text()` and `extract_text(layout=True)`, of office-made
/// PDFs (scripts/office-corpus, seed 1). What cannot be placed is left out; no value is read into
/// another cell, neither a page number nor a value printed above its label.
@Suite struct ConverterTextTests {
    static let folder = "Tests/Fixtures/formats/converters"

    @Test(arguments: [("mu-s1-000013", 194, "pdf_text_flow"), ("mu-s1-000042", 16, "pdf_text_flow"),
                      ("plumb-s1-000013", 0, "pdf_text_flow"), ("plumb-s1-000074", 0, "pdf_text_flow"),
                      ("plumb-s1-000193", 4, "pdf_text_flow"),
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
    /// `0.00` is printed on the label's line.
    @Test func pageNumbersWithoutFormFeedsAreNotCells() throws {
        let pymupdf = try Repository.transform("\(Self.folder)/mu-s1-000042.txt")
        #expect(RealReportTests.cells(pymupdf)["proactive_disclosure|fees|amount_10k_yuan"] == nil)
        let pdfplumber = try Repository.transform("\(Self.folder)/plumb-s1-000013.txt")
        #expect(RealReportTests.cells(pdfplumber)["proactive_disclosure|fees|amount_10k_yuan"] == nil)
        #expect(pdfplumber.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("a value is printed on a label's line (行政事业性收 0.00") })
    }

    /// pdfplumber's layout text puts 行政许可's 358 on the line above the label: the label alone is
    /// not a row of blank cells (0), nor joined to the next section's value.
    @Test func aLabelWithItsValueAboveItIsLeftOut() throws {
        let report = try Repository.transform("\(Self.folder)/plumbl-s1-000137.txt")
        #expect(RealReportTests.cells(report)["proactive_disclosure|licensing|decisions"] == nil)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("行政许可 has no values on its line") })
    }
}

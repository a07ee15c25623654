import DisclosureModel
import Foundation
import Testing

/// Office-made PDFs through `pdftotext -layout` (scripts/pdf-accuracy --format layout): every cell
/// read must be the printed one, and each report gives the cells whose row and column are certain.
@Suite struct LayoutTextTests {
    /// name, cells it must give, what it shows.
    static let fixtures: [(String, Int, String)] = [
        ("000023", 200, "dashes for zero, table 3 across a page break"),
        ("000136", 193, "rotated group cells whose pieces stand in the row labels' column"),
        ("000006", 200, "zeros printed blank: numbered rows placed by the columns, rows of zeros and blanks read whole, squeezed top rows confirmed by the table's sums"),
        ("000112", 186, "slashes and blanks mixed, header repeated on the next page, squeezed top rows placed by the table's sums"),
    ]

    @Test(arguments: fixtures)
    func everyCellReadIsThePrintedOne(_ fixture: (String, Int, String)) throws {
        let (name, count, _) = fixture
        let folder = "Tests/Fixtures/formats/layout"
        let truth = try RealReportTests.truthCells("\(folder)/\(name).truth.csv")
        #expect(truth.count == 200)
        let report = try Repository.transform("\(folder)/\(name).layout.txt")
        #expect(report.sourceFormat == "pdf_text_layout")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(read.count == count)
        #expect(report.status == (count == 200 ? .ok : .partial))
    }

    /// Rows placed by the table's sums say so as a warning of their own: the checks cannot confirm
    /// those cells again, and an analyst may want to leave such reports out of a check count.
    @Test func rowsPlacedByTheSumsAreAWarning() throws {
        for name in ["000006", "000112"] {
            let report = try Repository.transform("Tests/Fixtures/formats/layout/\(name).layout.txt")
            let placed = report.diagnostics.filter { $0.code == .placedBySums }
            #expect(!placed.isEmpty && placed.allSatisfy { $0.severity == .warning && $0.detail.contains("sums") }, "\(name)")
        }
    }
}

import DisclosureModel
import Foundation
import Testing

/// Office-made PDFs through `pdftotext -layout` (scripts/pdf-accuracy --format layout): every cell
/// read must be the printed one, and each report gives the cells whose row and column are certain.
@Suite struct LayoutTextTests {
    /// name, cells it must give, what it shows.
    static let fixtures: [(String, Int, String)] = [
        ("000023", 200, "dashes for zero, table 3 across a page break"),
        ("000136", 200, "rotated group cells whose pieces stand in the row labels' column"),
        ("000006", 200, "zeros printed blank: numbered rows placed by the columns, rows of zeros and blanks read whole, squeezed top rows confirmed by the table's sums"),
        ("000112", 200, "slashes and blanks mixed, header repeated on the next page inside a row label, squeezed top rows placed by the table's sums"),
        ("s1-000025", 200, "a row label broken over a page with the header repeated between its pieces"),
        ("s1-000024", 200, "a group's vertical text (（六）其他处 / 理) among a row label's lines"),
        ("s1-000051", 200, "a row's values beside the group label above it ((三)不予公   0 0 …)"),
        ("s1-000148", 200, "table 4's em dash cells set apart on the line above"),
        ("s5-000037", 200, "rotated group cells pushing each row's line of zeros between two rows' labels"),
        ("s4-000063", 173, "most cells blank: told from reading-order text by labels followed by spaced numbers"),
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
        // The header's stacked characters are no labels: no warning a piece.
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized })
    }

    /// Header and group cells printed a character or two a line (自然 / 人, 结 / 果 / 维 / 持, （三 / ）不)
    /// are named once a table, as routine, not as a `label_unrecognized` warning each (about 60 a
    /// report); whole words among them (行政复议, 未经复议直接起诉) are still passed on.
    @Test func stackedHeaderPiecesAreNamedOnceATable() throws {
        let report = try Repository.transform("Tests/Fixtures/formats/layout/000006.layout.txt")
        let skipped = report.diagnostics.filter { $0.code == .labelPiecesSkipped }
        #expect(skipped.map(\.place.table) == [.applications, .appeals])
        #expect(skipped.allSatisfy { $0.severity == .info })
        #expect(skipped[0].detail.hasPrefix("table 三: 17 piece(s) of header or group cells") && skipped[0].detail.contains("自然, 人 商业 科研"))
        #expect(skipped[1].detail.hasPrefix("table 四: 50 piece(s)") && !skipped[1].detail.contains("行政复议"))
    }

    /// Rows placed by the table's sums say so as a warning of their own: the checks cannot confirm
    /// those cells again, and an analyst may want to leave such reports out of a check count.
    @Test func rowsPlacedByTheSumsAreAWarning() throws {
        for name in ["000006", "000112"] {
            let report = try Repository.transform("Tests/Fixtures/formats/layout/\(name).layout.txt")
            let placed = report.diagnostics.filter { $0.code == .placedBySums }
            #expect(!placed.isEmpty && placed.allSatisfy { $0.severity == .warning && $0.detail.contains("sums") }, "\(name)")
            // The extract stage's diagnostics name their table too (the detail's `table 三`).
            #expect(placed.allSatisfy { $0.place.table == .applications && $0.detail.hasPrefix("table 三") }, "\(name)")
        }
    }
}

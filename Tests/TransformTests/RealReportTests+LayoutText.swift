import DisclosureModel
import Testing

extension RealReportTests {
    /// The WPS-made report through `pdftotext -layout`: columns aligned with spaces, labels wrapped
    /// with their values on a line of their own, the merged 三、本年度办理结果 cell broken over lines,
    /// （六）其他处理 as one row of zeros, page numbers between the parts of a table.
    @Test func theLayoutTextOfAWPSReportIsReadExactly() throws {
        let report = try expectExact("Tests/Fixtures/real-dev", "hongze_2024.layout.txt")
        #expect(report.sourceFormat == "pdf_text_layout")
        #expect(report.diagnostics.contains { $0.code == .groupRowZero })
    }
}

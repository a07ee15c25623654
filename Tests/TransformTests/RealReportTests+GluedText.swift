import DisclosureModel
import Testing

extension RealReportTests {
    /// A crawler's text of the page, the tables' cells glued together (`规章000行政规范性文件8855698`):
    /// every cell, the identity, and no check fails; each split of a run that left a choice says so.
    @Test func theCrawlersGluedTextIsReadExactly() throws {
        let report = try expectExact("Tests/Fixtures/real-dev", "pingtan_2022.crawl.txt")
        #expect(report.sourceFormat == "web_text_glued")
        #expect(report.diagnostics.contains { $0.code == .valueNormalized && $0.detail.contains("8855698 split as 88|55|698") })
    }
}

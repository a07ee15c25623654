import DisclosureModel
import Testing

extension FormatTruth {
    /// Markdown conversions written from a real report's values (`Tests/Fixtures/formats/markdown/`).
    static let markdown = load("markdown")
}

/// Markdown reports (captions `表二` and generic `数据1` headers; the template's headings with merged
/// cells repeated and `<br>` in labels; `正文` before the title, blank merged cells, no heading on
/// table 4) give every cell of the values they were written from, and their identity.
@Suite struct MarkdownCellsTests {
    @Test func thereAreThreeFixtures() {
        #expect(FormatTruth.markdown.count == 3)
    }

    @Test(arguments: FormatTruth.markdown)
    func everyCellIsTheValueTheFixtureWasMadeFrom(_ truth: FormatTruth) throws {
        try FormatCellsTests().everyCellIsTheValueTheFixtureWasMadeFrom(truth)
    }

    @Test(arguments: FormatTruth.markdown)
    func identityAndFormatAreRead(_ truth: FormatTruth) throws {
        try FormatCellsTests().identityAndFormatAreRead(truth)
        #expect(try !Repository.transform(truth.path).diagnostics.contains { $0.code == .agencyMissing || $0.code == .agencyInferred })
    }

    @Test(arguments: FormatTruth.markdown)
    func consistencyChecksPass(_ truth: FormatTruth) throws {
        try FormatCellsTests().consistencyChecksPass(truth)
    }

    @Test(arguments: FormatTruth.markdown)
    func blankCellsAreZeroWithADiagnosticAndNoLabelIsUnrecognized(_ truth: FormatTruth) throws {
        try FormatCellsTests().blankCellsAreZeroWithADiagnosticAndNoLabelIsUnrecognized(truth)
        #expect(try Repository.transform(truth.path).diagnostics.filter { $0.stage == .extract } == [])
    }
}

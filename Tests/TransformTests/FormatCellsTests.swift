import DisclosureModel
import Testing

/// HTML pages, PDFs and Word files read through extract and transform give every cell, and the
/// identity, of the values each fixture was made from.
@Suite struct FormatCellsTests {
    static let all = FormatTruth.html + FormatTruth.pdf + FormatTruth.docx

    @Test func everyFormatHasAtLeastTwoFixtures() {
        #expect(FormatTruth.html.count >= 2)
        #expect(FormatTruth.pdf.count >= 2)
        #expect(FormatTruth.docx.count >= 2)
    }

    @Test(arguments: all)
    func everyCellIsTheValueTheFixtureWasMadeFrom(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        #expect(report.proactive.count == 10)
        #expect(report.applications.count == 175)
        #expect(report.appeals.count == 15)
        #expect(mismatches(report.proactive.map { "\($0.item).\($0.measure)=\($0.value)" },
                           truth.expectedProactive.map { "\($0.item).\($0.measure)=\($0.value)" }) == [])
        #expect(mismatches(report.applications.map { "\($0.row)/\($0.applicant)=\($0.value)" },
                           truth.expectedApplications.map { "\($0.row)/\($0.applicant)=\($0.value)" }) == [])
        #expect(mismatches(report.appeals.map { "\($0.proceeding)/\($0.outcome)=\($0.value)" },
                           truth.expectedAppeals.map { "\($0.proceeding)/\($0.outcome)=\($0.value)" }) == [])
        #expect(report.status == .ok)
    }

    /// The cells that differ, as `read ≠ expected`, in printed order (empty when all match).
    func mismatches(_ read: [String], _ expected: [String]) -> [String] {
        (0..<max(read.count, expected.count)).compactMap { index in
            let a = index < read.count ? read[index] : "(none)", b = index < expected.count ? expected[index] : "(none)"
            return a == b ? nil : "\(a) ≠ \(b)"
        }
    }

    @Test(arguments: all)
    func identityAndFormatAreRead(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        #expect(report.sourceFormat == truth.sourceFormat)
        #expect(report.encoding == truth.encoding)
        #expect(report.identity.agency == truth.agency)
        #expect(report.identity.reportYear == truth.reportYear)
        #expect(report.identity.reportDate?.description == truth.reportDate)
        #expect(report.identity.postedDate?.description == truth.postedDate)
    }

    /// The fixtures hold consistent numbers, so a value read into the wrong row or column shows
    /// up twice: as a wrong cell and as a failed check.
    @Test(arguments: all)
    func consistencyChecksPass(_ truth: FormatTruth) throws {
        #expect(try Repository.transform(truth.path).checkFailures.isEmpty)
    }

    /// A blank cell (`&nbsp;`, an empty Word cell, nothing printed in a PDF) is 0 with a diagnostic,
    /// and every label is recognized: no other cell is read as empty, no label is lost.
    @Test(arguments: all)
    func blankCellsAreZeroWithADiagnosticAndNoLabelIsUnrecognized(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        let empty = report.diagnostics.filter { $0.code == .cellEmpty }
        #expect(empty.count == truth.blankCells.count)
        for cell in truth.blankCells {
            #expect(empty.contains { $0.detail.contains(" \(cell) is empty") }, "\(cell)")
        }
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized }, "\(report.diagnostics.filter { $0.code == .labelUnrecognized })")
        #expect(!report.diagnostics.contains { $0.code == .cellMissing || $0.code == .extraValues })
    }
}

import DisclosureModel
import Testing

/// PDFs made as agencies make them (the official Word template filled in and exported by
/// LibreOffice): wrapped labels with centred values, narrow merged cells, zeros printed blank or
/// as dashes, tables across pages with and without repeated headers, rotated label cells, label
/// variants, and a report whose printed numbers break the checks. Every cell is asserted.
@Suite struct OfficePDFTests {
    @Test func thereAreSixOfficeFixtures() {
        #expect(FormatTruth.office.count == 6)
    }

    @Test(arguments: FormatTruth.office)
    func everyCellIsTheValueTheReportWasMadeWith(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        #expect(report.proactive == truth.expectedProactive)
        #expect(report.applications == truth.expectedApplications)
        #expect(report.appeals == truth.expectedAppeals)
        #expect(report.status == "ok")
        #expect(report.identity.agency == truth.agency)
        #expect(report.identity.reportYear == truth.reportYear)
        #expect(report.identity.reportDate?.description == truth.reportDate)
    }

    /// The checks report exactly the inconsistencies printed, and none where the numbers agree.
    @Test(arguments: FormatTruth.office)
    func theCheckFailuresAreThoseOfThePrintedNumbers(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        let key = { (failure: CheckFailure) in "\(failure.rule) \(failure.subject) \(failure.expected)≠\(failure.actual)" }
        #expect(report.checkFailures.map(key).sorted() == (truth.failedChecks ?? []).map(key).sorted())
    }

    /// Every blank or dash cell is a 0 with a diagnostic, and no other cell is; no label is lost.
    @Test(arguments: FormatTruth.office)
    func blankAndDashCellsAreZerosWithADiagnostic(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        let empty = report.diagnostics.filter { $0.code == .cellEmpty }
        #expect(empty.count == truth.blankCells.count + (truth.dashCells?.count ?? 0))
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized || $0.code == .cellMissing })
    }
}

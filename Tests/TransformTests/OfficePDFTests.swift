import DisclosureModel
import Testing

/// PDFs made as agencies make them (the official Word template filled in and exported by
/// LibreOffice): wrapped labels with centred values, narrow merged cells, zeros printed blank or
/// as dashes, tables across pages with and without repeated headers, rotated label cells, label
/// variants, a report whose printed numbers break the checks, and one where LibreOffice drew the
/// rotated group labels as blots of characters on one spot, below their cells. Every cell is asserted.
@Suite struct OfficePDFTests {
    @Test func thereAreSevenOfficeFixtures() {
        #expect(FormatTruth.office.count == 7)
    }

    /// The blots are skipped with a diagnostic that shows them; the row they were drawn over
    /// ((七)总计) keeps its label and values.
    @Test func charactersDrawnOnOneSpotAreSkippedAndSaid() throws {
        let truth = try #require(FormatTruth.office.first { $0.path.hasSuffix("overprinted-group-text.pdf") })
        let report = try Repository.transform(truth.path)
        let blots = report.diagnostics.filter { $0.code == .textOverprinted }
        #expect(blots.count == 1)
        #expect(blots.first?.detail.contains("\"其他处理\" (page") == true)
        #expect(blots.first?.place.page != nil)
        // A PDF's diagnostics point at a page as well as a line: the unrecognized group pieces.
        let pieces = report.diagnostics.filter { $0.code == .labelUnrecognized }
        #expect(!pieces.isEmpty && pieces.allSatisfy { $0.place.table == .applications && $0.place.page != nil && $0.place.line != nil })
        #expect(pieces.allSatisfy { $0.detail.contains("(page \($0.place.page!),") && $0.detail.contains("\"\($0.place.label!)\"") })
        #expect(report.applications.filter { $0.row == "total" }.count == 7)
    }

    @Test(arguments: FormatTruth.office)
    func everyCellIsTheValueTheReportWasMadeWith(_ truth: FormatTruth) throws {
        let report = try Repository.transform(truth.path)
        #expect(report.proactive == truth.expectedProactive)
        #expect(report.applications == truth.expectedApplications)
        #expect(report.appeals == truth.expectedAppeals)
        #expect(report.status == .ok)
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
        #expect(!report.diagnostics.contains { $0.code == .cellMissing })
        let unrecognized = report.diagnostics.filter { $0.code == .labelUnrecognized }
        if truth.path.hasSuffix("overprinted-group-text.pdf") {
            // The group cells that lost their blots; every row label is still read.
            #expect(unrecognized.map(\.detail).map { $0.components(separatedBy: "): ").last ?? "" } == [
                "\"（ 三 ） 不予\" matches no label of the dictionary", "\"（四\" matches no label of the dictionary",
                "\"） 无供 （ 五 ）\" matches no label of the dictionary", "\"不予 （ 六 ）\" matches no label of the dictionary",
            ])
        } else {
            #expect(unrecognized.isEmpty)
        }
    }
}

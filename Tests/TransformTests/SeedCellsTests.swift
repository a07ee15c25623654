import DisclosureModel
import Testing

/// Every cell and the identity of the five real reports, against values read by hand.
@Suite struct SeedCellsTests {
    @Test(arguments: SeedReport.all)
    func everyTableTwoCellMatchesTheSource(_ seed: SeedReport) throws {
        let report = try Repository.transform("samples/" + seed.file)
        #expect(report.proactive.count == 10)
        #expect(report.proactive == seed.expectedProactive)
    }

    @Test(arguments: SeedReport.all)
    func everyTableThreeCellMatchesTheSource(_ seed: SeedReport) throws {
        let report = try Repository.transform("samples/" + seed.file)
        #expect(report.applications.count == 175)
        for (got, want) in zip(report.applications, seed.expectedApplications) {
            #expect(got == want, "\(seed.file): \(want.row)/\(want.applicant)")
        }
    }

    @Test(arguments: SeedReport.all)
    func everyTableFourCellMatchesTheSource(_ seed: SeedReport) throws {
        let report = try Repository.transform("samples/" + seed.file)
        #expect(report.appeals.count == 15)
        #expect(report.appeals == seed.expectedAppeals)
    }

    @Test(arguments: SeedReport.all)
    func identityMatchesTheSource(_ seed: SeedReport) throws {
        let report = try Repository.transform("samples/" + seed.file)
        #expect(report.identity.agency == seed.agency)
        #expect(report.identity.reportYear == seed.year)
        #expect(report.identity.reportDate?.description == seed.reportDate)
        #expect(report.identity.postedDate?.description == seed.postedDate)
        #expect(report.sourceFormat == seed.format)
        #expect(report.encoding == "utf-8")
        #expect(report.status == .ok)
    }
}

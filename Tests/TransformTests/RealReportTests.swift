import DisclosureModel
import Foundation
import Testing

/// Reports as agencies published them (and one made like them), read cell for cell against
/// values read by hand or written when the file was made.
@Suite struct RealReportTests {
    struct Gold: Decodable {
        let agency: String
        let report_year: Int
        let report_date: String?
        let failed_checks: Bool
        let t2: [String: Double]
        let t3: [String: Int64]
        let t4: [String: Int64]
    }

    /// The values of `name` in the `gold.json` beside it.
    static func gold(_ folder: String, _ name: String) throws -> Gold {
        let data = try Data(contentsOf: Repository.root.appendingPathComponent("\(folder)/gold.json"))
        return try #require(try JSONDecoder().decode([String: Gold].self, from: data)[name])
    }

    /// Reads the file and compares every cell, the identity, the status and the checks.
    func expectExact(_ folder: String, _ name: String) throws -> TransformedReport {
        let gold = try Self.gold(folder, name)
        let report = try Repository.transform("\(folder)/\(name)")
        #expect(report.identity.agency == gold.agency)
        #expect(report.identity.reportYear == gold.report_year)
        #expect(report.identity.reportDate?.description == gold.report_date)
        let proactive = Dictionary(uniqueKeysWithValues: report.proactive.map { ("\($0.item).\($0.measure)", $0.value) })
        let applications = Dictionary(uniqueKeysWithValues: report.applications.map { ("\($0.row)|\($0.applicant)", $0.value) })
        let appeals = Dictionary(uniqueKeysWithValues: report.appeals.map { ("\($0.proceeding)|\($0.outcome)", $0.value) })
        #expect(proactive == gold.t2)
        #expect(applications == gold.t3)
        #expect(appeals == gold.t4)
        #expect(report.status == "ok")
        #expect(report.checkFailures.isEmpty == !gold.failed_checks)
        return report
    }

    /// A WPS export of the Word template: every one of its 200 cells, its identity, and no check fails.
    @Test func theWPSExportedPDFIsReadExactly() throws {
        let report = try expectExact("Tests/Fixtures/real-dev", "hongze_2024.pdf")
        // （六）其他处理 is printed as one row of zeros: its three rows are 0, and the report says so.
        #expect(report.diagnostics.contains { $0.code == .groupRowZero && $0.detail.contains("other.no_correction") })
    }

    /// Document metadata is not needed to read a report: a title stored as UTF-16 holding control
    /// characters (as a real WPS file had) changes nothing.
    @Test func aPDFWhoseTitleIsUTF16WithControlCharactersIsRead() throws {
        _ = try expectExact("Tests/Fixtures/formats/pdf-metadata", "utf16-control-title.pdf")
    }
}

import DisclosureModel
import Testing

/// A report cut off inside table 3 keeps what it has and says what it lacks.
@Suite struct TruncatedReportTests {
    @Test func reportCutInTableThreeIsPartialWithWhatCouldBeRead() throws {
        let report = try Repository.transform("Tests/Fixtures/inputs/truncated_in_table3.txt")
        #expect(report.status == .partial)
        #expect(report.proactive.count == 10)
        // Rows new_received … denied.prohibited_by_law whole (6 × 7), then 3 cells of denied.security_stability.
        #expect(report.applications.count == 45)
        #expect(report.applications.last == ApplicationCell(row: "denied.security_stability", applicant: "research_institution", value: 0))
        #expect(report.appeals.isEmpty)
        let missing = report.diagnostics.filter { $0.code == .cellMissing }.map(\.detail)
        #expect(missing.contains { $0.contains("row denied.security_stability: 4 cell(s)") })
        #expect(missing.contains { $0.contains("row carried_forward: 7 cell(s) not in the source (the whole row)") })
        #expect(report.diagnostics.contains { $0.code == .tableMissing && $0.detail.contains("table 四") })
        #expect(report.diagnostics.contains { $0.code == .checkSkipped && $0.detail.hasPrefix("identity") })
        #expect(report.checkFailures.isEmpty)
    }
}

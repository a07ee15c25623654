import DisclosureModel
import Foundation
import Testing
@testable import Load

/// The check across reports: the same agency's consecutive years continue each other.
@Suite struct ContinuityCheckTests {
    @Test func anAgencyIsKnownWithOrWithoutTheHigherPlacesBeforeIt() {
        let huaian = AgencyName("淮安市洪泽区人民政府")
        #expect(huaian.isSameAgency(as: AgencyName("洪泽区人民政府")))
        #expect(AgencyName("洪泽区人民政府").isSameAgency(as: huaian))
        #expect(AgencyName("江苏省淮安市洪泽区人民政府").isSameAgency(as: AgencyName("洪泽区人民政府")))
        #expect(AgencyName("淮安市 洪泽区人民政府").isSameAgency(as: AgencyName("淮安市洪泽区人民政府")))
        #expect(AgencyName("ＸＸ县民政局").isSameAgency(as: AgencyName("XX县民政局")))
        #expect(AgencyName("新疆维吾尔自治区昌吉州呼图壁县民政局").isSameAgency(as: AgencyName("呼图壁县民政局")))
        // A name without a place of its own is not another city's agency.
        #expect(!AgencyName("上海市人民政府办公厅").isSameAgency(as: AgencyName("人民政府办公厅")))
        #expect(!AgencyName("攀枝花市市场监督管理局").isSameAgency(as: AgencyName("市场监督管理局")))
        #expect(!AgencyName("淮安市洪泽区人民政府").isSameAgency(as: AgencyName("淮安市清江浦区人民政府")))
        #expect(!AgencyName("淮安市洪泽区人民政府").isSameAgency(as: AgencyName("淮安市人民政府")))
    }

    func report(_ id: String, _ agency: String, _ year: Int, carriedOver: Int64, carriedForward: Int64,
                inForce: Double, issued: Double = 0, repealed: Double = 0) -> TransformedReport {
        let applicants = StoredCodes.applicants
        return TransformedReport(
            reportId: String(repeating: id, count: 64), sourcePath: "\(id).txt", sourceFormat: "pdf_text_tab", encoding: "utf-8",
            identity: ReportIdentity(agency: agency, reportYear: year, reportDate: nil, postedDate: nil),
            proactive: [ProactiveCell(item: "regulations", measure: "issued", value: issued),
                        ProactiveCell(item: "regulations", measure: "repealed", value: repealed),
                        ProactiveCell(item: "regulations", measure: "in_force", value: inForce)],
            applications: applicants.map { ApplicationCell(row: "carried_over", applicant: $0, value: $0 == "total" ? carriedOver * 6 : carriedOver) }
                + applicants.map { ApplicationCell(row: "carried_forward", applicant: $0, value: $0 == "total" ? carriedForward * 6 : carriedForward) },
            appeals: [], checkFailures: [], diagnostics: [])
    }

    func rows(_ root: String, _ dataset: String) throws -> [[String]] {
        let text = try String(contentsOfFile: "\(root)/csv/\(dataset).csv", encoding: .utf8)
        return text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Breaks are found between consecutive years of one agency, named however it prints itself,
    /// and nowhere else: not across two years' gap, not between agencies, not where a year continues.
    @Test func breaksBetweenConsecutiveYearsAreChecksOnTheLaterReport() throws {
        let reports = [
            report("a", "淮安市洪泽区人民政府", 2022, carriedOver: 1, carriedForward: 5, inForce: 10),
            report("b", "洪泽区人民政府", 2023, carriedOver: 5, carriedForward: 3, inForce: 12, issued: 2, repealed: 1),  // in_force breaks: 10 + 2 - 1 = 11
            report("c", "淮安市洪泽区人民政府", 2024, carriedOver: 4, carriedForward: 0, inForce: 12),  // carried_over breaks: 3 ≠ 4
            report("d", "淮安市清江浦区人民政府", 2023, carriedOver: 9, carriedForward: 9, inForce: 0),  // another agency
            report("e", "洪泽区人民政府", 2026, carriedOver: 7, carriedForward: 7, inForce: 99),  // a year's gap: nothing to compare
        ]
        let root = NSTemporaryDirectory() + "continuity-" + UUID().uuidString
        _ = try Loader(writers: [CSVWriter()]).load(reports: reports, rejects: [], to: root)
        let checks = try rows(root, "checks")
        #expect(checks[0] == ["report_id", "report_year", "agency", "rule", "subject", "expected", "actual", "other_report_id"])
        let id = { (letter: String) in String(repeating: letter, count: 64) }
        let expected: [[String]] = [
            [id("b"), "2023", "洪泽区人民政府", "continuity", "in_force.regulations", "11", "12", id("a")],
        ] + StoredCodes.applicants.map { applicant in
            [id("c"), "2024", "淮安市洪泽区人民政府", "continuity", "carried_over.\(applicant)", applicant == "total" ? "18" : "3",
             applicant == "total" ? "24" : "4", id("b")]
        }
        #expect(Array(checks.dropFirst()) == expected)
        let reportRows = try rows(root, "reports")
        let failed = reportRows[0].firstIndex(of: "checks_failed")!
        #expect(reportRows.dropFirst().map { $0[failed] } == ["0", "1", "7", "0", "0"])
        let wide = try rows(root, "reports_wide")
        let continuity = wide[0].firstIndex(of: "checks_continuity")!
        #expect(wide.dropFirst().map { $0[continuity] } == ["0", "1", "7", "0", "0"])
    }

    /// The table keeps numbers in 32 bits; one beyond them, or on the values it uses as marks,
    /// comes back whole, and a missing one as nil.
    @Test func tableGivesBackEveryNumberAsAppended() {
        let edges: [Int64] = [ContinuityCheck.missing, 0, -1, 7, Int64(Int32.max), Int64(Int32.max) + 1, Int64(Int32.min),
                              Int64(Int32.min) + 1, Int64(Int32.min) + 2, 1 << 40, -(1 << 40), Int64.max]
        var table = ContinuityCheck.Table()
        table.reserveCapacity(2)
        for shift in 0 ..< 2 {
            var facts = ContinuityCheck.Facts(agency: "某某县人民政府", year: 2023 + shift)
            for slot in facts.numbers.indices { facts.numbers[slot] = edges[(slot + shift) % edges.count] }
            table.append(facts)
        }
        for report in 0 ..< 2 {
            for slot in 0 ..< ContinuityNumbers.Slot.count {
                let value = edges[(slot + report) % edges.count]
                #expect(table.number(report, slot) == (value == ContinuityCheck.missing ? nil : value), "report \(report), slot \(slot)")
            }
        }
    }
}

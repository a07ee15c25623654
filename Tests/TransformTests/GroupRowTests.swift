import DisclosureModel
import Testing
@testable import Transform

/// （六）其他处理 printed as a single row, without its three rows (as some agencies print it).
@Suite struct GroupRowTests {
    /// Table 3 with the rows before （六） and after it, and the group row given.
    func transform(groupValues: [String]) throws -> TransformedReport {
        func row(_ labels: [String], _ values: [String]) -> RawRow {
            RawRow(labels: labels.map { TextCell($0, line: 1) }, values: values.map { TextCell($0, line: 1) })
        }
        let ones = Array(repeating: "1", count: 7)
        let rows = [
            row(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], []),
            row(["一、本年新收政府信息公开申请数量"], ones),
            row(["5.要求行政机关确认或重新出具已获取信息"], ones),
            row(["（六）其他处理"], groupValues),
            row(["（七）总计"], ones),
        ]
        let report = ExtractedReport(
            reportId: "r", sourcePath: "r.txt", sourceFormat: "pdf", encoding: "utf-8",
            identity: ReportIdentity(agency: "某局", reportYear: 2024, reportDate: nil, postedDate: nil),
            tables: [.applications: rows], diagnostics: [])
        return Transformer(dictionary: try Repository.dictionary()).transform(report)
    }

    @Test func aGroupRowOfZerosMakesEachOfItsRowsZero() throws {
        let report = try transform(groupValues: ["0", "0", "", "0", "-", "0", "0"])
        let other = report.applications.filter { $0.row.hasPrefix("other.") }
        #expect(other.count == 21)
        #expect(other.allSatisfy { $0.value == 0 })
        #expect(report.diagnostics.contains { $0.code == .groupRowZero })
    }

    @Test func aGroupRowWithValuesIsNotSplitBetweenItsRows() throws {
        let report = try transform(groupValues: ["2", "0", "0", "0", "0", "0", "2"])
        #expect(!report.applications.contains { $0.row.hasPrefix("other.") })
        #expect(report.status == .partial)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("cannot be split") })
    }
}

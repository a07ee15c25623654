import DisclosureModel
import Testing
@testable import Transform

/// Reading-order text may give table 3's rows out of order and without its header: a first row
/// printed `3.其他` or `（七）总计` shares its words with the columns 其他 and 总计, but it is numbered,
/// and the template numbers its rows, never its columns.
@Suite struct NumberedFirstRowTests {
    func transform(_ rows: [(label: String, values: [String])]) throws -> TransformedReport {
        let raw = rows.map { RawRow(labels: [TextCell($0.label, line: 1)], values: $0.values.map { TextCell($0, line: 2) }) }
        let report = ExtractedReport(
            reportId: "r", sourcePath: "r.txt", sourceFormat: "pdf_text_flow", encoding: "utf-8",
            identity: ReportIdentity(agency: "某局", reportYear: 2024, reportDate: nil, postedDate: nil),
            tables: [.applications: raw], diagnostics: [])
        return Transformer(dictionary: try Repository.dictionary()).transform(report)
    }

    func values(_ report: TransformedReport, row: String) -> [Int64] {
        report.applications.filter { $0.row == row }.map(\.value)
    }

    @Test func aNumberedFirstRowIsThatRow() throws {
        let report = try transform([
            ("（七）总计", ["5", "0", "0", "0", "0", "1", "6"]),
            ("四、结转下年度继续办理", ["1", "0", "0", "0", "0", "0", "1"]),
        ])
        #expect(values(report, row: "total") == [5, 0, 0, 0, 0, 1, 6])
        #expect(values(report, row: "carried_forward") == [1, 0, 0, 0, 0, 0, 1])
    }

    @Test func theHeaderWordsUnnumberedAreStillTheColumns() throws {
        let report = try transform([
            ("自然人", []), ("商业企业", []), ("科研机构", []), ("社会公益组织", []), ("法律服务机构", []), ("其他", []), ("总计", []),
            ("一、本年新收政府信息公开申请数量", ["3", "0", "0", "0", "0", "1", "4"]),
        ])
        #expect(values(report, row: "new_received") == [3, 0, 0, 0, 0, 1, 4])
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized })
    }
}

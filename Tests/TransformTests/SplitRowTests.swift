import DisclosureModel
import Testing
@testable import Transform

/// A row that a page break cut in two: its label wrapped over both parts, its values in one.
@Suite struct SplitRowTests {
    func row(_ labels: [String], _ values: [String]) -> RawRow {
        RawRow(labels: labels.map { TextCell($0, line: 1) }, values: values.map { TextCell($0, line: 1) })
    }

    func transform(_ tables: [TableKind: [RawRow]]) throws -> TransformedReport {
        let report = ExtractedReport(
            reportId: "r", sourcePath: "r.pdf", sourceFormat: "pdf", encoding: "utf-8",
            identity: ReportIdentity(agency: "某局", reportYear: 2024, reportDate: nil, postedDate: nil),
            tables: tables, diagnostics: [])
        return Transformer(dictionary: try Repository.dictionary()).transform(report)
    }

    @Test func aTableTwoLabelWrappedOverAPageBreakReadsAsOneRow() throws {
        let report = try transform([.proactive: [
            row(["信息内容", "本年收费金额（单位：万元）"], []),
            row(["行政事业性"], ["12.5"]),
            row(["收费"], [""]),
        ]])
        #expect(report.proactive.contains(ProactiveCell(item: "fees", measure: "amount_10k_yuan", value: 12.5)))
        #expect(!report.diagnostics.contains { $0.code == .labelUnrecognized })
    }

    @Test func aTableThreeRowWhoseValuesAreOnTheSecondPartReadsAsOneRow() throws {
        let ones = Array(repeating: "1", count: 7), blanks = Array(repeating: "", count: 7)
        let report = try transform([.applications: [
            row(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], []),
            row(["一、本年新收政府信息公开申"], blanks),
            row(["请数量"], ones),
        ]])
        #expect(report.applications.filter { $0.row == "new_received" }.map(\.value) == Array(repeating: 1, count: 7))
    }

    /// Both parts print a value in the same column: which one is the row's cannot be told.
    @Test func partsWithValuesInTheSameColumnAreNotJoined() throws {
        let ones = Array(repeating: "1", count: 7)
        let report = try transform([.applications: [
            row(["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"], []),
            row(["一、本年新收政府信息公开申"], ones),
            row(["请数量"], ones),
        ]])
        #expect(!report.applications.contains { $0.row == "new_received" })
    }
}

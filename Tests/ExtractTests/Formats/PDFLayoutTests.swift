import DisclosureModel
import Testing
@testable import Extract

/// A Chromium-printed PDF whose table 3 crosses a page break, with a merged cell set one
/// character per line and row labels wrapped over two and three lines.
@Suite struct PDFLayoutTests {
    static let path = "Tests/Fixtures/formats/pdf/anyang-2023.pdf"

    func report() throws -> ExtractedReport {
        guard case .report(let report) = Extractor.extract(bytes: try Fixture.bytes(Self.path), sourcePath: Self.path) else {
            throw RejectedError()
        }
        return report
    }

    struct RejectedError: Error {}

    func row(_ report: ExtractedReport, _ label: String) throws -> RawRow {
        try #require(report.tables[.applications]?.first { $0.labels.contains { $0.text == label } })
    }

    @Test func aLabelWrappedOverThreeLinesReadsWholeBesideItsValues() throws {
        let report = try report()
        let row = try self.row(report, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(row.values.map(\.text) == ["0", "0", "2", "0", "1", "0", "3"])
        let row2 = try self.row(report, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请")
        #expect(row2.values.map(\.text) == ["0", "1", "3", "0", "0", "0", "4"])
    }

    @Test func verticalTextCutByThePageBreakReadsAsOneLabel() throws {
        let report = try report()
        let row = try self.row(report, "（一）予以公开")
        #expect(row.labels.map(\.text) == ["三、本年度办理结果", "（一）予以公开"])
    }

    @Test func theTableContinuesOnPageTwoAndThePageNumberIsReported() throws {
        let report = try report()
        let secret = try self.row(report, "1.属于国家秘密")
        let origin = try #require(report.lineOrigins?[secret.values[0].line - 1])
        #expect(origin.hasPrefix("page 2, y="))
        let partial = try self.row(report, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）")
        #expect(report.lineOrigins?[partial.values[0].line - 1].hasPrefix("page 1, y=") == true)
        #expect(report.diagnostics.contains { $0.code == .pageArtifactSkipped && $0.detail.hasPrefix("table 三") && $0.detail.contains("(page 1, y=") })
    }

    @Test func aBlankCellKeepsItsColumn() throws {
        // 8.属于行政查询事项 prints nothing for 法律服务机构: the empty slot keeps 0 and 6 in place.
        let row = try self.row(try report(), "8.属于行政查询事项")
        #expect(row.values.map(\.text) == ["0", "3", "0", "3", "", "0", "6"])
    }

    @Test func everyValueLineNamesThePageAndThePositionsOfItsValues() throws {
        let report = try report()
        let appeals = try #require(report.tables[.appeals]?.last)
        let origin = try #require(report.lineOrigins?[appeals.values[0].line - 1])
        #expect(origin.hasPrefix("page 3, y="))
        #expect(origin.contains("ruled table row, cells at x="))
        #expect(appeals.values.count == 15)
    }
}

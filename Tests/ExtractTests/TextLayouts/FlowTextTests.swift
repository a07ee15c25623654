import Testing
@testable import Extract

/// The row labels table 3's reading-order rows are anchored on.
@Suite struct FlowTextTests {
    @Test func rowLabelsAreFoundOnTheirFirstLineAndNotInOtherRows() {
        #expect(FlowRowLabels.rows(in: "2.其他法律行政法规禁止公") == [5])
        #expect(FlowRowLabels.rows(in: "（五）不予4.无正当理由大量反复申请") == [18])
        #expect(FlowRowLabels.rows(in: "（六）其他1.申请人无正当理由逾期不补") == [20])
        #expect(FlowRowLabels.rows(in: "3.其他") == [22])
        #expect(FlowRowLabels.rows(in: "3.其他法律") == [5])
        #expect(FlowRowLabels.rows(in: "（七）总计") == [23])
        #expect(FlowRowLabels.rows(in: "总计") == [])
        #expect(FlowRowLabels.rows(in: "（七）总计四、结转下年度继续办理") == [23, 24])
    }
}

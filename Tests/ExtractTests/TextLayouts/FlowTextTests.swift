import Testing
@testable import Extract

/// The row labels table 3's reading-order rows are anchored on.
@Suite struct FlowTextTests {
    @Test func rowLabelsAreFoundOnTheirFirstLineAndNotInOtherRows() {
        #expect(FlowRowLabels.rows(in: "2.其他法律行政法规禁止公") == [5])
        #expect(FlowRowLabels.rows(in: "（五）不予4.无正当理由大量反复申请") == [18])
        #expect(FlowRowLabels.rows(in: "）不4.无正当理由大量反复予处请") == [18])
        // First lines of labels wrapped in narrow columns (pdftotext of the office corpora).
        let firstLines = ["1.属于国家秘", "3.危及“三安", "4.保护第三方合", "5.属于三类内", "6.属于四类过", "7.属于行政执",
                          "8.属于行政查", "1.本机关不掌", "2.没有现成信", "3.补正后申请内", "1.信访举报投", "3.要求提供公",
                          "5.要求行政机", "1.申请人无正", "2.申请人逾期"]
        #expect(firstLines.map { FlowRowLabels.rows(in: $0) } == [[4], [6], [7], [8], [9], [10], [11], [12], [13], [14], [15], [17], [19], [20], [21]])
        #expect(FlowRowLabels.rows(in: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）") == [])
        #expect(FlowRowLabels.rows(in: "（六）其他1.申请人无正当理由逾期不补") == [20])
        #expect(FlowRowLabels.rows(in: "3.其他") == [22])
        #expect(FlowRowLabels.rows(in: "3.其他法律") == [5])
        #expect(FlowRowLabels.rows(in: "（七）总计") == [23])
        #expect(FlowRowLabels.rows(in: "总计") == [])
        #expect(FlowRowLabels.rows(in: "（七）总计四、结转下年度继续办理") == [23, 24])
    }

    /// Reading-order lines from printed lines, as `FlowLines` classifies them.
    private func lines(_ texts: [String]) -> [FlowLine] {
        texts.enumerated().map { FlowLines.classify($1, line: $0) }
    }

    @Test func zeroMarksAndZeroNumbersAreZeroOtherNumbersAreNot() {
        for zero in ["0", "-", "—", "——", "/", "０", "0.00"] { #expect(FlowZeros.isZero(zero), "\(zero)") }
        for other in ["10", "1", "0.5", "零", "1元"] { #expect(!FlowZeros.isZero(other), "\(other)") }
    }

    @Test func aTableOfZerosIsReadOnlyWithOneZeroPerCell() {
        let table = lines(["行政复议", "0", "0 -", "结果维持", "—"] + Array(repeating: "0", count: 11))
        #expect(FlowZeros.allZero(table, cells: 15)?.count == 15)
        #expect(FlowZeros.allZero(Array(table.dropLast()), cells: 15) == nil)
        #expect(FlowZeros.allZero(table + lines(["1"]), cells: 16) == nil)
    }

    /// Rows 0–2 printed in a mixed order (a run of 15, then two runs of 3), rows 3–24 as one block
    /// read column by column: the block's rows are read at the place the 21 values before them give.
    private func scrambledTop(totals: (Int) -> Int) -> [String] {
        let rows = (0..<25).map { row in [row % 3, 0, 1, 0, 0, row % 2] }
        let cells = rows.enumerated().map { row, six in six + [totals(row) + six.reduce(0, +)] }
        var texts = ["一、本年新收政府信息公开申请数量", ""]
        texts += (0..<3).flatMap { row in [1, 2, 3, 4, 6].map { String(cells[row][$0]) } } + [""]
        texts += (0..<3).map { String(cells[$0][0]) } + [""] + (0..<3).map { String(cells[$0][5]) } + ["", "其他", ""]
        for column in 0..<7 { texts += (3..<25).map { String(cells[$0][column]) } + [""] }
        return texts
    }

    @Test func aBlockOfRowsBelowAScrambledTopIsReadWhereTheValuesBeforeItPutIt() {
        let read = FlowBlockRows.read(lines(scrambledTop { _ in 0 }), rowCount: 25)
        #expect(read.keys.sorted() == Array(3..<25))
        #expect(read[4]?.map(\.text) == ["1", "0", "1", "0", "0", "0", "2"])
    }

    /// Seven runs of seven: read column by column unless the runs, read as rows, add up too.
    @Test func aSquareBlockIsReadOnlyWhenItsRunsCannotBeRows() {
        func printed(_ runs: [[Int]]) -> [String] { runs.flatMap { $0.map(String.init) + [""] } }
        var runs = Array(repeating: Array(repeating: 0, count: 7), count: 7)
        // Column by column, row 0 = 1 0 0 0 0 0 1: its runs as rows would not add up (1 … 0).
        runs[0][0] = 1
        runs[6][0] = 1
        let read = FlowBlockRows.read(lines(printed(runs)), rowCount: 7)
        #expect(read[0]?.map(\.text) == ["1", "0", "0", "0", "0", "0", "1"])
        #expect(read[3]?.map(\.text) == ["0", "0", "0", "0", "0", "0", "0"])
        // Rows 3 and 6 printed one after another as 1 0 0 0 0 0 1: column by column that adds up as
        // well, with a 1 in row 0: which is printed cannot be told.
        runs = Array(repeating: Array(repeating: 0, count: 7), count: 7)
        runs[3] = [1, 0, 0, 0, 0, 0, 1]
        runs[6] = [1, 0, 0, 0, 0, 0, 1]
        #expect(FlowBlockRows.read(lines(printed(runs)), rowCount: 7).isEmpty)
    }

    @Test func aBlockWhoseRowsDoNotAddUpIsNotRead() {
        #expect(FlowBlockRows.read(lines(scrambledTop { $0 == 10 ? 1 : 0 }), rowCount: 25).isEmpty)
        // One value fewer (a blank cell): the place of the block cannot be told.
        var texts = scrambledTop { _ in 0 }
        texts.remove(at: 2)
        #expect(FlowBlockRows.read(lines(texts), rowCount: 25).isEmpty)
    }
}

/// Which text is a row layout: lines of tab-separated cells or tab-indented cells, not tabs left
/// from a web page's indentation.
@Suite struct TabbedLinesTests {
    private func lines(_ text: String) -> SourceLines { SourceLines(utf8: Array(text.utf8)) }

    @Test func tenRowsOrCellsMakeARowLayoutIndentationDoesNot() {
        let rows = (0..<10).map { "规章\t0\t\t\($0)" }.joined(separator: "\n")
        #expect(ConvertedText.hasTabbedLines(lines(rows)))
        let indentedRows = (0..<10).map { "\t\t2.其他法律\t0\t\($0)" }.joined(separator: "\n")
        #expect(ConvertedText.hasTabbedLines(lines(indentedRows)))
        let cells = (0..<10).map { "\t\($0)" }.joined(separator: "\n")
        #expect(ConvertedText.hasTabbedLines(lines(cells)))
        let indented = (0..<30).map { _ in "\t\t\t\t—\n\n\t\n规章" }.joined(separator: "\n")
        #expect(!ConvertedText.hasTabbedLines(lines(indented)))
        #expect(!ConvertedText.hasTabbedLines(lines(Array(rows.split(separator: "\n").prefix(9)).joined(separator: "\n"))))
    }

    @Test func markdownEscapesAreUndone() {
        #expect(MarkdownText.cleanCell("1\\. 属于国家秘密") == "1. 属于国家秘密")
        #expect(MarkdownText.cleanCell("a\\b") == "a\\b")
        #expect(MarkdownText.textLine("1\\. 申请人") == "1. 申请人")
        #expect(MarkdownText.textLine("1. 列表项") == "列表项")
    }

    /// Table 3 a cell a line in row order (PyMuPDF): read only when every printed row has its seven
    /// values right after its label; one row short leaves the whole table to the other readings.
    @Test func rowOrderIsReadOnlyWhenEveryRowHasItsSevenValues() {
        func lines(_ rows: [String], short: Int? = nil) -> [FlowLine] {
            var text = "申请人情况\n自然人\n"
            for (index, label) in rows.enumerated() {
                text += label + "\n"
                let count = index == short ? 6 : 7
                text += (0..<count).map { index == 0 ? "\($0 + 1)" : "0" }.joined(separator: "\n") + "\n"
                if index == 1 { text += "三\n、\n本\n" }
            }
            return FlowLines(SourceLines(utf8: Array(text.utf8))).lines
        }
        let rows = FlowApplications.rows
        let read = FlowRowOrder.read(lines(rows), labels: rows)
        #expect(read?.count == 25 && read?[0].map(\.text) == ["1", "2", "3", "4", "5", "6", "7"])
        #expect(FlowRowOrder.read(lines(rows, short: 12), labels: rows) == nil)
        // Column order: every label first, then the values.
        let columnOrder = FlowLines(SourceLines(utf8: Array((rows + Array(repeating: "0", count: 175)).joined(separator: "\n").utf8))).lines
        #expect(FlowRowOrder.read(columnOrder, labels: rows) == nil)
    }
}

import Testing
@testable import Extract

/// The pieces of the space-aligned text reader: words and their columns, and the columns a table
/// part's numbers make.
@Suite struct LayoutTextPartsTests {
    static func line(_ text: String) -> LayoutLine { LayoutLine(Array(text.utf8)[...]) }

    /// pdftotext counts a column per character, CJK too.
    @Test func aColumnIsACharacter() {
        let words = Self.line("规章   12  0").words
        #expect(words.map(\.text) == ["规章", "12", "0"])
        #expect(words.map(\.start) == [0, 5, 9])
        #expect(words.map(\.isValue) == [false, true, true])
    }

    /// One space inside a label joins it; a row number after a group's piece starts a new word; a
    /// number printed apart from its label is part of it.
    @Test func aWideCharacterIsTwoColumnsWhenAsked() {
        let text = Array("自然人  12    3".utf8)[...]
        #expect(LayoutLine(text).words.map(\.start) == [0, 5, 11])
        #expect(LayoutLine(text, wide: true).words.map(\.start) == [0, 8, 14])
    }

    @Test func aRowNumberAloneIsNoValue() {
        for (text, bare) in [("2.", true), ("12、", true), ("3．", true), ("2.5", false), ("2", false), (".", false), ("2.属于", false)] {
            #expect(LayoutLine.isBareRowNumber(Array(text.utf8)) == bare, "\(text)")
        }
        #expect(Self.line("  2.          1    0    0").values.map(\.text) == ["1", "0", "0"])
    }

    /// pandoc's markdown: `1\.` escapes the row number, and `——` is written `------`.
    @Test func markdownEscapesAndDoubleDashesAreUndone() {
        let line = Self.line("  1\\. 属于国家秘密        ------   3   ---")
        #expect(line.labels.map(\.text) == ["1. 属于国家秘密"])
        #expect(line.values.map(\.text) == ["——", "3", "---"])
        #expect(!line.isRule)
        #expect(Self.line("  ------   ------   ------").isRule)
    }

    @Test func aRuleOfDashesIsToldFromZeros() {
        #expect(Self.line("  -------------------- ---------------------------- -----").isRule)
        #expect(Self.line("===========").isRule)
        #expect(!Self.line("  -     -     -").isRule)
        #expect(!Self.line("  ---   ---").isRule)
        #expect(!Self.line("行政事业性收费       -").isRule)
    }

    @Test func wordsOneSpaceApartAreOneLabelUnlessANumberedLabelStarts() {
        #expect(Self.line("（二）部分公开（区分处理的，只计这一情 形，不").labels.map(\.text) == ["（二）部分公开（区分处理的，只计这一情 形，不"])
        #expect(Self.line("  （三 3.危及“三安全一稳定”   0").labels.map(\.text) == ["（三", "3.危及“三安全一稳定”"])
        let numbered = Self.line("   1. 属于国家秘   0   0")
        #expect(numbered.labels.map(\.text) == ["1. 属于国家秘"])
        #expect(numbered.values.map(\.text) == ["0", "0"])
        #expect(numbered.labelPieces.map(\.text) == ["1.", "属于国家秘"])
    }

    @Test func numberedLabelsAreTold() {
        #expect(LayoutLine.startsNumberedLabel(Array("1.属于国家秘密".utf8)))
        #expect(LayoutLine.startsNumberedLabel(Array("（七）总计".utf8)))
        #expect(LayoutLine.startsNumberedLabel(Array("四、结转下年度继续办理".utf8)))
        #expect(!LayoutLine.startsNumberedLabel(Array("（三".utf8)))
        #expect(!LayoutLine.startsNumberedLabel(Array("（六）".utf8)))
        #expect(LayoutLine.startsNumberedLabel(Array("（六）".utf8), orIsANumber: true))
        #expect(!LayoutLine.startsNumberedLabel(Array("（本列数据的勾稽关系".utf8)))
    }

    /// Right-aligned numbers line up on their right edge; a blank cell is an empty slot.
    @Test func blanksArePlacedUnderTheColumnsTheNumbersMake() throws {
        let lines = ["1.属于  3  0  0", "2.其他 12  5  7", "3.危及  4     1"].map(Self.line)
        let columns = try #require(LayoutColumns(words: lines.flatMap(\.values), expected: 3,
                                                 fullLines: lines.map(\.values).filter { $0.count == 3 }))
        #expect(columns.slots(lines[2].values) == ["4", "", "1"])
    }

    /// A number off every column (a squeezed line) is not placed; two readings of the columns
    /// that disagree give none.
    @Test func aNumberOffItsColumnIsNotPlaced() throws {
        let lines = ["1.属于  3  0  0", "2.其他  1  5  7"].map(Self.line)
        let columns = try #require(LayoutColumns(words: lines.flatMap(\.values), expected: 3, fullLines: lines.map(\.values)))
        #expect(columns.slots(Self.line("3.危及 4      1").values) == nil)
        #expect(LayoutColumns(words: Self.line("x  1  2").values, expected: 3) == nil)
    }

    /// A part whose numbers leave a column empty takes its columns from the header words' starts,
    /// only when every number starts at one of them.
    @Test func blanksArePlacedUnderTheHeaderWordsWhenANumberColumnIsEmpty() throws {
        let header = ["       自然   商业   合计", "       人    企业"].map(Self.line).flatMap(\.labels)
        let numbers = ["1.属于   3         5", "2.其他   12        12"].map(Self.line).flatMap(\.values)
        #expect(LayoutColumns(words: numbers, expected: 3) == nil)
        let columns = try #require(LayoutColumns(header: header, numbers: numbers, expected: 3, fullLines: []))
        #expect(columns.slots(Self.line("3.危及   4         4").values) == ["4", "", "4"])
        let astray = Self.line("3.危及     4       4").values
        #expect(LayoutColumns(header: header, numbers: numbers + astray, expected: 3, fullLines: []) == nil)
        #expect(LayoutColumns(header: header.filter { $0.text != "合计" }, numbers: numbers, expected: 3, fullLines: []) == nil)
    }

    /// Where blanks are zeros, a row that can own only zeros is all zeros, whatever their columns;
    /// a doubtful row only when its neighbours' values are zeros too.
    @Test func aRowOfZerosAndBlanksIsAllZeros() {
        func block(_ values: String?) -> LayoutApplicationsTable.Block {
            var block = LayoutApplicationsTable.Block(firstLine: 0, groups: [], label: "1.属于国家秘密", labelColumn: 0, labelEnd: 8, lastLabelLine: 0)
            if let values { block.valueLines = [.init(index: 0, words: Self.line(values).values, part: 0, besideLabel: true)] }
            return block
        }
        let zeros = Self.line("0  ０  —  /  --").values
        #expect(zeros.count == 5 && zeros.allSatisfy { $0.isZero })
        #expect(!Self.line("10").values[0].isZero)
        let blocks = [block("  0     —"), block("  1"), block(nil), block("  0")]
        #expect(LayoutApplicationsTable.onlyZeros(blocks, around: 0, doubtful: false) == "0 —")
        #expect(LayoutApplicationsTable.onlyZeros(blocks, around: 1, doubtful: false) == nil)
        #expect(LayoutApplicationsTable.onlyZeros(blocks, around: 2, doubtful: false) == nil)
        #expect(LayoutApplicationsTable.onlyZeros(blocks, around: 2, doubtful: true) == nil)
        #expect(LayoutApplicationsTable.onlyZeros(blocks, around: 3, doubtful: true) == "0")
    }

    /// Rows whose value lines are unsure (two lines in one row, a line between two rows) read the
    /// same whichever line is whose when their run has one full line per row, all printed alike.
    @Test func unsureRowsWithIdenticalLinesReadTheSame() {
        func block(_ lines: [String]) -> LayoutApplicationsTable.Block {
            var block = LayoutApplicationsTable.Block(firstLine: 0, groups: [], label: "1.本机关不掌握相关政府信息", labelColumn: 0, labelEnd: 8, lastLabelLine: 0)
            block.valueLines = lines.map { .init(index: 0, words: Self.line($0).values, part: 0, besideLabel: false) }
            return block
        }
        let zeros = "0  0  0  0  0  0  0"
        let unsure = [0: "two lines", 1: "no values", 2: "between"]
        let settled = LayoutApplicationsTable.identicalLineRuns([block([zeros, zeros]), block([]), block([zeros]), block(["1  0  0  0  0  0  1"])], doubtful: unsure)
        #expect(settled.keys.sorted() == [0, 1, 2] && settled[1] == Array(repeating: "0", count: 7))
        // Lines that differ, or fewer lines than rows, settle nothing.
        #expect(LayoutApplicationsTable.identicalLineRuns([block([zeros, "1  0  0  0  0  0  1"]), block([]), block([zeros])], doubtful: unsure).isEmpty)
        #expect(LayoutApplicationsTable.identicalLineRuns([block([zeros, zeros]), block([]), block([])], doubtful: unsure).isEmpty)
    }

    /// Top rows placed on a squeezed line are kept only if the whole table adds up: a number
    /// moved to a neighbouring column keeps its row's total but breaks two columns' sums.
    @Test func squeezedRowsAreConfirmedByTheTablesSums() {
        let labels = ["一、本年新收", "二、上年结转", "三、本年度办理结果", "（一）予以公开", "（二）部分公开"]
            + (1...19).map { "\($0 % 8 + 1).其他" } + ["（七）总计", "四、结转下年度继续办理"]
        let zero = Array(repeating: "", count: 7)
        var cells: [[String]?] = labels.map { LayoutApplicationsTable.isGroup($0) ? nil : zero }
        let natural = ["2", "", "", "", "", "", "2"]
        cells[0] = natural
        cells[3] = natural
        cells[24] = ["2", "", "", "", "", "0", "2"]
        #expect(LayoutApplicationsTable.sumsHold(labels, cells))
        cells[3] = ["", "2", "", "", "", "", "2"]
        #expect(!LayoutApplicationsTable.sumsHold(labels, cells))
        cells[3] = natural
        cells[25] = nil
        #expect(!LayoutApplicationsTable.sumsHold(labels, cells))
    }

    /// Rows whose columns are unsure are placed by the sums only when one placement of their
    /// printed values, in order, makes the table add up; a row whose total is printed off, or two
    /// readings, give none.
    @Test func unsureRowsArePlacedByTheSumsOnlyWhenOneReadingFits() {
        let labels = ["一、本年新收", "二、上年结转", "（一）予以公开", "（二）部分公开"]
            + (1...19).map { "\($0 % 8 + 1).其他" } + ["（七）总计", "四、结转下年度继续办理"]
        var cells: [[String]?] = labels.map { _ in Array(repeating: "", count: 7) }
        cells[0] = ["3", "", "2", "", "", "", "5"]
        cells[2] = ["3", "", "", "", "", "", "3"]
        cells[4] = ["", "", "2", "", "", "", "2"]
        cells[23] = ["3", "", "2", "", "", "", "5"]
        #expect(LayoutApplicationsTable.sumsHold(labels, cells))
        var unsure = cells
        unsure[0] = nil
        unsure[23] = nil
        let placed = LayoutApplicationsTable.placeBySums(labels, unsure, printed: [0: ["3", "2", "5"], 23: ["3", "2", "5"]])
        #expect(placed == [0: cells[0]!, 23: cells[23]!])
        #expect(LayoutApplicationsTable.placeBySums(labels, unsure, printed: [0: ["3", "2", "6"], 23: ["3", "2", "5"]]) == nil)
        // Two outcome rows of one value each: either could stand in either column.
        unsure = cells
        unsure[2] = nil
        unsure[4] = nil
        cells[4] = ["", "", "3", "", "", "", "3"]
        cells[23] = ["3", "", "3", "", "", "", "6"]
        cells[0] = ["3", "", "3", "", "", "", "6"]
        unsure[0] = cells[0]
        unsure[23] = cells[23]
        #expect(LayoutApplicationsTable.placeBySums(labels, unsure, printed: [2: ["3", "3"], 4: ["3", "3"]]) == nil)
    }

    /// A line of values between （七） and 四 (neither with others) is the one whose reading adds up.
    @Test func aLineBetweenTwoRowsGoesToTheRowTheSumsGiveIt() {
        let labels = ["一、本年新收", "二、上年结转", "（一）予以公开", "（二）部分公开"]
            + (1...19).map { "\($0 % 8 + 1).其他" } + ["（七）总计", "四、结转下年度继续办理"]
        let blank = Array(repeating: "", count: 7)
        var cells: [[String]?] = labels.map { _ in blank }
        cells[0] = ["2", "", "", "", "", "", "2"]
        cells[2] = ["2", "", "", "", "", "", "2"]
        cells[23] = nil
        cells[24] = nil
        let placed = LayoutApplicationsTable.placeBySums(labels, cells, printed: [:], shared: [(["2", "2"], [23, 24])])
        #expect(placed == [23: ["2", "", "", "", "", "", "2"], 24: blank])
        cells[0] = ["4", "", "", "", "", "", "4"]
        #expect(LayoutApplicationsTable.placeBySums(labels, cells, printed: [:], shared: [(["2", "2"], [23, 24])]) == nil)
    }

    /// Aligned text is told from reading-order text by numbers two spaces apart on three lines.
    @Test func alignedTextIsTold() {
        let aligned = SourceLines(utf8: Array("二、主动公开政府信息情况\n规章  0  0  0\n规范性文件  1  -  3\n行政许可  2  2\n".utf8))
        #expect(LayoutText.read(aligned)?.format == "pdf_text_layout")
        let flow = SourceLines(utf8: Array("二、主动公开政府信息情况\n规章\n0\n0\n0\n规范性文件\n1 2\n".utf8))
        #expect(LayoutText.read(flow) == nil)
    }

    /// A table printing most cells blank has few lines with two numbers: labels followed by a
    /// number two spaces on tell it too, but not words one space apart.
    @Test func aSparseTableIsToldByLabelsFollowedBySpacedNumbers() {
        let sparse = "二、主动公开政府信息情况\n规章          1\n行政规范性文件      19\n行政许可   419\n行政处罚   4\n三、收到和处理政府信息公开申请情况\n8.属于行政查询事   0\n1.本机关不掌握相    0\n"
        #expect(LayoutText.read(SourceLines(utf8: Array(sparse.utf8)))?.format == "pdf_text_layout")
        let flow = "二、主动公开政府信息情况\n规章 1\n行政规范性文件 19\n行政许可 419\n行政处罚 4\n三、收到和处理政府信息公开申请情况\n8.属于行政查询事 0\n1.本机关不掌握相 0\n"
        #expect(LayoutText.read(SourceLines(utf8: Array(flow.utf8))) == nil)
    }

    /// pdftotext sets em dash cells (`——`) of table 4 apart, on a line above or below the values
    /// (office corpus seed 1, 000100): a dash at a column of a dash on another line is that cell.
    @Test func emDashCellsSetApartAreMergedBackByColumn() throws {
        let above = Self.line(" —   —         —                   —              —   — —     —").values
        let values = Self.line("           —         —   1   —  —     1      —").values
        let below = above
        let merged = try #require(LayoutGridTable.mergedDashLines([above, values, below]))
        #expect(merged.map(\.text) == ["—", "—", "—", "—", "—", "1", "—", "—", "—", "1", "—", "—", "—", "—", "—"])
        // A number at a dash's column on another line is not the same cell: nothing is merged.
        #expect(LayoutGridTable.mergedDashLines([above, Self.line(" 1").values]) == nil)
    }

    /// A header repeated on the next page, inside a row label broken over the pages, is known by
    /// its words; the label's own text is not, though it shares characters with them.
    @Test func aRepeatedHeaderIsToldFromALabelsRest() {
        func word(_ text: String, at start: Int) -> LayoutLine.Word {
            LayoutLine.Word(text: text, start: start, end: start + text.count, isValue: false)
        }
        #expect(LayoutApplicationsTable.isHeaderWord(word("申请人情况", at: 49), labelsEnd: 30))
        #expect(LayoutApplicationsTable.isHeaderWord(word("社会组", at: 44), labelsEnd: 30))
        #expect(LayoutApplicationsTable.isHeaderWord(word("项之和，等于第三项加第四项之和）", at: 2), labelsEnd: 30))
        #expect(LayoutApplicationsTable.isHeaderWord(word("人", at: 38), labelsEnd: 30))
        #expect(!LayoutApplicationsTable.isHeaderWord(word("益", at: 12), labelsEnd: 30))
        #expect(!LayoutApplicationsTable.isHeaderWord(word("开申请", at: 16), labelsEnd: 30))
        #expect(!LayoutApplicationsTable.isHeaderWord(word("申请", at: 17), labelsEnd: 30))
        #expect(!LayoutApplicationsTable.isHeaderWord(word("反复申请", at: 21), labelsEnd: 20))
    }

    /// A piece of a stacked header or group cell is left out only when each of its words is part
    /// of one of the table's printed words; whole words pass (two of them one space apart, one
    /// label each), and so does any other text, a row label's piece included.
    @Test func stackedPiecesAreToldFromWholeWordsAndOtherText() {
        var appeals = StackedPieces.appeals
        #expect(appeals.keep(["行政复议", "结", "果 维", "结果维持 尚未审结", "复议后起诉", "本年"]) == ["行政复议", "结果维持", "尚未审结", "复议后起诉", "本年"])
        #expect(appeals.skipped == ["结", "果 维"])
        var applications = StackedPieces.applications
        #expect(applications.keep(["(本列数据的勾稽关系为:", "自然", "（三", ")不", "予公", "1.属于国家秘密", "申请数量"]) == ["1.属于国家秘密", "申请数量"])
        #expect(applications.diagnostic(table: .applications)?.detail.hasPrefix("table 三: 5 piece(s)") == true)
        #expect(StackedPieces.applications.diagnostic(table: .applications) == nil)
    }

    /// A rule's dash runs are columns only when every number stands whole in one of its last runs
    /// (the value columns): counted with the wrong widths, numbers fall in a label's run.
    @Test func aRuleGivesColumnsOnlyWhenTheNumbersFitItsValueRuns() {
        let rule = Self.line("  ----- ----- ----- -----")
        #expect(rule.isRule && rule.ruleRuns == [2..<7, 8..<13, 14..<19, 20..<25])
        let row = Self.line("  规章    5           9").values
        let columns = LayoutColumns.rule(rule.ruleRuns, expected: 3, values: row)
        #expect(columns?.slots(row) == ["5", "", "9"])
        #expect(LayoutColumns.rule(rule.ruleRuns, expected: 3, values: Self.line("  规章  5             9").values) == nil)
        #expect(LayoutColumns.rule(rule.ruleRuns, expected: 5, values: row) == nil)
    }

    /// In text without form feeds a number alone at a table's end is a cell (pandoc: table 4's one
    /// printed value); with pages it may be the page's number.
    @Test func aLoneNumberEndsAPageOnlyInTextWithPages() {
        let lines = [(index: 0, line: Self.line("  行政复议  结果维持")), (index: 1, line: Self.line("        0"))]
        #expect(LayoutText.isPageNumber(lines, at: 1, paged: true))
        #expect(!LayoutText.isPageNumber(lines, at: 1, paged: false))
    }

    /// A grid table's row, its cells wrapped over lines, becomes one line under a rule of dash
    /// runs, a column each; its other lines become empty, so lines keep their numbers.
    @Test func gridTablesBecomeSimpleTables() throws {
        let text = "表\n+------+------+------+\n| 信息 | 本年 | 对外 |\n| 内容 | 新制 | 公开 |\n+======+======+======+\n| 规章 | 13   | 524  |\n+------+------+------+\n"
        let lines = SourceLines(utf8: Array(text.utf8))
        #expect(GridTables.mayHold(lines) && !GridTables.mayHold(SourceLines(utf8: Array("a + b\n1+-2".utf8))))
        let simple = try #require(GridTables.rewritten(lines))
        #expect((0..<simple.count).map { simple.string($0) } == [
            "表", "  --------  --------  --------", "  信息内容  本年新制  对外公开", "", "", "  规章      13        524", "  --------  --------  --------",
        ])
        #expect(GridTables.rewritten(SourceLines(utf8: Array("+---+---+\n| a | b | c |\n+---+---+\n".utf8))) == nil)
    }
}

import DisclosureModel
import Testing
@testable import Extract

/// Markdown tables are told from the classic pipe layout, and rewritten as rows the text path reads.
@Suite struct MarkdownTextTests {
    func lines(_ text: String) -> SourceLines { SourceLines(utf8: Array(text.utf8)) }

    /// The rewritten lines, tabs shown as ` ⇥ `.
    func rewritten(_ text: String) -> [String]? {
        MarkdownText.read(lines(text)).map { converted in
            let lines = converted.text.sourceLines
            return (0..<lines.count).map { lines.string($0).replacingOccurrences("\t", " ⇥ ") }
        }
    }

    @Test func aSeparatorRowUnderAPipeRowIsMarkdown() {
        #expect(MarkdownText.hasTable(lines("# 标题\n| a | b |\n|---|---|\n| 1 | 2 |")))
        #expect(MarkdownText.hasTable(lines("| a | b |\n| :--- | ---: |\n")))
        #expect(MarkdownText.hasTable(lines("a | b\r\n--- | ---\r\n")))
    }

    @Test func pipesWithoutASeparatorRowAreNotMarkdown() {
        #expect(!MarkdownText.hasTable(lines("no pipes at all\n---\n")))
        #expect(!MarkdownText.hasTable(lines("| a | b |\n| |||\n| 1 | 2 |")))
        // A rule line under prose, and a separator row with nothing above it.
        #expect(!MarkdownText.hasTable(lines("标题\n|---|---|\n")))
        #expect(!MarkdownText.hasTable(lines("| a | b |\n|-x-|---|\n")))
    }

    @Test func theClassicPipeLayoutIsNotTakenAsMarkdown() throws {
        for name in ["001_596f64b8fe124db2"] {
            let bytes = try Fixture.bytes("samples/\(name).txt")
            #expect(!MarkdownText.hasTable(SourceLines(utf8: bytes)))
            guard case .report(let report) = Extractor.extract(bytes: bytes, sourcePath: name) else {
                Issue.record("seed \(name) was rejected")
                continue
            }
            #expect(report.sourceFormat == "web_text_pipe")
        }
    }

    @Test func cellsKeepEscapedPipesAndJoinWrappedLabels() {
        #expect(MarkdownText.tableCells(#"| 微信\|视频号 | **２４０** |"#) == ["微信|视频号", "２４０"])
        #expect(MarkdownText.tableCells("| 商业<br>企业 | 科研<br/>机构 | &nbsp; |") == ["商业企业", "科研机构", ""])
        #expect(MarkdownText.tableCells("prose without a pipe row") == nil)
    }

    @Test func headingsAndParagraphsLoseTheirMarks() {
        #expect(MarkdownText.textLine("## 二、主动公开政府信息情况") == "二、主动公开政府信息情况")
        #expect(MarkdownText.textLine("**（一）主动公开情况。** 正文") == "（一）主动公开情况。 正文")
        #expect(MarkdownText.textLine("- 一、总体情况") == "一、总体情况")
        #expect(MarkdownText.textLine("1. 第一点") == "第一点")
        #expect(MarkdownText.textLine("1.属于国家秘密") == "1.属于国家秘密")
        #expect(MarkdownText.textLine("---") == "")
    }

    @Test func captionsNameTheTemplatesTables() {
        #expect(MarkdownText.headingKind("表二")?.kind == .proactive)
        #expect(MarkdownText.headingKind("## 表2")?.kind == .proactive)
        #expect(MarkdownText.headingKind("表 3")?.kind == .applications)
        #expect(MarkdownText.headingKind("表三：收到和处理政府信息公开申请情况")?.kind == .applications)
        #expect(MarkdownText.headingKind("**表四**")?.kind == .appeals)
        #expect(MarkdownText.headingKind("## 四、政府信息公开行政复议、行政诉讼情况")?.isTemplateHeading == true)
        #expect(MarkdownText.headingKind("表1") == nil)
        #expect(MarkdownText.headingKind("表格显示了本年度的情况") == nil)
    }

    @Test func genericHeadersAreToldFromRealOnes() {
        #expect(MarkdownRows.isGenericHeader(["类别", "数据1", "数据2", "数据3"]))
        #expect(MarkdownRows.isGenericHeader(["列1", "列2", "Column 3", ""]))
        #expect(!MarkdownRows.isGenericHeader(["项目", "本年制发件数", "本年废止件数", "现行有效件数"]))
        #expect(!MarkdownRows.isGenericHeader(["", ""]))
    }

    @Test func aTableWithoutHeadingGetsTheTemplatesHeadingFromItsWords() {
        let text = "# 某局2023年政府信息公开工作年度报告\n\n| 类别 | 数据1 | 数据2 | 数据3 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 5 |\n| 行政许可 | 12 | | |\n"
        #expect(rewritten(text) == [
            "某局2023年政府信息公开工作年度报告", "二、主动公开政府信息情况", "规章 ⇥ 0 ⇥ 0 ⇥ 5", "行政许可 ⇥ 12",
        ])
    }

    @Test func tablesNumberedByTheConverterAreTakenInTheTemplatesOrder() {
        let text = "**表1**\n| 类别 | 数据1 | 数据2 | 数据3 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 5 |\n"
            + "**表2**\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n|---|---|---|---|---|---|---|---|\n| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            + "**表3**\n| 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 | 数据8 | 数据9 | 数据10 | 数据11 | 数据12 | 数据13 | 数据14 | 数据15 |\n"
            + "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n| 1 | 0 | 0 | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        #expect(rewritten(text) == [
            "二、主动公开政府信息情况", "规章 ⇥ 0 ⇥ 0 ⇥ 5",
            "三、收到和处理政府信息公开申请情况", "四、结转下年度继续办理 ⇥ 1 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 1",
            "四、政府信息公开行政复议、行政诉讼情况", "行政复议 ⇥ 行政诉讼", "1 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 1 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0",
        ])
    }

    @Test func mergedLabelsRepeatedOrBlankAreReadOnce() {
        let repeated = "## 三、收到和处理政府信息公开申请情况\n| a | b | c | 1 | 2 | 3 | 4 | 5 | 6 | 7 |\n|---|---|---|---|---|---|---|---|---|---|\n"
            + "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
            + "| | | 2.其他法律行政法规禁止公开 | 0 | | 0 | 0 | 0 | 0 | 0 |\n"
            + "| 四、结转下年度继续办理 | 四、结转下年度继续办理 | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
        #expect(rewritten(repeated)?.dropFirst(2) == [
            "三、本年度办理结果 ⇥ （三）不予公开 ⇥ 1.属于国家秘密 ⇥ 1 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 1",
            "2.其他法律行政法规禁止公开 ⇥ 0 ⇥  ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0",
            "四、结转下年度继续办理 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0",
        ])
    }

    /// html2text writes a blank cell as a line break: the row goes on in lines opened by `|`, and
    /// a blank last cell leaves a line of spaces. A row opened by `|` ends at its line.
    @Test func rowsBrokenAtBlankCellsAreJoined() {
        let text = "## 三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） |  申请人情况  \n---|---  \n"
            + "一、本年新收政府信息公开申请数量 |  18 |    \n|  \n|  \n|  1 |    \n|  19  \n"
            + "二、上年结转政府信息公开申请数量 |    \n|  \n|  \n|  \n|  0 |  0 |    \n  \n"
            + "三、本年度办理结果 |  （一）予以公开 |  6 |    \n|  \n|  \n|  \n|  \n|  6  \n"
            + "4.无正当理由大量反复申请 |  0 |  - |    \n|  - |    \n|  0 |  0  \n"
        #expect(rewritten(text)?.dropFirst(2) == [
            "一、本年新收政府信息公开申请数量 ⇥ 18 ⇥  ⇥  ⇥  ⇥ 1 ⇥  ⇥ 19",
            "二、上年结转政府信息公开申请数量 ⇥  ⇥  ⇥  ⇥  ⇥ 0 ⇥ 0 ⇥  ⇥ ",
            "三、本年度办理结果 ⇥ （一）予以公开 ⇥ 6 ⇥  ⇥  ⇥  ⇥  ⇥  ⇥ 6",
            "4.无正当理由大量反复申请 ⇥ 0 ⇥ - ⇥  ⇥ - ⇥  ⇥ 0 ⇥ 0",
        ])
        var index = 0
        let opened = lines("| a |\n| b |\n")
        #expect(MarkdownText.brokenCellsJoined(opened.string(0), opened, after: &index) == ("| a |", false) && index == 0)
        let trailing = lines("a | b |\n  \n")
        #expect(MarkdownText.brokenCellsJoined(trailing.string(0), trailing, after: &index) == ("a | b |", true) && index == 1)
    }

    /// Labels end at the first filled value of any row, but not past the last text cell before it
    /// in every row: blank first value cells are values, not label cells.
    @Test func blankFirstValueCellsAreNoLabelCells() {
        func row(_ cells: [String]) -> MarkdownTable.Row { MarkdownTable.Row(cells: cells, line: 0) }
        #expect(MarkdownRows.labelColumns([row(["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
                                           row(["规章", "", "", "3"]), row(["行政规范性文件", "", "1", ""])]) == 1)
        #expect(MarkdownRows.labelColumns([row(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "1", "0"]),
                                           row(["", "", "2.其他法律行政法规禁止公开", "", "0"])]) == 3)
        #expect(MarkdownRows.labelColumns([row(["信息内容", "本年制发件数"])]) == nil)
        #expect(MarkdownRows.labelColumns([row(["信息内容", "本年处理决定数量"]), row(["行政许可", ""])], blankRows: true) == 1)
        #expect(MarkdownRows.labelColumns([row(["行政复议", "", "行政诉讼", ""]), row(["", "", "", ""])]) == nil)
        #expect(MarkdownRows.labelColumns([row(["结果维持", "结果纠正", "其他结果"]), row(["", "—", "0"])]) == 0)
    }

    /// In a table written without leading pipes (html2text), a line of spaces and then a line
    /// opened by `|` are one row whose first cell is blank.
    @Test func aRowOpenedByAPipeInAnUnpipedTableHasABlankFirstCell() {
        let text = "## 四、政府信息公开行政复议、行政诉讼情况\n行政复议 |  行政诉讼  \n---|---  \n结果维持 |  结果纠正 |  总计  \n  \n|  — |    \n|  1  \n"
        #expect(rewritten(text)?.dropFirst(2) == ["结果维持 ⇥ 结果纠正 ⇥ 总计", " ⇥ — ⇥  ⇥ 1"])
        #expect(MarkdownText.tableCells("|  — |  1", blankFirstCell: true) == ["", "—", "1"])
        #expect(MarkdownText.tableCells("|  — |  1") == ["—", "1"])
    }

    /// html2text writes no closing pipe: a row ending in `|` has a blank last cell.
    @Test func aRowEndingInAPipeInAnUnpipedTableHasABlankLastCell() {
        let text = "## 三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）| 申请人情况  \n---|---  \n"
            + "（二）部分公开（区分处理的，只计这一情形，不计其他情形）| 3|  |  |  |  |  |    \n"
        #expect(rewritten(text)?.last == "（二）部分公开（区分处理的，只计这一情形，不计其他情形） ⇥ 3 ⇥  ⇥  ⇥  ⇥  ⇥  ⇥  ⇥ ")
    }

    /// A table left as HTML inside the markdown (pandoc's GitHub markdown of a table with merged
    /// cells) is read as a web page's table, a `colspan` cell once where it starts.
    @Test func anHTMLTableInsideMarkdownIsReadAsAPagesTable() throws {
        let text = "## 二、主动公开政府信息情况\n| a | b |\n|---|---|\n| x | 1 |\n\n<table>\n<tr><td colspan=\"2\"><p>第二十条第（一）项</p></td></tr>\n"
            + "<tr><td>规章</td><td>13</td></tr>\n</table>\n"
        let blocks = MarkdownText.blocks(lines(text))
        guard case .table(let html) = try #require(blocks.last) else { Issue.record("no table"); return }
        #expect(html.rows.map(\.cells) == [["第二十条第（一）项"], ["规章", "13"]])
        #expect(html.html != nil && html.rows.allSatisfy { $0.line == 5 })
        #expect(MarkdownText.htmlTable(lines("<table><tr><td>1</td></tr>\n"), at: 0) == nil)
    }

    @Test func aRowWithAnotherNumberOfValuesThanTheTemplatesKeepsNone() throws {
        let text = "表3\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 |\n|---|---|---|---|---|---|---|\n"
            + "| 一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 5 |\n"
        let converted = try #require(MarkdownText.read(lines(text)))
        let out = converted.text.sourceLines
        #expect((0..<out.count).map { out.string($0) } == ["三、收到和处理政府信息公开申请情况", "一、本年新收政府信息公开申请数量"])
        #expect(converted.diagnostics.map(\.code) == [.cellMissing])
        #expect(converted.diagnostics.first?.place == Diagnostic.Place(table: .applications, label: "一、本年新收政府信息公开申请数量"))
    }

    @Test func aGroupRowAboveItsRowsGivesNoValues() {
        let text = "## 表三\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 数据7 |\n|---|---|---|---|---|---|---|---|\n"
            + "| （六）其他处理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n| 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n"
        #expect(rewritten(text)?.dropFirst() == [
            "（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 ⇥ 2 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 0 ⇥ 2",
        ])
    }

    @Test func oneValueWrittenAcrossMergedColumnsIsOneValue() {
        let text = "## 二、主动公开政府信息情况\n| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |\n|---|---|---|---|\n"
            + "| 行政许可 | 77 | 77 | 77 |\n| 行政处罚 | 3 | | |\n| 行政强制 | 1 | 2 | |\n"
        #expect(rewritten(text)?.dropFirst() == ["信息内容 ⇥ 本年处理决定数量", "行政许可 ⇥ 77", "行政处罚 ⇥ 3", "行政强制"])
    }

    /// 2019's table 2: each measure's columns are those its header word spans (repeated, or followed
    /// by blanks); a span holding two values, or a value after a blank, leaves its row out.
    @Test func a2019MeasureIsReadFromTheColumnsItsHeaderSpans() throws {
        let text = "## 二、主动公开政府信息情况\n| 第二十条第（五）项 | | | | | | |\n|---|---|---|---|---|---|---|\n"
            + "| 信息内容 | 上一年项目数量 | 上一年项目数量 | 本年增/减 | 本年增/减 | 处理决定数量 | 处理决定数量 |\n"
            + "| 行政许可 | 120 | 120 | +3 | +3 | 5 | 5 |\n| 其他对外管理服务事项 | 7 | | -1 | | | |\n| 行政处罚 | 7 | 8 | 0 | 0 | 1 | 1 |\n| 行政强制 | | 4 | 0 | 0 | 1 | 1 |\n"
            + "| 信息内容 | 上一年项目数量 | 本年增/减 | | | | |\n| 行政事业性收费 | 36 | -1 | | | | |\n"
            + "| 信息内容 | 采购项目数量 | 采购项目数量 | 采购项目数量 | 采购总金额 | 采购总金额 | 采购总金额 |\n| 政府集中采购 | 6 | 6 | 6 | 251000元 | 251000元 | 251000元 |\n"
        let converted = try #require(MarkdownText.read(lines(text)))
        #expect(rewritten(text)?.filter { !$0.hasPrefix("信息内容") }.dropFirst(2) == [
            "行政许可 ⇥ 120 ⇥ +3 ⇥ 5", "其他对外管理服务事项 ⇥ 7 ⇥ -1 ⇥  ⇥ ", "行政处罚", "行政强制", "行政事业性收费 ⇥ 36 ⇥ -1", "政府集中采购 ⇥ 6 ⇥ 251000元",
        ])
        #expect(converted.diagnostics.map(\.code) == [.cellMissing, .cellMissing])
        #expect(converted.diagnostics.first?.detail.contains("行政处罚 has 7 8 0 0 1 1 for the 2019 template's 3 measures; no reading") == true)
    }

    /// Under generic headers (`数据1` …) a 2019 item's measures are the first columns, the rest blank.
    @Test func a2019RowUnderAGenericHeaderIsItsMeasuresThenBlanks() throws {
        let text = "## 表二\n| 类别 | 数据1 | 数据2 | 数据3 |\n|---|---|---|---|\n| 政府集中采购 | 6 | 38.5 | |\n| 行政事业性收费 | | 3 | 1 |\n| 行政许可 | 1 | +2 | 3 |\n"
        let converted = try #require(MarkdownText.read(lines(text)))
        #expect(rewritten(text)?.dropFirst() == ["政府集中采购 ⇥ 6 ⇥ 38.5", "行政事业性收费", "行政许可 ⇥ 1 ⇥ +2 ⇥ 3"])
        #expect(converted.diagnostics.map(\.code) == [.cellMissing])
    }

    /// Under a generic header wider than the row's measures, the cells may be spans or the first
    /// columns: a row is read only when one of these gives one value per measure.
    @Test func a2019RowThatReadsTwoWaysIsLeftOut() throws {
        let text = "## 表二\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 |\n|---|---|---|---|---|---|---|\n"
            + "| 行政许可 | 1 | | 2 | | | |\n| 行政处罚 | 1 | 2 | 3 | | | |\n| 行政强制 | 4 | 4 | | | 5 | 5 |\n"
            + "| 政府集中采购 | 6 | 6 | 6 | 38 | 38 | 38 |\n"
        let converted = try #require(MarkdownText.read(lines(text)))
        #expect(rewritten(text)?.dropFirst() == ["行政许可", "行政处罚 ⇥ 1 ⇥ 2 ⇥ 3", "行政强制 ⇥ 4 ⇥  ⇥ 5", "政府集中采购 ⇥ 6 ⇥ 38"])
        #expect(converted.diagnostics.map(\.code) == [.cellMissing])
        #expect(converted.diagnostics.first?.detail.contains("they read as 1 2 (blank) or 1 (blank) 2") == true)
    }

    @Test func aContentsPageBeforeTheTitleIsLeftOut() {
        let text = "# 目录\n一、总体情况\n二、主动公开政府信息情况\n# 某市某局2023年政府信息公开工作年度报告\n## 表二\n| 类别 | 数据1 | 数据2 | 数据3 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 5 |\n"
        #expect(rewritten(text) == ["某市某局2023年政府信息公开工作年度报告", "二、主动公开政府信息情况", "规章 ⇥ 0 ⇥ 0 ⇥ 5"])
    }

    @Test func aHeadingWordBeforeTheTitleIsNeverTheAgency() throws {
        func agency(_ text: String) throws -> (String, [Diagnostic.Code]) {
            guard case .report(let report) = Extractor.extract(bytes: Array(text.utf8), sourcePath: "x.md") else {
                throw Issue.record("rejected") as? Error ?? CancellationError()
            }
            return (report.identity.agency, report.diagnostics.map(\.code))
        }
        let table = "\n## 表二\n| 类别 | 数据1 | 数据2 | 数据3 |\n|---|---|---|---|\n| 规章 | 0 | 0 | 5 |\n"
        #expect(try agency("# 正文\n# 某市某局2023年政府信息公开工作年度报告" + table).0 == "某市某局")
        let missing = try agency("# 正文\n# 2023年政府信息公开工作年度报告" + table)
        #expect(missing.0 == "")
        #expect(missing.1.contains(.agencyMissing))
    }
}

private extension String {
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

import DisclosureModel
import Testing
@testable import Extract

/// The digit-run splitter, the row tokenizer and the layout sniff of glued crawler text.
@Suite struct GluedTextTests {
    static func splits(_ runs: [String], _ count: Int, accepts: ([Int]) -> Bool = { _ in true }) -> (DigitRunSplitter.Outcome, Bool) {
        let splitter = DigitRunSplitter(pieces: runs.map { DigitRunSplitter.digits($0)! }, count: count)
        let found = splitter.splitsPreferringNoLeadingZeros(accepts: accepts)
        return (found.outcome, found.leadingZeros)
    }

    @Test func aRunWithOneSplitWhoseTotalIsTheSumIsSplit() {
        let (outcome, zeros) = Self.splits(["713000074"], 7, accepts: DigitRunSplitter.rowTotalHolds)
        #expect(outcome == .splits([[71, 3, 0, 0, 0, 0, 74]]))
        #expect(!zeros)
    }

    @Test func aRunWithTwoValidSplitsHasBoth() {
        let (outcome, _) = Self.splits(["110000011"], 7, accepts: DigitRunSplitter.rowTotalHolds)
        #expect(outcome == .splits([[1, 10, 0, 0, 0, 0, 11], [11, 0, 0, 0, 0, 0, 11]]))
    }

    @Test func aRunOfZerosIsZeros() {
        #expect(Self.splits(["0000000"], 7, accepts: DigitRunSplitter.rowTotalHolds).0 == .splits([[0, 0, 0, 0, 0, 0, 0]]))
    }

    @Test func aNumberDoesNotStartWithZeroUnlessNothingElseFits() {
        // 05|10 and 051|0 start with 0: only 0|510.
        #expect(Self.splits(["0510"], 2) == (.splits([[0, 510]]), false))
        // Two equal numbers from 0505: only 05|05, read as 5 and 5, and said to need a leading zero.
        #expect(Self.splits(["0505"], 2, accepts: { $0.count < 2 || $0[0] == $0[1] }) == (.splits([[5, 5]]), true))
    }

    @Test func aSpaceThePrintedTextHasIsABoundary() {
        #expect(Self.splits(["12", "3"], 3).0 == .splits([[1, 2, 3]]))
        #expect(Self.splits(["1", "23"], 2).0 == .splits([[1, 23]]))
        #expect(Self.splits(["1", "2", "3"], 2).0 == .splits([]))
    }

    @Test func tableFourIsSplitByItsBlockTotals() {
        let (outcome, _) = Self.splits(["01001120001200000"], 15, accepts: DigitRunSplitter.blockTotalsHold)
        #expect(outcome == .splits([[0, 1, 0, 0, 1, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0]]))
    }

    @Test func aSearchTooLargeGivesUp() {
        var splitter = DigitRunSplitter(pieces: [Array(repeating: 1, count: 40)], count: 15)
        splitter.stepLimit = 1000
        #expect(splitter.splits(accepts: { _ in true }) == .tooMany)
    }

    @Test func anEnumeratorGluedToARunGoesBackToItsLabel() {
        let text = Array("（三）不予公开 1.属于国家秘密00000002.其他法律行政法规禁止公开 0000000（四）无法提供1.本机关不掌握相关政府信息 3700000372.没有".unicodeScalars)
        let rows = GluedTokenizer.rows(text, 0..<text.count, splitLabel: GluedReport.applicationWords.split)
        #expect(rows.map(\.labels) == [
            ["（三）不予公开", "1.属于国家秘密"], ["2.其他法律行政法规禁止公开"],
            ["（四）无法提供", "1.本机关不掌握相关政府信息"], ["2.没有"],
        ])
        #expect(rows.map(\.runs) == [["0000000"], ["0000000"], ["370000037"], []])
    }

    @Test func gluedHeaderWordsAreCut() {
        #expect(GluedReport.proactiveWords.split("第二十条第（五）项信息内容本年处理决定数量行政许可") == ["第二十条第（五）项", "信息内容", "本年处理决定数量", "行政许可"])
        #expect(GluedReport.applicationWords.split("其他一、本年新收政府信息公开申请数量") == ["其他", "一、本年新收政府信息公开申请数量"])
        #expect(GluedReport.applicationWords.split("三、本年度办理结果（一）予以公开") == ["三、本年度办理结果", "（一）予以公开"])
    }

    @Test func theProseNarrowsTableTwo() {
        let clues = ProseClues("设立规范性文件库，集中公开现行有效行政规范性文件698件，动态更新本年度制发的规范性文件88件。规章制发3件。")
        var stated: [String] = []
        let kept = clues.narrow([[88, 55, 698], [88, 556, 98], [885, 5, 698], [8, 855, 698]], item: "行政规范性文件", stated: &stated)
        #expect(kept == [[88, 55, 698]])
        #expect(stated == ["制发 88件", "现行有效 698件"])
        #expect(clues.numbers(item: "规章", measure: 0) == [3])
    }

    @Test func theCrawlersTextIsGluedAndOtherTextsAreNot() throws {
        #expect(ConvertedText.read(SourceLines(utf8: try Fixture.bytes("Tests/Fixtures/real-dev/pingtan_2022.crawl.txt")))?.format == "web_text_glued")
        let seeds = ["000_a4d9d5453e5df20b", "001_596f64b8fe124db2", "002_d3cf8b1128643171", "003_4d0dc32836f03b08", "004_d92da6674a0d90b8"]
        for name in ["Tests/Fixtures/real-dev/hongze_2024.txt", "Tests/Fixtures/real-dev/hongze_2024.layout.txt"] + seeds.map({ "samples/\($0).txt" }) {
            #expect(!GluedText.looksGlued(try Fixture.bytes(name)), "\(name)")
        }
        #expect(!GluedText.looksGlued(Array("二、主动公开政府信息情况\n规章\t0\t0\t0\n行政规范性文件\t2\t0\t12\n".utf8)))
        #expect(!GluedText.looksGlued(Array("二、主动公开政府信息情况\n规章          0      0      0\n行政规范性文件  88   55   698\n".utf8)))
    }

    @Test func aGluedRowLeftAmbiguousIsWrittenWithoutValues() throws {
        let text = "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况规章1111行政规范性文件000行政许可5"
        let converted = try #require(GluedText.read(SourceLines(utf8: Array(text.utf8))))
        #expect(converted.text.lines.contains("规章"))
        #expect(converted.text.lines.contains("行政规范性文件\t0\t0\t0"))
        #expect(converted.diagnostics.map(\.code) == [.cellMissing])
        #expect(converted.diagnostics.first?.detail.contains("1111 has 3 possible splits") == true)
        #expect(converted.diagnostics.first?.place.table == .proactive)
    }
}

extension GluedTextTests {
    @Test func aValueEndingASentenceStaysAValue() {
        let text = Array("总计 0 1 1 0 2. 五、".unicodeScalars)
        let rows = GluedTokenizer.rows(text, 0..<text.count, splitLabel: { [$0] })
        #expect(rows.first?.runs == ["0", "1", "1", "0", "2"])
    }

    /// The 2019 template's table 2 (上一年项目数量, 本年增/减, 处理决定数量 …): a run is split only when
    /// one split alone is possible, a sign starting 本年增/减 (the one signed cell); a unit stays on
    /// 采购总金额. Anything else is left out and shows its run.
    @Test func aGluedTable2Of2019IsSplitOnlyWhereOneSplitIsPossible() throws {
        let text = "某局2019年政府信息公开工作年度报告\n二、主动公开政府信息情况第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章000规范性文件3312"
            + "第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可120+35其他对外管理服务事项12-4300"
            + "第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚4 -2 9行政强制+512"
            + "第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费3-1第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购6 38.5万元"
        let converted = try #require(GluedText.read(SourceLines(utf8: Array(text.utf8))))
        let lines = converted.text.lines
        for row in ["规章\t0\t0\t0", "规范性文件", "行政许可\t120\t+3\t5", "其他对外管理服务事项", "行政处罚\t4\t-2\t9", "行政强制",
                    "行政事业性收费\t3\t-1", "政府集中采购\t6\t38.5万元"] {
            #expect(lines.contains { $0 == row || $0.hasSuffix("\t" + row) }, "\(row)")
        }
        #expect(converted.diagnostics.map(\.code) == [.cellMissing, .valueNormalized, .cellMissing, .valueInvalid])
        #expect(converted.diagnostics[0].detail.contains("3312 has 3 possible splits"))
        // 12 -4300: 12 is 上一年项目数量, then 4|300 or 430|0.
        #expect(converted.diagnostics[2].detail.contains("12 -4300 has 2 possible splits"))
        // A sign on the first cell: not this template's 本年增/减.
        #expect(converted.diagnostics[3].detail.contains("+512 cannot be split"))
    }
}

import DisclosureModel
import Testing
@testable import Extract

/// Saved web pages: charset, chrome, spans and merged cells.
@Suite struct HTMLSourceTests {
    func text(_ path: String) throws -> StructuredText {
        guard case .success(let text)? = FormatRouter.read(try Fixture.bytes(path)) else { throw Failed() }
        return text
    }

    struct Failed: Error {}

    @Test func aGB2312PageIsDecodedFromItsMetaDeclaration() throws {
        let page = try text("Tests/Fixtures/formats/html/xinxiang-2022-gb2312.html")
        #expect(page.encoding == "gb18030")
        #expect(page.text.lines.first == "新乡市卫生健康委员会2022年政府信息公开工作年度报告")
        #expect(page.text.lines.contains("发布日期：2023-01-16 【字体：大 中】"))
    }

    @Test func theDeclaredCharsetIsReadFromEitherMetaForm() {
        #expect(HTMLCharset.declaredCharset(Array(#"<META http-equiv="Content-Type" content="text/html; charset=gb2312">"#.utf8)) == "gb2312")
        #expect(HTMLCharset.declaredCharset(Array(#"<meta charset="UTF-8" />"#.utf8)) == "utf-8")
        #expect(HTMLCharset.declaredCharset(Array("<p>no declaration</p>".utf8)) == nil)
    }

    @Test func aPageThatClaimsUTF8ButIsGBKIsSniffed() throws {
        let gbk = TextDecoding.iconvToUTF8(Array("<html><head><meta charset=utf-8></head><body>".utf8), from: "UTF-8")
        let body = try #require(gbk) + [0xC3, 0xF1, 0xD5, 0xFE] // 民政 in GBK
        guard case .success(let decoded) = HTMLCharset.decode(body) else { throw Failed() }
        #expect(decoded.encoding == "gb18030")
        #expect(String(decoding: decoded.utf8, as: UTF8.self).hasSuffix("民政"))
    }

    @Test func siteChromeScriptsAndStylesAreLeftOut() throws {
        let lines = try text("Tests/Fixtures/formats/html/luoyang-2023.html").text.lines.joined(separator: "\n")
        for chrome in ["机构概况", "当前位置", "网站标识码", "分享到", "_hmt", "border-collapse", "请输入关键字"] {
            #expect(!lines.contains(chrome), "\(chrome)")
        }
        #expect(lines.hasPrefix("洛阳市民政局2023年政府信息公开工作年度报告\n"))
        #expect(lines.contains("发布时间：2024-01-19 09:30 来源：洛阳市民政局 浏览次数：1024"))
        #expect(lines.hasSuffix("洛阳市民政局\n2024年1月12日"))
    }

    @Test func labelsSplitOverSpansReadWholeAndMergedCellsOnce() throws {
        let lines = try text("Tests/Fixtures/formats/html/luoyang-2023.html").text.lines
        // colspan=3 value: one cell, not three; rowspan labels: only in the row where they start.
        #expect(lines.contains("行政许可\t719"))
        #expect(lines.contains("（三）不予公开\t1.属于国家秘密\t0\t0\t0\t1\t0\t0\t1"))
        #expect(lines.contains("2.其他法律行政法规禁止公开\t8\t0\t1\t0\t0\t0\t9"))
        // &nbsp; is an empty cell.
        #expect(lines.contains("二、上年结转政府信息公开申请数量\t3\t0\t2\t0\t3\t\t8"))
    }

    @Test func whitespaceFollowsCSSRules() {
        #expect(HTMLWalker.normalize("本年新收\n    政府信息") == "本年新收政府信息")
        #expect(HTMLWalker.normalize("发布时间：2024-01-19\u{A0}\u{A0}来源") == "发布时间：2024-01-19 来源")
        #expect(HTMLWalker.normalize("  \u{A0} ") == "")
    }
}

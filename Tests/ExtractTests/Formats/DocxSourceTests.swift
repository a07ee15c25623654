import DisclosureModel
import Testing
@testable import Extract

/// Word files filled in from the official template (../shared/template-2021-blank.docx).
@Suite struct DocxSourceTests {
    func lines(_ path: String) throws -> [String] {
        guard case .success(let text)? = FormatRouter.read(try Fixture.bytes(path)) else { throw Failed() }
        #expect(text.format == "docx")
        return text.text.lines
    }

    struct Failed: Error {}

    @Test func verticallyMergedCellsAreReadOnceWhereTheyStart() throws {
        let lines = try lines("Tests/Fixtures/formats/docx/kaifeng-2023.docx")
        // The template merges 三、本年度办理结果 over 22 rows and （三）不予公开 over 8 (w:vMerge).
        let secret = try #require(lines.first { $0.contains("1.属于国家秘密") })
        #expect(secret.split(separator: "\t", omittingEmptySubsequences: false).count == 2 + 7)
        let next = try #require(lines.first { $0.hasPrefix("2.其他法律行政法规禁止公开\t") })
        #expect(next.split(separator: "\t", omittingEmptySubsequences: false).count == 1 + 7)
        #expect(lines.contains { $0.hasPrefix("三、本年度办理结果\t（一）予以公开\t") })
    }

    @Test func headerWordsBrokenOverParagraphsReadWhole() throws {
        // The template prints 商业 / 企业 and 科研 / 机构 as two paragraphs in one cell.
        let lines = try lines("Tests/Fixtures/formats/docx/kaifeng-2023.docx")
        #expect(lines.contains("商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"))
    }

    @Test func titleAndSignatureAreParagraphs() throws {
        let lines = try lines("Tests/Fixtures/formats/docx/kaifeng-2023.docx")
        #expect(lines.first == "开封市教育局2023年政府信息公开工作年度报告")
        #expect(Array(lines.suffix(2)) == ["开封市教育局", "2024年1月10日"])
    }
}

import DisclosureModel
import Foundation
import Testing
@testable import Extract

/// Pages and documents nest as deep as they like: no walk recurses (30,000 levels overflowed a
/// worker's stack) and no parser depth limit drops a report (libxml2 stopped HTML at 256 levels).
@Suite struct DeepNestingTests {
    static let luoyang = "Tests/Fixtures/formats/html/luoyang-2023.html"

    /// The page with its body wrapped in `levels` `<div>`s.
    func wrapped(_ levels: Int) throws -> [UInt8] {
        let page = String(decoding: try Fixture.bytes(Self.luoyang), as: UTF8.self)
        let body = try #require(page.range(of: "<body"))
        let open = try #require(page[body.upperBound...].firstIndex(of: ">"))
        let close = try #require(page.range(of: "</body>", options: .backwards))
        let inside = page[page.index(after: open)..<close.lowerBound]
        return Array((page[...open] + String(repeating: "<div>", count: levels) + inside
            + String(repeating: "</div>", count: levels) + page[close.lowerBound...]).utf8)
    }

    func lines(_ bytes: [UInt8]) throws -> [String] {
        guard case .success(let text) = HTMLSource.read(bytes) else { throw Failed() }
        return text.text.lines
    }

    struct Failed: Error {}

    @Test func aReportWrappedInThreeHundredElementsIsReadAsItIs() throws {
        let plain = try lines(try Fixture.bytes(Self.luoyang))
        #expect(try lines(try wrapped(300)) == plain)
        #expect(try lines(try wrapped(30_000)) == plain)
    }

    @Test func thirtyThousandNestedTablesInAPageAreRead() throws {
        let page = "<html><body><h1>2023年政府信息公开工作年度报告</h1>" + String(repeating: "<table><tr><td>", count: 30_000)
            + "最里面" + String(repeating: "</td></tr></table>", count: 30_000) + "</body></html>"
        let read = try lines(Array(page.utf8))
        // The heading leads the lines, then comes again where it stands.
        #expect(read == ["2023年政府信息公开工作年度报告", "2023年政府信息公开工作年度报告", "最里面"])
    }

    @Test func thirtyThousandNestedTablesOrContentControlsInAWordDocumentAreRead() throws {
        for (open, close) in [("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"), ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>")] {
            let xml = #"<w:document xmlns:w="w"><w:body>"# + String(repeating: open, count: 30_000)
                + "<w:p><w:r><w:t>最里面</w:t></w:r></w:p>" + String(repeating: close, count: 30_000) + "</w:body></w:document>"
            let zip = ZIPArchiveTests.storedZIP("word/document.xml", Array(xml.utf8))
            guard case .success(let text) = DocxSource.read(zip) else { throw Failed() }
            #expect(text.text.lines == ["最里面"])
        }
    }

    @Test func aPageLargerThanTheParserTakesIsTooLarge() throws {
        let page = try Fixture.bytes(Self.luoyang)
        guard case .failure(let failure) = HTMLSource.read(page, largest: page.count - 1) else { throw Failed() }
        #expect(failure.reason == .tooLarge)
        #expect(failure.detail.contains("a web page of \(page.count) bytes (decoded), more than the \(page.count - 1) bytes the HTML parser takes"))
        #expect(HTMLEventParser.largestInput == Int(Int32.max) - 1)
    }
}

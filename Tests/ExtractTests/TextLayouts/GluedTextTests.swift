import DisclosureModel
import Testing
@testable import Extract

@Suite struct GluedTextTests {
    static func converted(_ relative: String) throws -> ConvertedText? {
        GluedText.read(SourceLines(utf8: try Fixture.bytes(relative)))
    }

    @Test func dump() throws {
        let converted = try #require(try Self.converted("Tests/Fixtures/real-dev/pingtan_2022.crawl.txt"))
        for (line, origin) in zip(converted.text.lines, converted.text.origins) { print(origin, line.replacingOccurrences(of: "\t", with: " ⇥ ").prefix(200)) }
        for diagnostic in converted.diagnostics { print(diagnostic.code, diagnostic.detail) }
    }
}

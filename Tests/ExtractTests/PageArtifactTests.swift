import DisclosureModel
import Testing
@testable import Extract

/// Page furniture inside a table is skipped; real cells are not.
@Suite struct PageArtifactTests {
    @Test(arguments: ["- 3 -", "— 3 —", "－12－", "第3页", "第 3 页 共 12 页", "3/12", "—  14  —"])
    func pageNumbersAreRecognized(_ text: String) {
        #expect(PageArtifact.isPageArtifact(text))
    }

    @Test(arguments: ["3", "0", "-", "1.属于国家秘密", "2023年", "第二十条第（一）项", "12/ab"])
    func cellsAreNotPageNumbers(_ text: String) {
        #expect(!PageArtifact.isPageArtifact(text))
    }

    @Test func aTableBrokenByAPageFooterReadsWhole() throws {
        // Seed 003 with a page footer and a blank gap inserted inside table 3, as PDF text has them.
        var text = String(decoding: try Fixture.bytes("samples/003_4d0dc32836f03b08.txt"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\t\t4.保护第三方合法权益", with: "\n- 5 -\n\n\t\t4.保护第三方合法权益")
        guard case .report(let report) = Extractor.extract(bytes: Array(text.utf8), sourcePath: "x") else {
            Issue.record("rejected")
            return
        }
        let rows = try #require(report.tables[.applications])
        let row = try #require(rows.first { $0.labels.contains { $0.text == "4.保护第三方合法权益" } })
        #expect(row.values.filter { !$0.text.isEmpty }.count == 7)
        #expect(report.diagnostics.contains { $0.code == .pageArtifactSkipped })
        #expect(!rows.contains { $0.values.contains { $0.text == "5" } })
    }
}

import DisclosureModel
import Extract
import Foundation
import Testing
@testable import Transform

/// A worker's label memo must change nothing: each report comes out as it does with a memo of its
/// own, whatever the worker transformed before it and however small the memo.
@Suite struct LabelMemoTests {
    private func extracted() throws -> [ExtractedReport] {
        let names = try FileManager.default.contentsOfDirectory(atPath: Repository.root.appendingPathComponent("samples").path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        #expect(names.count == 5)
        return try names.map { name in
            switch Extractor.extract(bytes: try Repository.bytes("samples/" + name), sourcePath: name) {
            case .report(let report): return report
            case .reject(let reject): throw Repository.RejectedError(reject: reject)
            }
        }
    }

    @Test func sharedMemoGivesWhatAFreshOneGives() throws {
        let transformer = Transformer(dictionary: try Repository.dictionary())
        let reports = try extracted()
        let alone = reports.map { transformer.transform($0) }
        #expect(alone.contains { $0.diagnostics.contains { $0.code == .labelNormalized } })
        let shared = LabelMemo()
        // Twice through: the second pass finds every label remembered, in another report's order.
        for report in reports + reports.reversed() {
            #expect(transformer.transform(report, memo: shared) == alone[reports.firstIndex { $0.reportId == report.reportId }!])
        }
        let tiny = LabelMemo(capacity: 2)
        for (report, expected) in zip(reports, alone) {
            #expect(transformer.transform(report, memo: tiny) == expected)
        }
    }

    /// The same printed text means an applicant column in table 3 and an outcome in table 4.
    @Test func rememberedPerScope() throws {
        let dictionary = try Repository.dictionary()
        let memo = LabelMemo()
        var diagnostics: [Diagnostic] = []
        func resolve(_ text: String, _ scopes: [LabelDictionary.Scope]) -> String? {
            let resolver = LabelResolver(dictionary: dictionary, table: .applications, cite: Citation(), memo: memo)
            return resolver.resolve([TextCell(text, line: 1)], in: scopes, diagnostics: &diagnostics).first.map { "\($0.entry.role.rawValue) \($0.entry.code)" }
        }
        for _ in 0..<2 {
            #expect(resolve("总计", [.applicationsHeader]) == "applicant total")
            #expect(resolve("总计", [.appeals]) == "outcome total")
            #expect(resolve("其他", [.applicationsHeader, .applicationsBody]) == "applicant other_org")
            #expect(resolve("其他", [.applicationsBody, .applicationsHeader]) == "row other.other")
        }
    }
}

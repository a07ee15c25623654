import Foundation
import Testing
@testable import Pipeline

/// `disclosure-etl inspect`: one document read on its own, shown row by row and cell by cell.
@Suite struct InspectionTests {
    static let root = EndToEndTests.root.path
    static let labels = ["\(root)/pipelines/labels.toml"]

    static var samples: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/samples"))?.sorted().map { "\(root)/samples/\($0)" } ?? []
    }

    @Test func thereAreEightSamples() {
        #expect(Self.samples.count == 8)
    }

    /// Every sample shows all 200 cells, its three tables and its identity.
    @Test(arguments: samples)
    func eachSampleShowsItsTwoHundredCells(_ path: String) throws {
        let inspection = try Inspection.inspect(path: path, labels: Self.labels)
        #expect(inspection.outcome == "report")
        #expect(inspection.cells.count == 200)
        #expect(inspection.missing.isEmpty)
        #expect(inspection.tables.map(\.table) == ["二", "三", "四"])
        #expect(inspection.text.contains("cells (200 of 200 read)"))
        #expect(inspection.agency?.isEmpty == false)
    }

    /// The seed 002's rows as printed, its mapped cells, and the same in JSON.
    @Test func aRowIsShownAsPrintedAndItsCellsInTemplateOrder() throws {
        let path = try #require(Self.samples.first { $0.contains("002_") })
        let inspection = try Inspection.inspect(path: path, labels: Self.labels)
        #expect(inspection.sourceFormat == "pdf_text_tab")
        #expect(inspection.text.contains("57: 一、本年新收政府信息公开申请数量  →  0 0 0 0 0 0 0 0"))
        #expect(inspection.text.contains("    new_received: 0 0 0 0 0 0 0\n"))
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(inspection)) as? [String: Any]
        #expect((json?["cells"] as? [Any])?.count == 200)
    }

    /// A file that is no report says why; a missing dictionary is a configuration error.
    @Test func aRejectSaysWhyAndAMissingDictionaryIsAnError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inspect-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("note.txt").path
        try Data("购物清单：苹果、梨".utf8).write(to: URL(fileURLWithPath: file))
        let inspection = try Inspection.inspect(path: file, labels: Self.labels)
        #expect(inspection.outcome == "reject")
        #expect(inspection.rejectReason == "not_a_report")
        #expect(inspection.text.contains("rejected: not_a_report"))
        #expect(throws: PipelineError.self) { try Inspection.inspect(path: file, labels: ["\(folder.path)/none.toml"]) }
    }
}

import DisclosureModel
import Foundation
import Testing
@testable import Pipeline

/// The packed manifest table gives back the entries it was given, and its report_id keys order
/// as the hex text does.
@Suite struct EntryTableTests {
    func entry(_ path: String, id: String, transformed: Bool) -> Manifest.Entry {
        var entry = Manifest.Entry(path: path, size: 12, modified: -1, reportId: id, extractKey: "extract-2",
                                   extractRef: RecordRef(segment: "x-1.seg", offset: 1 << 40, length: 77))
        if transformed {
            entry.transformKey = "transform-1:abc"
            entry.transformRef = RecordRef(segment: "t-1.seg", offset: 9, length: 10)
            entry.status = "partial"
            entry.checksFailed = 3
            entry.diagnostics = 40
        } else {
            entry.rejectReason = "empty"
        }
        return entry
    }

    @Test func entriesReadBackAsGiven() {
        let a = entry("2023/报告 a.txt", id: String(repeating: "0f", count: 32), transformed: true)
        let b = entry("b.txt", id: String(repeating: "e1", count: 32), transformed: false)
        let table: EntryTable = [a, b]
        #expect(Array(table) == [a, b])
        #expect(table.path(at: 0) == "2023/报告 a.txt")
        #expect(table.isReport(at: 0) && !table.isReport(at: 1))
        #expect(table.isTransformed(at: 0) && !table.isTransformed(at: 1))
        #expect(table.transformKey(at: 0) == "transform-1:abc" && table.transformKey(at: 1) == nil)
        #expect(table.usedSegments == ["x-1.seg", "t-1.seg"])
    }

    @Test func keptEntriesCopyIntoATableWithAnotherPool() {
        let old: EntryTable = [entry("a.txt", id: String(repeating: "aa", count: 32), transformed: true),
                               entry("b.txt", id: String(repeating: "bb", count: 32), transformed: false)]
        var new: EntryTable = [entry("0.txt", id: String(repeating: "cc", count: 32), transformed: false)]
        var map = EntryTable.RefMap()
        new.appendKept(1, of: old, map: &map)
        new.appendKept(0, of: old, map: &map)
        #expect(Array(new) == [new[0], old[1], old[0]])
        #expect(new == [new[0], old[1], old[0]])
    }

    @Test func replacingAnEntryKeepsItsPathBytesUnlessThePathChanges() {
        var table: EntryTable = [entry("a.txt", id: String(repeating: "aa", count: 32), transformed: false),
                                 entry("bb.txt", id: String(repeating: "bb", count: 32), transformed: false)]
        #expect(table.storedPathBytes == 11)
        let transformed = entry("a.txt", id: String(repeating: "aa", count: 32), transformed: true)
        table[0] = transformed
        #expect(table.storedPathBytes == 11)
        #expect(table[0] == transformed && table.path(at: 1) == "bb.txt")
        let moved = entry("c/d.txt", id: String(repeating: "aa", count: 32), transformed: true)
        table[0] = moved
        #expect(table.storedPathBytes == 18)
        #expect(Array(table) == [moved, entry("bb.txt", id: String(repeating: "bb", count: 32), transformed: false)])
    }

    @Test func reportKeysOrderAsTheirHexText() throws {
        let texts = ["00ff" + String(repeating: "0", count: 60), "0a" + String(repeating: "f", count: 62),
                     String(repeating: "0", count: 63) + "1", "f" + String(repeating: "0", count: 63),
                     "9f" + String(repeating: "e", count: 62)]
        let keys = try texts.map { try #require(ReportKey($0)) }
        #expect(keys.map(\.hex) == texts)
        #expect(keys.sorted().map(\.hex) == texts.sorted())
        #expect(ReportKey(String(repeating: "A", count: 64)) == nil, "upper case is not how ids are written")
        #expect(ReportKey(String(repeating: "a", count: 63)) == nil)
        #expect(ReportKey("") == nil)
    }

    @Test func linesAreReadAcrossBufferBoundaries() throws {
        let file = NSTemporaryDirectory() + "lines-" + UUID().uuidString
        let long = String(repeating: "x", count: 25)
        try "a\n\nbcd\n\(long)\n末行".write(toFile: file, atomically: false, encoding: .utf8)
        var lines: [(String, Int)] = []
        let read = LineReader.forEachLine(of: file, bufferSize: 4) { lines.append((String(decoding: $0, as: UTF8.self), $1)) }
        #expect(read)
        #expect(lines.map(\.0) == ["a", "", "bcd", long, "末行"])
        #expect(lines.map(\.1) == [1, 2, 3, 4, 5])
        #expect(!LineReader.forEachLine(of: file + "-missing") { _, _ in })
    }
}

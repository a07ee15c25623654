import Foundation
import Testing
@testable import Parquet

@Suite struct RowGroupReadTests {
    let base = ParquetReaderTests()

    /// Read from a file, row group by row group, the rows are those of the whole column; `keep`
    /// and `keepValue` leave rows out as null.
    @Test func rowGroupsReadOneByOneFromAFileGiveTheWholeColumn() throws {
        let options = WriterOptions(rowGroupRows: 700, dictionaryPageSizeLimit: 2_000, dataPageValueLimit: 300)
        let bytes = try ParquetWriter.encode(schema: base.schema, batches: [try RecordBatch(schema: base.schema, columns: base.rows(2_500))], options: options)
        let path = NSTemporaryDirectory() + "row-groups-\(UUID().uuidString).parquet"
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let reader = try ParquetReader(path: path)
        #expect(reader.rowGroupCount == 4 && reader.rowGroupRowCounts == [700, 700, 700, 400])
        for name in ["id", "note"] {
            let groups = try (0..<reader.rowGroupCount).flatMap { base.strings(try reader.read(name, rowGroup: $0)) }
            #expect(groups == base.strings(try reader.read(name)))
        }
        #expect(try (0..<4).flatMap { base.integers(try reader.read("count", rowGroup: $0)) } == base.integers(try reader.read("count")))
        let kept = base.strings(try reader.read("note", rowGroup: 1, keep: (0..<700).map { $0 % 2 == 0 }, keepValue: { !$0.elementsEqual("unique text 702 中文".utf8) }))
        let all = base.strings(try reader.read("note", rowGroup: 1))
        #expect(kept == all.indices.map { $0 % 2 == 0 && $0 != 2 ? all[$0] : nil })
        let ids = base.strings(try reader.read("id", rowGroup: 0, keepValue: { $0.elementsEqual("report-3".utf8) }))
        #expect(ids == (0..<700).map { $0 % 37 == 3 ? "report-3" : nil })
        #expect(throws: ParquetError.self) { try reader.read("id", rowGroup: 4) }
    }

}

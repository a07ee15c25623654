import Testing
@testable import Load

/// Load's own column storage, which the CSV, workbook and Parquet writers all read.
@Suite struct DatasetTableTests {
    /// Equal rows are one run (a report's id on each of its rows), a null continues a null run,
    /// and a code column keeps each row's position in its list, adding a value it did not hold.
    @Test func textIsKeptAsRunsAndCodes() throws {
        let schema = DatasetSchema(name: "t", columns: [
            DatasetColumn("id", .string), DatasetColumn("label", .string, nullable: true), DatasetColumn("code", codes: ["a", "b"]),
        ])
        var table = DatasetTable(schema: schema)
        for (id, label, code) in [("r1", "x", "b"), ("r1", nil, "a"), ("r1", nil, "b"), ("r2", "x", "c")] as [(String, String?, String)] {
            table.append(id, at: 0)
            if var label {
                label.withUTF8 { table.append(utf8: UnsafeRawBufferPointer($0), at: 1) }
            } else {
                table.append(utf8: nil, at: 1)
            }
            table.append(code, at: 2)
        }
        let values = table.values
        guard case .text(let ids) = values[0], case .text(let labels) = values[1], case .codes(let codes) = values[2] else {
            Issue.record("columns of the wrong kind: \(values)")
            return
        }
        #expect(ids.runEnds == [3, 4] && ids.values.count == 2)
        #expect(labels.runEnds == [1, 3, 4] && labels.values.validity == [true, false, true])
        #expect((0 ..< 4).map { labels[$0] } == ["x", nil, nil, "x"])
        #expect(codes.codes == [1, 0, 1, 2] && (0 ..< codes.list.count).map { codes.list[$0] } == ["a", "b", "c"])
        #expect(table.columns == [.string(["r1", "r1", "r1", "r2"]), .string(["x", nil, nil, "x"]), .string(["b", "a", "b", "c"])])
    }
}

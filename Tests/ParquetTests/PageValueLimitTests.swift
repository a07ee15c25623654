import Testing
@testable import Parquet

/// `WriterOptions.dataPageValueLimit`: a data page never holds more values (nulls included)
/// than the limit, whatever the column's type, encoding or page size.
@Suite struct PageValueLimit {
    /// RoundTrip's table: every type, with nulls. Its columns stay dictionary encoded (50,000
    /// distinct ids are 400 kB of dictionary) and 20,000 indices are far below the 1 MiB page
    /// size, so only the value limit cuts pages.
    typealias Table = RoundTrip.Table
    static let schema = RoundTrip.schema
    static let columns = 0 ..< 6

    /// Value counts of the data pages of one column chunk, in file order.
    private func dataPageValueCounts(_ parquet: TestParquetFile, rowGroup: Int = 0, column: Int) throws -> [Int] {
        try parquet.pages(rowGroup: rowGroup, column: column).filter { $0.type == 0 }.map(\.valueCount)
    }

    @Test func defaultLimitCutsEveryColumnIntoPagesOfTwentyThousandValues() throws {
        #expect(WriterOptions().dataPageValueLimit == 20_000)
        let table = Table(rows: 50_000)
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: [table.batch()]))
        for column in Self.columns {
            #expect(try dataPageValueCounts(parquet, column: column) == [20_000, 20_000, 10_000], "column \(column)")
            // encoding_stats count the same three data pages.
            let stats = parquet.columnMeta(rowGroup: 0, column: column).structs(13)
            let dataPages = stats.filter { $0.int(1) == 0 }.reduce(0) { $0 + $1.int(3)! }
            #expect(dataPages == 3, "column \(column)")
            #expect(try parquet.column(column) == table.cells[column], "column \(column)")
        }
    }

    @Test func pagesSpanBatchesAndRestartWithEachRowGroup() throws {
        let batches = [Table(rows: 7_000), Table(rows: 30_000, offset: 7_000), Table(rows: 13_000, offset: 37_000)]
        let options = WriterOptions(rowGroupRows: 45_000, dataPageValueLimit: 15_000)
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: batches.map { try $0.batch() }, options: options))
        #expect(parquet.rowGroups.map { $0.int(3)! } == [45_000, 5_000])
        for column in Self.columns {
            #expect(try dataPageValueCounts(parquet, rowGroup: 0, column: column) == [15_000, 15_000, 15_000])
            #expect(try dataPageValueCounts(parquet, rowGroup: 1, column: column) == [5_000])
            #expect(try parquet.column(column) == batches.flatMap { $0.cells[column] }, "column \(column)")
        }
    }

    @Test func limitOffTheCheckIntervalIsExact() throws {
        // 1 and 1,000 are not multiples of the 64-value size-check interval.
        let table = Table(rows: 2_500)
        for limit in [1, 1_000] {
            let parquet = try TestParquetFile(ParquetWriter.encode(
                schema: Self.schema, batches: [table.batch()], options: WriterOptions(dataPageValueLimit: limit)
            ))
            let expected = Array(repeating: limit, count: 2_500 / limit) + (2_500 % limit == 0 ? [] : [2_500 % limit])
            for column in Self.columns {
                #expect(try dataPageValueCounts(parquet, column: column) == expected, "limit \(limit), column \(column)")
                #expect(try parquet.column(column) == table.cells[column], "limit \(limit), column \(column)")
            }
        }
    }

    @Test func sizeTargetAndDictionaryFallbackStillCutPagesEarlier() throws {
        // Unique 40-byte strings: the dictionary falls back to PLAIN at 20,000 bytes (about 450
        // values), and PLAIN pages reach 8,192 bytes after about 185 values.
        let values: [String?] = (0 ..< 3_000).map { $0 % 11 == 0 ? nil : "value-\($0)-" + String(repeating: "z", count: 30) }
        let schema = Schema(Column(name: "s", type: .string, nullable: true))
        let options = WriterOptions(dictionaryPageSizeLimit: 20_000, dataPageSize: 8_192, dataPageValueLimit: 300)
        let parquet = try TestParquetFile(ParquetWriter.encode(
            schema: schema, batches: [RecordBatch(schema: schema, columns: [.string(values)])], options: options
        ))
        let pages = try parquet.pages(rowGroup: 0, column: 0).filter { $0.type == 0 }
        #expect(Set(pages.map { $0.encoding! }) == [0, 8])
        #expect(pages.allSatisfy { $0.valueCount <= 300 })
        #expect(pages.contains { $0.encoding == 0 && $0.valueCount < 300 })
        #expect(pages.reduce(0) { $0 + $1.valueCount } == 3_000)
        #expect(try parquet.column(0) == values.cells)
    }

    @Test func limitOutsideOneToInt32MaxIsRefused() throws {
        for limit in [0, -5, Int(Int32.max) + 1] {
            #expect(throws: ParquetError.self) {
                try ParquetWriter(sink: MemorySink(), schema: Self.schema, options: WriterOptions(dataPageValueLimit: limit))
            }
        }
        _ = try ParquetWriter(sink: MemorySink(), schema: Self.schema, options: WriterOptions(dataPageValueLimit: Int(Int32.max)))
    }
}

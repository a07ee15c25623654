import Testing
@testable import Parquet

/// `WriterOptions.dataPageValueLimit`: a data page never holds more values (nulls included)
/// than the limit, whatever the column's type, encoding or page size.
@Suite struct PageValueLimit {
    static let schema = Schema(
        Column(name: "code", type: .string, nullable: true),
        Column(name: "count", type: .int64),
        Column(name: "amount", type: .double, nullable: true),
        Column(name: "flag", type: .boolean),
        Column(name: "day", type: .date, nullable: true)
    )

    /// Few distinct values per column, so dictionary indices take a few bits and 50,000 rows
    /// are far below the 1 MiB page size: only the value limit cuts pages.
    struct Table {
        var codes: [String?] = []
        var counts: [Int64?] = []
        var amounts: [Double?] = []
        var flags: [Bool?] = []
        var days: [Int32?] = []

        init(rows: Int) {
            for r in 0 ..< rows {
                codes.append(r % 10 == 3 ? nil : "code-\(r % 6)")
                counts.append(Int64(r % 3))
                amounts.append(r % 7 == 0 ? nil : Double(r % 5) / 4)
                flags.append(r % 3 == 0)
                days.append(r % 9 == 4 ? nil : Int32(19_000 + r % 30))
            }
        }

        func batch(_ rows: Range<Int>) throws -> RecordBatch {
            try RecordBatch(schema: PageValueLimit.schema, columns: [
                .string(Array(codes[rows])), .int64(Array(counts[rows])), .double(Array(amounts[rows])),
                .boolean(Array(flags[rows])), .date(Array(days[rows])),
            ])
        }

        var cells: [[CellValue?]] { [codes.cells, counts.cells, amounts.cells, flags.cells, days.cells] }
    }

    /// Value counts of the data pages of one column chunk, in file order.
    private func dataPageValueCounts(_ parquet: TestParquetFile, rowGroup: Int = 0, column: Int) throws -> [Int] {
        try parquet.pages(rowGroup: rowGroup, column: column).filter { $0.type == 0 }.map(\.valueCount)
    }

    @Test func defaultLimitCutsEveryColumnIntoPagesOfTwentyThousandValues() throws {
        #expect(WriterOptions().dataPageValueLimit == 20_000)
        let table = Table(rows: 50_000)
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: [table.batch(0 ..< 50_000)]))
        for column in 0 ..< 5 {
            #expect(try dataPageValueCounts(parquet, column: column) == [20_000, 20_000, 10_000], "column \(column)")
            // encoding_stats count the same three data pages.
            let stats = parquet.columnMeta(rowGroup: 0, column: column).structs(13)
            let dataPages = stats.filter { $0.int(1) == 0 }.reduce(0) { $0 + $1.int(3)! }
            #expect(dataPages == 3, "column \(column)")
            #expect(try parquet.column(column) == table.cells[column], "column \(column)")
        }
    }

    @Test func pagesSpanBatchesAndRestartWithEachRowGroup() throws {
        let table = Table(rows: 50_000)
        let options = WriterOptions(rowGroupRows: 45_000, dataPageValueLimit: 15_000)
        let parquet = try TestParquetFile(ParquetWriter.encode(
            schema: Self.schema,
            batches: [table.batch(0 ..< 7_000), table.batch(7_000 ..< 37_000), table.batch(37_000 ..< 50_000)],
            options: options
        ))
        #expect(parquet.rowGroups.map { $0.int(3)! } == [45_000, 5_000])
        for column in 0 ..< 5 {
            #expect(try dataPageValueCounts(parquet, rowGroup: 0, column: column) == [15_000, 15_000, 15_000])
            #expect(try dataPageValueCounts(parquet, rowGroup: 1, column: column) == [5_000])
            #expect(try parquet.column(column) == table.cells[column], "column \(column)")
        }
    }

    @Test func limitOffTheCheckIntervalIsExact() throws {
        // 1 and 1,000 are not multiples of the 64-value size-check interval.
        let table = Table(rows: 2_500)
        for limit in [1, 1_000] {
            let parquet = try TestParquetFile(ParquetWriter.encode(
                schema: Self.schema, batches: [table.batch(0 ..< 2_500)], options: WriterOptions(dataPageValueLimit: limit)
            ))
            let expected = Array(repeating: limit, count: 2_500 / limit) + (2_500 % limit == 0 ? [] : [2_500 % limit])
            for column in 0 ..< 5 {
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

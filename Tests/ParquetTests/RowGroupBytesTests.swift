import Testing
@testable import Parquet

/// `WriterOptions.rowGroupBytes`: a row group is written once it holds that many bytes, so a
/// file whose rows never reach `rowGroupRows` is not held in memory whole.
@Suite struct RowGroupBytes {
    typealias Table = RoundTrip.Table
    static let schema = RoundTrip.schema

    @Test func groupIsWrittenAfterTheBatchThatFillsIt() throws {
        let batches = try (0 ..< 10).map { try Table(rows: 2_000, offset: $0 * 2_000).batch() }
        let whole = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: batches))
        #expect(whole.rowGroups.map { $0.int(3)! } == [20_000])
        // What one group of all 20,000 rows held, as this option counts it, is more than 20 kB;
        // a 20 kB limit cuts groups at batch ends, each holding at least the limit.
        let options = WriterOptions(rowGroupBytes: 20_000)
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: batches, options: options))
        let rows = parquet.rowGroups.map { Int($0.int(3)!) }
        #expect(rows.count > 1)
        #expect(rows.reduce(0, +) == 20_000)
        #expect(rows.allSatisfy { $0 % 2_000 == 0 }, "groups end where batches end: \(rows)")
        for column in 0 ..< Self.schema.columns.count {
            #expect(try parquet.column(column) == whole.column(column), "column \(column)")
        }
    }

    @Test func rowLimitStillCutsWithinABatch() throws {
        let table = Table(rows: 5_000)
        let options = WriterOptions(rowGroupRows: 2_000, rowGroupBytes: 1 << 30)
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: [table.batch()], options: options))
        #expect(parquet.rowGroups.map { $0.int(3)! } == [2_000, 2_000, 1_000])
    }

    @Test func limitMustBePositive() throws {
        for limit in [0, -1] {
            #expect(throws: ParquetError.self) {
                try ParquetWriter(sink: MemorySink(), schema: Self.schema, options: WriterOptions(rowGroupBytes: limit))
            }
        }
    }
}

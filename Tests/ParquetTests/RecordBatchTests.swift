import Testing
import Parquet

/// Batches are checked against the schema before any byte is written.
@Suite struct RecordBatchValidation {
    let schema = Schema(
        Column(name: "id", type: .int64),
        Column(name: "label", type: .string, nullable: true)
    )

    @Test func nullInRequiredColumnIsRejectedNamingTheColumnAndRow() {
        #expect(throws: ParquetError.nullInRequiredColumn(column: "id", row: 1)) {
            try RecordBatch(schema: schema, columns: [.int64([1, nil]), .string(["a", nil])])
        }
    }

    @Test func nullInRequiredUTF8ColumnIsRejected() {
        let schema = Schema(Column(name: "s", type: .string))
        var column = UTF8StringColumn()
        column.append("a")
        column.append(nil)
        #expect(throws: ParquetError.nullInRequiredColumn(column: "s", row: 1)) {
            try RecordBatch(schema: schema, columns: [.utf8(column)])
        }
    }

    @Test func wrongValueTypeIsRejected() {
        #expect(throws: ParquetError.typeMismatch(column: "label", expected: .string, actual: .int32)) {
            try RecordBatch(schema: schema, columns: [.int64([1]), .int32([1])])
        }
    }

    @Test func columnsOfDifferentLengthsAreRejected() {
        #expect(throws: ParquetError.lengthMismatch(column: "label", expected: 2, actual: 1)) {
            try RecordBatch(schema: schema, columns: [.int64([1, 2]), .string(["a"])])
        }
    }

    @Test func wrongColumnCountIsRejected() {
        #expect(throws: ParquetError.columnCountMismatch(expected: 2, actual: 1)) {
            try RecordBatch(schema: schema, columns: [.int64([1])])
        }
    }

    @Test func dateColumnsTakeDateValuesNotInt32() {
        let schema = Schema(Column(name: "d", type: .date))
        #expect(throws: ParquetError.self) { try RecordBatch(schema: schema, columns: [.int32([1])]) }
        #expect(throws: Never.self) { try RecordBatch(schema: schema, columns: [.date([1])]) }
    }

    @Test func writerRejectsBatchBuiltForAnotherSchema() throws {
        let writer = try ParquetWriter(sink: MemorySink(), schema: schema)
        let other = Schema(Column(name: "id", type: .int64), Column(name: "label2", type: .string, nullable: true))
        let batch = try RecordBatch(schema: other, columns: [.int64([1]), .string(["x"])])
        #expect(throws: ParquetError.self) { try writer.write(batch) }
    }

    @Test func duplicateOrEmptyColumnNamesAreRejected() {
        #expect(throws: ParquetError.self) {
            try ParquetWriter(sink: MemorySink(), schema: Schema(Column(name: "a", type: .int32), Column(name: "a", type: .int64)))
        }
        #expect(throws: ParquetError.self) {
            try ParquetWriter(sink: MemorySink(), schema: Schema(Column(name: "", type: .int32)))
        }
    }

    @Test func nonPositiveRowGroupSizeIsRejected() {
        #expect(throws: ParquetError.self) {
            try ParquetWriter(sink: MemorySink(), schema: schema, options: WriterOptions(rowGroupRows: 0))
        }
    }

    @Test func failedWriteLeavesTheWriterRefusingFurtherWork() throws {
        final class FullDisk: ByteSink {
            func write(_ bytes: UnsafeRawBufferPointer) throws { throw ParquetError.io("disk full") }
            func close() throws {}
        }
        let schema = Schema(Column(name: "v", type: .int64))
        let writer = try ParquetWriter(sink: FullDisk(), schema: schema,
                                       options: WriterOptions(compression: .uncompressed, rowGroupRows: 100_000))
        let batch = try RecordBatch(schema: schema, columns: [.int64((0 ..< 300_000).map { Int64($0) })])
        #expect(throws: ParquetError.io("disk full")) { try writer.write(batch) }
        #expect(throws: ParquetError.self) { try writer.write(batch) }
        #expect(throws: ParquetError.self) { try writer.close() }
    }
}

import Testing
@testable import Parquet

/// The reader gives back what the writer wrote, for every encoding the writer uses.
@Suite struct ParquetReaderTests {
    let schema = Schema(
        Column(name: "id", type: .string),
        Column(name: "note", type: .string, nullable: true),
        Column(name: "year", type: .int32),
        Column(name: "count", type: .int64, nullable: true),
        Column(name: "amount", type: .double, nullable: true),
        Column(name: "day", type: .date, nullable: true))

    func rows(_ count: Int) -> [ColumnValues] {
        let ids: [String?] = (0..<count).map { "report-\($0 % 37)" }
        let notes: [String?] = (0..<count).map { $0 % 5 == 0 ? nil : "unique text \($0) 中文" }
        let years: [Int32?] = (0..<count).map { 2020 + Int32($0 % 4) }
        let counts: [Int64?] = (0..<count).map { $0 % 7 == 0 ? nil : Int64($0) * 1_000_003 - 5_000_000 }
        let amounts: [Double?] = (0..<count).map { $0 % 3 == 0 ? nil : Double($0) / 4 }
        let days: [Int32?] = (0..<count).map { $0 % 11 == 0 ? nil : Int32(19_000 + $0) }
        return [.string(ids), .string(notes), .int32(years), .int64(counts), .double(amounts), .date(days)]
    }

    func strings(_ column: ReadColumn) -> [String?] {
        guard case .byteArrays(let values) = column else { return [] }
        return (0..<values.rowCount).map { values[$0] }
    }

    func integers(_ column: ReadColumn) -> [Int64?] {
        guard case .integers(let values) = column else { return [] }
        return values
    }

    @Test(arguments: [WriterOptions(), WriterOptions(compression: .uncompressed),
                      WriterOptions(rowGroupRows: 1_000, dictionaryPageSizeLimit: 2_000, dataPageValueLimit: 300)])
    func readsBackWhatWasWritten(options: WriterOptions) throws {
        let count = 5_000
        let columns = rows(count)
        var writeOptions = options
        writeOptions.keyValueMetadata = [("tool", "test")]
        let bytes = try ParquetWriter.encode(schema: schema, batches: [try RecordBatch(schema: schema, columns: columns)], options: writeOptions)
        let reader = try ParquetReader(bytes: bytes)
        #expect(reader.rowCount == count)
        #expect(reader.columns.map(\.name) == ["id", "note", "year", "count", "amount", "day"])
        #expect(reader.keyValueMetadata.map(\.value) == ["test"])
        guard case .string(let ids) = columns[0], case .string(let notes) = columns[1], case .int32(let years) = columns[2],
              case .int64(let counts) = columns[3], case .double(let amounts) = columns[4], case .date(let days) = columns[5] else { return }
        #expect(strings(try reader.read("id")) == ids)
        #expect(strings(try reader.read("note")) == notes)
        #expect(integers(try reader.read("year")) == years.map { $0.map(Int64.init) })
        #expect(integers(try reader.read("count")) == counts)
        #expect(integers(try reader.read("day")) == days.map { $0.map(Int64.init) })
        guard case .doubles(let readAmounts) = try reader.read("amount") else { Issue.record("not doubles"); return }
        #expect(readAmounts == amounts)
    }

    /// The declared order is in every row group's footer entry; a key outside the schema is refused.
    @Test func sortingColumnsAreDeclaredInEveryRowGroup() throws {
        let keys = [SortingColumn(columnIndex: 0), SortingColumn(columnIndex: 2, descending: true, nullsFirst: true)]
        let options = WriterOptions(rowGroupRows: 1_000, sortingColumns: keys)
        let bytes = try ParquetWriter.encode(schema: schema, batches: [try RecordBatch(schema: schema, columns: rows(2_500))], options: options)
        let reader = try ParquetReader(bytes: bytes)
        #expect(reader.sortingColumns == [keys, keys, keys])
        #expect(try ParquetReader(bytes: ParquetWriter.encode(schema: schema, batches: [try RecordBatch(schema: schema, columns: rows(10))])).sortingColumns == [[]])
        #expect(throws: ParquetError.self) {
            _ = try ParquetWriter.encode(schema: schema, batches: [], options: WriterOptions(sortingColumns: [SortingColumn(columnIndex: 6)]))
        }
    }

    @Test func aFileWithNoRowsHasItsColumnsAndNoValues() throws {
        let bytes = try ParquetWriter.encode(schema: schema, batches: [], options: WriterOptions())
        let reader = try ParquetReader(bytes: bytes)
        #expect(reader.rowCount == 0)
        #expect(strings(try reader.read("id")) == [])
    }

    @Test func damagedFilesAreRefusedWithAReason() throws {
        var bytes = try ParquetWriter.encode(schema: schema, batches: [try RecordBatch(schema: schema, columns: rows(100))], options: WriterOptions())
        #expect(throws: ParquetError.self) { try ParquetReader(bytes: Array(bytes.prefix(bytes.count - 1))) }
        // A page body cut short: the column cannot be decompressed.
        bytes[10] ^= 0xFF
        bytes[11] ^= 0xFF
        let reader = try ParquetReader(bytes: bytes)
        #expect(throws: ParquetError.self) { try reader.read("id") }
        #expect(throws: ParquetError.self) { try reader.read("no such column") }
    }
}

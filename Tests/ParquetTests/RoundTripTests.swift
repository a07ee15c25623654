import Testing
@testable import Parquet

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files written by ParquetWriter, read back with the test reader.
@Suite struct RoundTrip {
    static let schema = Schema(
        Column(name: "id", type: .int64),
        Column(name: "name", type: .string, nullable: true),
        Column(name: "count", type: .int32, nullable: true),
        Column(name: "amount", type: .double, nullable: true),
        Column(name: "flag", type: .boolean, nullable: true),
        Column(name: "day", type: .date, nullable: true)
    )

    struct Table {
        var ids: [Int64?] = []
        var names: [String?] = []
        var counts: [Int32?] = []
        var amounts: [Double?] = []
        var flags: [Bool?] = []
        var days: [Int32?] = []

        init(rows: Int, offset: Int = 0) {
            let words = ["北京", "alpha", "Zürich", "中文字符", "beta"]
            for r in offset ..< offset + rows {
                ids.append(Int64(r))
                names.append(r % 7 == 3 ? nil : "\(words[r % words.count])-\(r % 13)")
                counts.append(r % 5 == 1 ? nil : Int32(r % 50) - 25)
                amounts.append(r % 9 == 2 ? nil : Double(r % 17) * 0.5 - 3)
                flags.append(r % 4 == 0 ? nil : r % 3 == 0)
                days.append(r % 11 == 5 ? nil : Int32(19_000 + r % 400))
            }
        }

        func batch() throws -> RecordBatch {
            try RecordBatch(schema: RoundTrip.schema, columns: [
                .int64(ids), .string(names), .int32(counts), .double(amounts), .boolean(flags), .date(days),
            ])
        }

        var cells: [[CellValue?]] {
            [ids.cells, names.cells, counts.cells, amounts.cells, flags.cells, days.cells]
        }
    }

    @Test func everyColumnTypeWithNullsReadsBackAcrossRowGroupsAndPages() throws {
        let table = Table(rows: 2_500)
        let options = WriterOptions(rowGroupRows: 1_000, dataPageSize: 256)
        let bytes = try ParquetWriter.encode(schema: Self.schema, batches: [table.batch()], options: options)
        let parquet = try TestParquetFile(bytes)
        #expect(parquet.numRows == 2_500)
        #expect(parquet.rowGroups.map { $0.int(3)! } == [1_000, 1_000, 500])
        for column in 0 ..< 6 {
            #expect(try parquet.column(column) == table.cells[column], "column \(column)")
        }
        // Small page target: several data pages per chunk.
        #expect(try parquet.pages(rowGroup: 0, column: 1).count > 3)
    }

    @Test func batchesSplitAcrossRowGroupBoundariesKeepRowOrder() throws {
        let first = Table(rows: 700)
        let second = Table(rows: 900, offset: 700)
        let bytes = try ParquetWriter.encode(schema: Self.schema, batches: [first.batch(), second.batch()],
                                             options: WriterOptions(rowGroupRows: 500))
        let parquet = try TestParquetFile(bytes)
        #expect(parquet.rowGroups.map { $0.int(3)! } == [500, 500, 500, 100])
        #expect(try parquet.column(0) == (first.ids + second.ids).cells)
        #expect(try parquet.column(1) == (first.names + second.names).cells)
    }

    @Test func filesStartAndEndWithMagicAndFooterLength() throws {
        let bytes = try ParquetWriter.encode(schema: Self.schema, batches: [Table(rows: 10).batch()])
        #expect(Array(bytes.prefix(4)) == Array("PAR1".utf8))
        #expect(Array(bytes.suffix(4)) == Array("PAR1".utf8))
        _ = try TestParquetFile(bytes)
    }

    @Test func emptyFileHasSchemaAndNoRowGroups() throws {
        let bytes = try ParquetWriter.encode(schema: Self.schema, batches: [])
        let parquet = try TestParquetFile(bytes)
        #expect(parquet.numRows == 0)
        #expect(parquet.rowGroups.isEmpty)
        #expect(parquet.leaves.map { $0.string(4)! } == ["id", "name", "count", "amount", "flag", "day"])
        #expect(parquet.footer.list(7)?.count == 6)
        // An empty batch changes nothing.
        let withEmptyBatch = try ParquetWriter.encode(schema: Self.schema, batches: [Table(rows: 0).batch()])
        #expect(withEmptyBatch == bytes)
    }

    @Test func sameRowsAndOptionsGiveByteIdenticalFiles() throws {
        let table = Table(rows: 30_000)
        let options = WriterOptions(rowGroupRows: 12_000, keyValueMetadata: [("b", "2"), ("a", "1")])
        let first = try ParquetWriter.encode(schema: Self.schema, batches: [table.batch()], options: options)
        let second = try ParquetWriter.encode(schema: Self.schema, batches: [table.batch()], options: options)
        #expect(first == second)
        var serial = options
        serial.concurrentColumns = false
        let third = try ParquetWriter.encode(schema: Self.schema, batches: [table.batch()], options: serial)
        #expect(first == third)
    }

    @Test func schemaCarriesLogicalAndConvertedTypesAndRepetition() throws {
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: []))
        let root = parquet.schema[0]
        #expect(root.string(4) == "schema")
        #expect(root.int(5) == 6)
        #expect(root.int(1) == nil)
        let leaves = parquet.leaves
        // physical types
        #expect(leaves.map { $0.int(1)! } == [2, 6, 1, 5, 0, 1])
        // repetition: id required, others optional
        #expect(leaves.map { $0.int(3)! } == [0, 1, 1, 1, 1, 1])
        // string: ConvertedType UTF8 (0) and LogicalType STRING (union field 1)
        #expect(leaves[1].int(6) == 0)
        #expect(leaves[1].structure(10)?.structure(1) != nil)
        // date: ConvertedType DATE (6) and LogicalType DATE (union field 6)
        #expect(leaves[5].int(6) == 6)
        #expect(leaves[5].structure(10)?.structure(6) != nil)
        // plain ints carry no annotation
        #expect(leaves[0].int(6) == nil && leaves[0].structure(10) == nil)
        // column_orders: TYPE_ORDER for every leaf
        #expect(parquet.footer.list(7)?.compactMap { $0.structure?.structure(1) }.count == 6)
    }

    @Test func footerKeepsKeyValueMetadataOrderAndCreatedBy() throws {
        let options = WriterOptions(keyValueMetadata: [("zeta", "1"), ("alpha", "二"), ("mid", "")])
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: [], options: options))
        let pairs = parquet.footer.structs(5).map { ($0.string(1)!, $0.string(2)!) }
        #expect(pairs.map(\.0) == ["zeta", "alpha", "mid"])
        #expect(pairs.map(\.1) == ["1", "二", ""])
        #expect(parquet.footer.string(6) == "parquet-swift version 0.1.0 (build local)")
        #expect(parquet.footer.int(1) == 1)
    }

    @Test func columnChunkSizesAndOffsetsAreConsistent() throws {
        let table = Table(rows: 5_000)
        let bytes = try ParquetWriter.encode(schema: Self.schema, batches: [table.batch()],
                                             options: WriterOptions(rowGroupRows: 2_000, dataPageSize: 1_024))
        let parquet = try TestParquetFile(bytes)
        var expectedOffset: Int64 = 4
        for (g, group) in parquet.rowGroups.enumerated() {
            var compressed: Int64 = 0
            var uncompressed: Int64 = 0
            #expect(group.int(5) == expectedOffset, "row group file_offset")
            #expect(group.int(7) == Int64(g), "ordinal")
            for c in 0 ..< 6 {
                let chunk = group.structs(1)[c]
                #expect(chunk.int(2) == 0)
                let meta = chunk.structure(3)!
                let start = meta.int(11) ?? meta.int(9)!
                #expect(start == expectedOffset, "chunks are contiguous")
                let pages = try parquet.pages(rowGroup: g, column: c)
                // Sizes include page headers.
                let pageBytes = pages.reduce(0) { $0 + $1.headerLength + Int(($1.header.int(3))!) }
                let pageUncompressed = pages.reduce(0) { $0 + $1.headerLength + $1.body.count }
                #expect(Int64(pageBytes) == meta.int(7))
                #expect(Int64(pageUncompressed) == meta.int(6))
                // The dictionary page offset is set exactly when there is a dictionary page,
                // and the data page offset points at the first data page.
                if pages[0].type == 2 {
                    #expect(meta.int(11) == Int64(pages[0].offset))
                    #expect(meta.int(9) == Int64(pages[1].offset))
                } else {
                    #expect(meta.int(11) == nil)
                    #expect(meta.int(9) == Int64(pages[0].offset))
                }
                // num_values counts nulls, in the chunk and in each page.
                #expect(meta.int(5) == group.int(3))
                #expect(pages.filter { $0.type == 0 }.reduce(0) { $0 + $1.valueCount } == Int(group.int(3)!))
                // Every encoding used is listed.
                var used: Set<Int64> = [3]
                for page in pages { used.insert(page.type == 2 ? 0 : page.encoding!) }
                #expect(Set(meta.list(2)!.compactMap(\.int)) == used)
                #expect(meta.int(4) == 6)
                compressed += meta.int(7)!
                uncompressed += meta.int(6)!
                expectedOffset += meta.int(7)!
            }
            #expect(group.int(6) == compressed)
            #expect(group.int(2) == uncompressed)
        }
        // The footer follows the last chunk.
        let footerLength = Int(bytes[bytes.count - 8]) | Int(bytes[bytes.count - 7]) << 8
            | Int(bytes[bytes.count - 6]) << 16 | Int(bytes[bytes.count - 5]) << 24
        #expect(Int(expectedOffset) == bytes.count - 8 - footerLength)
    }

    @Test func chunkStatisticsHoldMinMaxAndNullCount() throws {
        let table = Table(rows: 1_000)
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: [table.batch()]))
        func stats(_ column: Int) -> ThriftStructValue { parquet.columnMeta(rowGroup: 0, column: column).structure(12)! }
        func le<T: FixedWidthInteger>(_ v: T) -> [UInt8] { withUnsafeBytes(of: v.littleEndian) { Array($0) } }

        #expect(stats(0).int(3) == 0)
        #expect(stats(0).binary(6) == le(Int64(0)))
        #expect(stats(0).binary(5) == le(Int64(999)))

        let names = table.names.compactMap { $0 }
        let sortedNames = names.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) }
        #expect(stats(1).int(3) == Int64(table.names.count - names.count))
        #expect(stats(1).binary(6) == sortedNames.first)
        #expect(stats(1).binary(5) == sortedNames.last)

        #expect(stats(2).binary(6) == le(Int32(-25)))
        #expect(stats(2).binary(5) == le(Int32(24)))
        #expect(stats(3).binary(6) == le((-3.0).bitPattern))
        #expect(stats(3).binary(5) == le((5.0).bitPattern))
        #expect(stats(3).int(9) == 0)
        #expect(stats(4).binary(6) == [0])
        #expect(stats(4).binary(5) == [1])
        #expect(stats(5).binary(6) == le(Int32(19_000)))
        #expect(stats(5).binary(5) == le(Int32(19_399)))
        // Deprecated signed-order min/max are not written.
        #expect(stats(0)[1] == nil && stats(0)[2] == nil)
    }

    @Test func stringBoundsCompareUnsignedUTF8Bytes() throws {
        let schema = Schema(Column(name: "s", type: .string))
        // As UTF-8 bytes: "Z" 0x5A < "a" 0x61 < "é" 0xC3 0xA9 < "中" 0xE4 ...
        let batch = try RecordBatch(schema: schema, columns: [.string(["é", "a", "中", "Z"])])
        for limit in [1 << 20, 0] {
            let options = WriterOptions(dictionaryPageSizeLimit: limit)
            let parquet = try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch], options: options))
            let stats = parquet.columnMeta(rowGroup: 0, column: 0).structure(12)!
            #expect(stats.binary(6) == Array("Z".utf8))
            #expect(stats.binary(5) == Array("中".utf8))
        }
    }

    @Test func doubleBoundsSkipNaNAndWriteSignedZeros() throws {
        let schema = Schema(Column(name: "d", type: .double, nullable: true))
        func bounds(_ values: [Double?]) throws -> (min: [UInt8]?, max: [UInt8]?, nan: Int64?, nulls: Int64?) {
            let batch = try RecordBatch(schema: schema, columns: [.double(values)])
            let parquet = try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch]))
            #expect(try parquet.column(0) == values.cells)
            let stats = parquet.columnMeta(rowGroup: 0, column: 0).structure(12)!
            return (stats.binary(6), stats.binary(5), stats.int(9), stats.int(3))
        }
        func le(_ v: Double) -> [UInt8] { withUnsafeBytes(of: v.bitPattern.littleEndian) { Array($0) } }

        let mixed = try bounds([2.5, .nan, -1.5, nil])
        #expect(mixed.min == le(-1.5) && mixed.max == le(2.5) && mixed.nan == 1 && mixed.nulls == 1)

        let zeros = try bounds([0.0, 0.0, 1.0])
        #expect(zeros.min == le(-0.0), "a zero minimum is written as -0.0")
        let negativeZeros = try bounds([-0.0, -3.0, -0.0])
        #expect(negativeZeros.max == le(0.0), "a zero maximum is written as +0.0")

        let allNaN = try bounds([.nan, .nan, nil])
        #expect(allNaN.min == nil && allNaN.max == nil && allNaN.nan == 2)

        let allNull = try bounds([nil, nil])
        #expect(allNull.min == nil && allNull.max == nil && allNull.nulls == 2 && allNull.nan == 0)
    }

    @Test func allNullStringColumnHasNoDictionaryAndNoBounds() throws {
        let schema = Schema(Column(name: "s", type: .string, nullable: true))
        let batch = try RecordBatch(schema: schema, columns: [.string([nil, nil, nil])])
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch]))
        #expect(try parquet.column(0) == [nil, nil, nil])
        let meta = parquet.columnMeta(rowGroup: 0, column: 0)
        #expect(meta.int(11) == nil)
        #expect(meta.structure(12)?.int(3) == 3)
        #expect(meta.structure(12)?.binary(6) == nil)
    }

    @Test func preEncodedUTF8ColumnWritesTheSameFileAsStrings() throws {
        let schema = Schema(Column(name: "s", type: .string, nullable: true))
        let values: [String?] = (0 ..< 5_000).map { $0 % 10 == 0 ? nil : "值-\($0 % 300)" }
        let fromStrings = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.string(values)])])
        let fromBytes = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.utf8(UTF8StringColumn(values))])])
        #expect(fromStrings == fromBytes)
        var column = UTF8StringColumn()
        column.append(utf8: Array("x".utf8))
        column.appendNull()
        #expect(column[0] == "x" && column[1] == nil && column.count == 2)
    }

    @Test func uncompressedAndZstdFilesHoldTheSameValues() throws {
        let table = Table(rows: 3_000)
        for compression in [Compression.uncompressed, .zstd(level: 1), .zstd(level: 19)] {
            let parquet = try TestParquetFile(ParquetWriter.encode(schema: Self.schema, batches: [table.batch()],
                                                                    options: WriterOptions(compression: compression)))
            #expect(parquet.columnMeta(rowGroup: 0, column: 0).int(4) == (compression == .uncompressed ? 0 : 6))
            for column in 0 ..< 6 {
                #expect(try parquet.column(column) == table.cells[column])
            }
        }
    }

    @Test func writingToAPathCreatesAReadableFile() throws {
        let path = "/tmp/parquet-tests-\(getpid())-roundtrip.parquet"
        defer { unlink(path) }
        let table = Table(rows: 100)
        let writer = try ParquetWriter(path: path, schema: Self.schema)
        try writer.write(table.batch())
        #expect(writer.rowsWritten == 100)
        try writer.close()
        #expect(throws: ParquetError.writerClosed) { try writer.write(table.batch()) }

        let file = fopen(path, "rb")!
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n == 0 { break }
            bytes.append(contentsOf: buffer[0 ..< n])
        }
        let parquet = try TestParquetFile(bytes)
        #expect(try parquet.column(1) == table.names.cells)
    }

    @Test func unopenablePathThrowsAnIOError() {
        #expect(throws: ParquetError.self) {
            try ParquetWriter(path: "/nonexistent-dir/x.parquet", schema: Self.schema)
        }
    }

    @Test func documentationExampleWritesWhatItSays() throws {
        // Mirrors the example in docs/parquet.md.
        let schema = Schema(
            Column(name: "report_id", type: .string),
            Column(name: "report_year", type: .int32),
            Column(name: "report_date", type: .date, nullable: true),
            Column(name: "value", type: .double, nullable: true)
        )
        let options = WriterOptions(
            compression: .zstd(level: 3),
            rowGroupRows: 1_000_000,
            keyValueMetadata: [("source", "pipeline run 42")]
        )
        let path = "/tmp/parquet-tests-\(getpid())-example.parquet"
        defer { unlink(path) }
        let writer = try ParquetWriter(path: path, schema: schema, options: options)
        let batch = try RecordBatch(schema: schema, columns: [
            .string(["a", "b"]),
            .int32([2023, 2024]),
            .date([19_000, nil]),
            .double([1.5, nil]),
        ])
        try writer.write(batch)
        try writer.close()
        let bytes: [UInt8] = try ParquetWriter.encode(schema: schema, batches: [batch], options: options)
        let parquet = try TestParquetFile(bytes)
        #expect(parquet.numRows == 2)
        #expect(try parquet.column(2) == [.int32(19_000), nil])
        #expect(parquet.footer.structs(5).first?.string(1) == "source")
    }
}

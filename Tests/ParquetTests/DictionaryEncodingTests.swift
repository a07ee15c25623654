import Testing
@testable import Parquet

/// Dictionary encoding as it lands in the file: a PLAIN dictionary page first, then
/// RLE_DICTIONARY data pages of bit-width-prefixed indices; PLAIN once the dictionary is too big.
@Suite struct DictionaryEncoding {
    let schema = Schema(Column(name: "s", type: .string))

    private func file(_ values: [String?], _ options: WriterOptions) throws -> TestParquetFile {
        let batch = try RecordBatch(schema: schema, columns: [.string(values)])
        return try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch], options: options))
    }

    @Test func smallColumnGetsPlainDictionaryPageAndBitPackedIndices() throws {
        let parquet = try file(["b", "a", "b", "b"], WriterOptions(compression: .uncompressed))
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.count == 2)
        // Dictionary page: type 2, PLAIN, entries in first-seen order, each 4-byte length + bytes.
        #expect(pages[0].type == 2)
        #expect(pages[0].header.structure(7)?.int(1) == 2)
        #expect(pages[0].header.structure(7)?.int(2) == 0)
        #expect(pages[0].body == [1, 0, 0, 0, 0x62, 1, 0, 0, 0, 0x61])
        // Data page: RLE_DICTIONARY; bit width 1, one bit-packed group: indices 0,1,0,0 -> 0b0010.
        #expect(pages[1].type == 0)
        #expect(pages[1].encoding == 8)
        #expect(pages[1].body == [0x01, 0x03, 0x02])
    }

    @Test func singleDistinctValueUsesBitWidthZero() throws {
        let parquet = try file(Array(repeating: "utf-8", count: 20), WriterOptions(compression: .uncompressed))
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        // bit width 0, then one RLE run of 20 with no value bytes.
        #expect(pages[1].body == [0x00, 0x28])
        #expect(try parquet.column(0) == Array(repeating: "utf-8", count: 20).cells)
    }

    @Test func tinyDictionaryLimitFallsBackToPlainPagesAfterTheFirstPage() throws {
        let values: [String?] = ["aaaa", "bbbb", "cccc", "dddd", "aaaa"]
        let options = WriterOptions(compression: .uncompressed, dictionaryPageSizeLimit: 10)
        let parquet = try file(values, options)
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        // "aaaa" (8 dictionary bytes) fits; "bbbb" makes 16 > 10: the page so far is written
        // with the dictionary, everything after is PLAIN.
        #expect(pages.map(\.type) == [2, 0, 0])
        #expect(pages[0].valueCount == 2)
        #expect(pages[1].encoding == 8)
        #expect(pages[1].valueCount == 2)
        #expect(pages[2].encoding == 0)
        #expect(pages[2].body == [4, 0, 0, 0] + Array("cccc".utf8) + [4, 0, 0, 0] + Array("dddd".utf8) + [4, 0, 0, 0] + Array("aaaa".utf8))
        #expect(try parquet.column(0) == values.cells)

        let meta = parquet.columnMeta(rowGroup: 0, column: 0)
        #expect(meta.list(2)?.compactMap(\.int) == [0, 3, 8])
        let stats = meta.structs(13).map { [$0.int(1)!, $0.int(2)!, $0.int(3)!] }
        #expect(stats == [[2, 0, 1], [0, 0, 1], [0, 8, 1]])
        // Bounds cover both the dictionary and the PLAIN values.
        #expect(meta.structure(12)?.binary(6) == Array("aaaa".utf8))
        #expect(meta.structure(12)?.binary(5) == Array("dddd".utf8))
    }

    @Test func uniquePerRowStringsFallBackUnderTheDefaultLimit() throws {
        let values: [String?] = (0 ..< 40_000).map { "unique-value-\($0)-with-some-padding-to-grow" }
        let parquet = try file(values, WriterOptions())
        let encodings = parquet.columnMeta(rowGroup: 0, column: 0).list(2)?.compactMap(\.int)
        #expect(encodings == [0, 3, 8])
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.contains { $0.type == 0 && $0.encoding == 0 })
        #expect(try parquet.column(0) == values.cells)
    }

    @Test func lowCardinalityColumnsStayDictionaryEncoded() throws {
        let values: [String?] = (0 ..< 50_000).map { "code-\($0 % 25)" }
        let parquet = try file(values, WriterOptions())
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.first?.type == 2)
        #expect(pages.dropFirst().allSatisfy { $0.encoding == 8 })
        #expect(parquet.columnMeta(rowGroup: 0, column: 0).structs(13).count == 2)
    }

    @Test func integerDictionaryHoldsDistinctValuesInFirstSeenOrder() throws {
        let schema = Schema(Column(name: "v", type: .int64))
        let batch = try RecordBatch(schema: schema, columns: [.int64([7, 0, 7, 7, -1])])
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch], options: WriterOptions(compression: .uncompressed)))
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        var expected: [UInt8] = []
        for v: Int64 in [7, 0, -1] { PlainEncoder.append(v, to: &expected) }
        #expect(pages[0].body == expected)
        // width 2: indices 0,1,0,0,2 -> one group: 00 01 00 00 10 (then zero padding).
        #expect(pages[1].body == [0x02, 0x03, 0x04, 0x02])
    }

    @Test func dictionaryCanBeDisabled() throws {
        let parquet = try file(["x", "x", "y"], WriterOptions(compression: .uncompressed, dictionaryEnabled: false))
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.count == 1)
        #expect(pages[0].encoding == 0)
        #expect(parquet.columnMeta(rowGroup: 0, column: 0).list(2)?.compactMap(\.int) == [0, 3])
        #expect(parquet.columnMeta(rowGroup: 0, column: 0).int(11) == nil)
    }

    @Test func repeatedStringInstancesEncodeExactlyLikeTheirBytes() throws {
        // Shared long strings, equal strings in distinct storage, inline small strings and
        // nulls, with a dictionary limit that runs out half-way: the String fast paths must
        // produce the same file as the byte-based UTF8StringColumn path.
        let shared = (0 ..< 40).map { "shared-value-\($0)-" + String(repeating: "x", count: 40) }
        var values: [String?] = []
        for row in 0 ..< 20_000 {
            switch row % 11 {
            case 0: values.append(nil)
            case 1, 2, 3: values.append(shared[(row / 11) % shared.count])
            case 4: values.append(String(shared[row % shared.count].utf8.map { Character(UnicodeScalar($0)) }))
            case 5, 6: values.append("s\(row % 5)")
            default: values.append(shared[row % 7])
            }
        }
        let schema = Schema(Column(name: "s", type: .string, nullable: true))
        for limit in [1 << 20, 1_500] {
            let options = WriterOptions(dictionaryPageSizeLimit: limit, dataPageSize: 2_000)
            let fromStrings = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.string(values)])], options: options)
            let fromBytes = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.utf8(UTF8StringColumn(values))])], options: options)
            #expect(fromStrings == fromBytes, "dictionary limit \(limit)")
            #expect(try TestParquetFile(fromStrings).column(0) == values.cells)
        }
    }

    @Test func runColumnsEncodeExactlyLikeOneStringPerRow() throws {
        // Runs of equal values and of nulls, cut by row groups and pages, with a dictionary
        // limit that runs out half-way: one lookup per run must give the per-row bytes.
        let distinct = (0 ..< 300).map { "value-\($0)-" + String(repeating: "y", count: $0 % 50) }
        var values: [String?] = []
        var runs = UTF8RunColumn()
        for run in 0 ..< 2_000 {
            let length = 1 + (run * 7) % 23
            let value: String? = run % 13 == 0 ? nil : distinct[(run * 31) % distinct.count]
            values += repeatElement(value, count: length)
            if let value { runs.append(value, count: length) } else { runs.appendNull(count: length) }
        }
        #expect(runs.count == values.count)
        #expect((0 ..< values.count).allSatisfy { runs[$0] == values[$0] })
        let schema = Schema(Column(name: "s", type: .string, nullable: true))
        for (limit, rowGroup) in [(1 << 20, 1_000_000), (1_500, 997)] {
            let options = WriterOptions(rowGroupRows: rowGroup, dictionaryPageSizeLimit: limit, dataPageSize: 2_000)
            let fromStrings = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.string(values)])], options: options)
            let fromRuns = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.utf8Runs(runs)])], options: options)
            #expect(fromStrings == fromRuns, "dictionary limit \(limit), row groups of \(rowGroup)")
        }
    }

    @Test func codeColumnsEncodeExactlyLikeOneStringPerRow() throws {
        // Codes into a list, cut by row groups and pages, with a dictionary limit that runs out
        // half-way: one lookup per code and append must give the per-row bytes.
        let list = (0 ..< 300).map { "code-\($0)-" + String(repeating: "z", count: $0 % 40) }
        var codes = UTF8CodeColumn(values: UTF8StringColumn(list))
        var values: [String?] = []
        for row in 0 ..< 6_000 {
            let code = (row / 3 * 31 + row % 3) % list.count
            codes.append(code: code)
            values.append(list[code])
        }
        #expect((0 ..< values.count).allSatisfy { codes[$0] == values[$0] })
        let schema = Schema(Column(name: "s", type: .string))
        for (limit, rowGroup) in [(1 << 20, 1_000_000), (1_500, 997)] {
            let options = WriterOptions(rowGroupRows: rowGroup, dictionaryPageSizeLimit: limit, dataPageSize: 2_000)
            let fromStrings = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.string(values)])], options: options)
            let fromCodes = try ParquetWriter.encode(schema: schema, batches: [RecordBatch(schema: schema, columns: [.utf8Codes(codes)])], options: options)
            #expect(fromStrings == fromCodes, "dictionary limit \(limit), row groups of \(rowGroup)")
        }
    }

    @Test func codeColumnsTakeValuesMissingFromTheirList() {
        var codes = UTF8CodeColumn(values: UTF8StringColumn(["a", "b"]))
        codes.append("b")
        codes.append("c")
        codes.append("c")
        #expect(codes.codes == [1, 2, 2])
        #expect(codes.values.count == 3)
        #expect((0 ..< 3).map { codes[$0] } == ["b", "c", "c"])
    }

    @Test func manyRepeatsKeepTheDictionaryPastTheSoftLimitUpToEightTimesIt() throws {
        // 100 distinct 60-byte values (6,400 dictionary bytes) drawn at random for 5,000 rows.
        let distinct = (0 ..< 100).map { String(repeating: "\($0 % 10)", count: 50) + String(1_000_000_000 + $0) }
        var state: UInt64 = 99
        let values: [String?] = (0 ..< 5_000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return distinct[Int(state >> 33) % distinct.count]
        }
        func dataPageEncodings(limit: Int) throws -> Set<Int64> {
            let parquet = try file(values, WriterOptions(compression: .uncompressed, dictionaryPageSizeLimit: limit))
            #expect(try parquet.column(0) == values.cells)
            return Set(try parquet.pages(rowGroup: 0, column: 0).filter { $0.type == 0 }.map { $0.encoding! })
        }
        // Soft limit 4,096 is passed, but the values repeat: the dictionary stays.
        #expect(try dataPageEncodings(limit: 4_096) == [8])
        // Soft limit 512: 8 x 512 = 4,096 < 6,400, so the hard limit forces PLAIN.
        #expect(try dataPageEncodings(limit: 512) == [0, 8])
    }
}

/// A dictionary that does not pay on its chunk's first page is given up there: unique values
/// (ids, paths) go PLAIN after one page instead of growing a dictionary up to the soft limit.
@Suite struct DictionaryGivenUpAfterFirstPage {
    let schema = Schema(Column(name: "s", type: .string))

    /// `values` written uncompressed in pages of 100 values.
    private func file(_ values: [String?]) throws -> TestParquetFile {
        let options = WriterOptions(compression: .uncompressed, dataPageValueLimit: 100)
        let batch = try RecordBatch(schema: schema, columns: [.string(values)])
        return try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch], options: options))
    }

    @Test func uniqueValuesGoPlainAfterTheFirstPage() throws {
        let values: [String?] = (0 ..< 1_000).map { "id-\($0)" }
        let parquet = try file(values)
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.map(\.type) == [2] + Array(repeating: 0, count: 10))
        #expect(pages[0].valueCount == 100)
        #expect(pages[1].encoding == 8)
        #expect(pages.dropFirst(2).allSatisfy { $0.encoding == 0 })
        #expect(try parquet.column(0) == values.cells)
    }

    @Test func repeatingValuesKeepTheirDictionary() throws {
        let values: [String?] = (0 ..< 1_000).map { "code-\($0 % 30)" }
        let parquet = try file(values)
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.dropFirst().allSatisfy { $0.encoding == 8 })
        #expect(try parquet.column(0) == values.cells)
    }

    @Test func runCrossingTheFirstPageEndContinuesPlain() throws {
        // 90 distinct values, then one value on 50 rows: the first page ends inside the run with
        // 91 entries for 100 values, so the run's last 40 rows must go PLAIN, not as indices.
        var runs = UTF8RunColumn()
        for i in 0 ..< 90 { runs.append("v\(i)") }
        runs.append("same", count: 50)
        let expected: [String?] = (0 ..< 90).map { "v\($0)" } + Array(repeating: "same", count: 50)
        let options = WriterOptions(compression: .uncompressed, dataPageValueLimit: 100)
        let parquet = try TestParquetFile(ParquetWriter.encode(
            schema: schema, batches: [RecordBatch(schema: schema, columns: [.utf8Runs(runs)])], options: options))
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages.map(\.encoding) == [nil, 8, 0])
        #expect(pages.map(\.valueCount) == [91, 100, 40])
        #expect(try parquet.column(0) == expected.cells)
    }

    @Test func fixedWidthUniqueValuesGoPlainToo() throws {
        let schema = Schema(Column(name: "n", type: .int64))
        let values: [Int64?] = (0 ..< 1_000).map { Int64($0) * 7 }
        let options = WriterOptions(compression: .uncompressed, dataPageValueLimit: 100)
        let batch = try RecordBatch(schema: schema, columns: [.int64(values)])
        let parquet = try TestParquetFile(ParquetWriter.encode(schema: schema, batches: [batch], options: options))
        let pages = try parquet.pages(rowGroup: 0, column: 0)
        #expect(pages[1].encoding == 8)
        #expect(pages.dropFirst(2).allSatisfy { $0.encoding == 0 })
        #expect(try parquet.column(0) == values.map { $0.map(CellValue.int64) })
    }
}

/// Fixed-width values already in the dictionary go in as stretches up to the next page check;
/// the file must be the one written a value at a time (batches of one row), nulls, new values
/// and a dictionary given up in the middle of a batch included.
@Suite struct FixedWidthStretches {
    private func bytes(_ values: [Int64?], batchRows: Int, _ options: WriterOptions) throws -> [UInt8] {
        let schema = Schema(Column(name: "v", type: .int64, nullable: true))
        let batches = try stride(from: 0, to: values.count, by: batchRows).map {
            try RecordBatch(schema: schema, columns: [.int64(Array(values[$0 ..< min($0 + batchRows, values.count)]))])
        }
        return try ParquetWriter.encode(schema: schema, batches: batches, options: options)
    }

    @Test func sameFileAsOneValueAtATime() throws {
        var state: UInt64 = 7
        // Mostly a few repeating values, some nulls, and a growing set of new ones.
        let values: [Int64?] = (0 ..< 5_000).map { row in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            switch state >> 60 {
            case 0: return nil
            case 1: return Int64(row)
            default: return Int64(state >> 62)
            }
        }
        // Pages of 300 values; then a dictionary given up inside the batch: 8-byte keys pass the
        // soft limit of 256 bytes at 33 entries, and the 8 × limit hard limit at 257.
        let cases: [(WriterOptions, Set<Int64>)] = [
            (WriterOptions(compression: .uncompressed, dataPageValueLimit: 300), [8]),
            (WriterOptions(compression: .uncompressed, dictionaryPageSizeLimit: 256, dataPageValueLimit: 1_000), [0, 8]),
        ]
        for (options, encodings) in cases {
            let whole = try bytes(values, batchRows: values.count, options)
            #expect(whole == (try bytes(values, batchRows: 1, options)))
            let parquet = try TestParquetFile(whole)
            #expect(try parquet.column(0) == values.cells)
            #expect(Set(try parquet.pages(rowGroup: 0, column: 0).filter { $0.type == 0 }.map { $0.encoding! }) == encodings)
        }
    }
}

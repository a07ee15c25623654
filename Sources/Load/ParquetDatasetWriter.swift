import DisclosureModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Parquet

/// Writes a dataset as Parquet under `parquet/<dataset>/`: ZSTD-compressed, typed as the contract
/// says, with the tool and pipeline in the footer's key-value metadata.
///
/// With `partitionByYear`, datasets that have `report_year` go into Hive-style
/// `report_year=YYYY/` folders (the column then lives in the path, as Hive readers expect; with
/// `yearInFiles` in each file too, which pyarrow, polars, DuckDB and Spark read but pandas does not).
public struct ParquetDatasetWriter: DatasetWriter {
    public var format: String { "parquet" }
    public let compressionLevel: Int32
    public let rowGroupRows: Int
    public let partitionByYear: Bool
    public let yearInFiles: Bool
    public let metadata: [(key: String, value: String)]
    /// Whether a large append encodes its columns on several threads (`WriterOptions`); a run
    /// with `--jobs 1` keeps to one.
    public let concurrentColumns: Bool

    public static let createdBy = "disclosure-etl version \(ToolVersion.current) (build parquet-swift 0.1.0)"

    public init(compressionLevel: Int32 = 3, rowGroupRows: Int = 1_000_000, partitionByYear: Bool = false,
                yearInFiles: Bool = false, metadata: [(key: String, value: String)] = [], concurrentColumns: Bool = true) {
        self.compressionLevel = compressionLevel
        self.rowGroupRows = rowGroupRows
        self.partitionByYear = partitionByYear
        self.yearInFiles = yearInFiles
        self.metadata = metadata
        self.concurrentColumns = concurrentColumns
    }

    /// A row group is also written once it holds this much (`WriterOptions.rowGroupBytes`): the
    /// per-report datasets (`reports`, `reports_wide`) would otherwise keep every report of a
    /// run in memory, as their rows never reach `row_group_rows` in an ordinary run.
    static let rowGroupBytes = 2 << 20

    var options: WriterOptions {
        WriterOptions(compression: .zstd(level: compressionLevel), rowGroupRows: rowGroupRows, rowGroupBytes: Self.rowGroupBytes,
                      concurrentColumns: concurrentColumns, keyValueMetadata: metadata, createdBy: Self.createdBy)
    }

    public func open(_ schema: DatasetSchema, outputRoot: String, part: PartName) throws -> any DatasetSink {
        let partitioned = partitionByYear && schema.columns.contains { $0.name == "report_year" }
        return ParquetSink(schema: schema, folder: "parquet/\(schema.name)", outputRoot: outputRoot,
                           fileName: "\(part.stem).parquet", partitioned: partitioned, yearInFiles: yearInFiles, options: options)
    }

    /// The Parquet schema of a dataset, optionally without one column (the partition column).
    static func parquetSchema(_ schema: DatasetSchema, dropping dropped: String? = nil) -> Schema {
        Schema(columns: schema.columns.filter { $0.name != dropped }.map { column in
            let type: ParquetType
            switch column.type {
            case .string: type = .string
            case .int32: type = .int32
            case .int64: type = .int64
            case .double: type = .double
            case .date: type = .date
            }
            return Column(name: column.name, type: type, nullable: column.nullable)
        })
    }
}

/// One dataset being written as one Parquet file, or one per report year.
final class ParquetSink: DatasetSink {
    let schema: DatasetSchema
    let folder: String
    let outputRoot: String
    let fileName: String
    let partitioned: Bool
    /// Whether a partitioned file keeps `report_year` among its columns.
    let yearInFiles: Bool
    let options: WriterOptions
    /// The files' Parquet schemas, made once rather than for every chunk appended (`reports_wide`
    /// has hundreds of columns, compared again by the writer on each batch).
    private let wholeSchema: Schema
    private let partSchema: Schema
    private var writers: [Int32: (writer: ParquetWriter, file: StagedFile)] = [:]
    private var whole: (writer: ParquetWriter, file: StagedFile)?

    init(schema: DatasetSchema, folder: String, outputRoot: String, fileName: String, partitioned: Bool, yearInFiles: Bool,
         options: WriterOptions) {
        self.schema = schema
        self.folder = folder
        self.outputRoot = outputRoot
        self.fileName = fileName
        self.partitioned = partitioned
        self.yearInFiles = yearInFiles
        self.options = options
        wholeSchema = ParquetDatasetWriter.parquetSchema(schema)
        partSchema = ParquetDatasetWriter.parquetSchema(schema, dropping: yearInFiles ? nil : "report_year")
    }

    /// Every dataset with a `report_id` is written in its order (then the template's printed
    /// order, which is no column): declared so readers need not sort again. `rejects` has none.
    static func sorting(_ schema: Schema) -> [SortingColumn] {
        guard let index = schema.columns.firstIndex(where: { $0.name == "report_id" }) else { return [] }
        return [SortingColumn(columnIndex: Int32(index))]
    }

    private func makeWriter(relative: String, schema parquetSchema: Schema) throws -> (writer: ParquetWriter, file: StagedFile) {
        let finalPath = outputRoot + "/" + relative
        try AtomicFile.createParent(of: finalPath)
        let temporary = AtomicFile.temporaryPath(for: finalPath)
        do {
            var options = options
            options.sortingColumns = Self.sorting(parquetSchema)
            options.dataPageValueLimit = Self.pageValueLimit(columns: parquetSchema.columns.count, default: options.dataPageValueLimit)
            let writer = try ParquetWriter(path: temporary, schema: parquetSchema, options: options)
            return (writer, StagedFile(temporaryPath: temporary, finalPath: finalPath, relativePath: relative))
        } catch {
            throw LoadError("\(temporary): cannot start a Parquet file: \(error)")
        }
    }

    /// Values per data page. Every column of a file holds its open page in memory (up to about
    /// five bytes a value: index and level) while rows come in, so a file of hundreds of columns
    /// (`reports_wide`) gets shorter pages: its open pages together stay near a few megabytes
    /// instead of growing with its column count.
    static func pageValueLimit(columns: Int, default limit: Int) -> Int {
        min(limit, max(1_024, (1 << 20) / max(columns, 1)))
    }

    func append(encoded: EncodedChunk) throws {
        guard case .table(let chunk) = encoded else { throw LoadError("\(outputRoot)/\(folder): Parquet needs rows, not bytes") }
        do {
            if partitioned {
                try appendPartitioned(chunk)
            } else {
                if whole == nil { whole = try makeWriter(relative: "\(folder)/\(fileName)", schema: wholeSchema) }
                try whole?.writer.write(RecordBatch(schema: wholeSchema, columns: Self.parquetColumns(chunk)))
            }
        } catch let error as LoadError {
            throw error
        } catch {
            throw LoadError("\(outputRoot)/\(folder): Parquet write failed: \(error)")
        }
    }

    /// Splits the chunk by report year, keeping row order within each year.
    private func appendPartitioned(_ chunk: DatasetTable) throws {
        guard let yearIndex = schema.columns.firstIndex(where: { $0.name == "report_year" }),
              case let values = Self.parquetColumns(chunk), case .int32(let years) = values[yearIndex] else { return }
        var rowsByYear: [Int32: [Int]] = [:]
        for (row, year) in years.enumerated() { rowsByYear[year ?? 0, default: []].append(row) }
        let columns = yearInFiles ? values : values.enumerated().filter { $0.offset != yearIndex }.map(\.element)
        for year in rowsByYear.keys.sorted() {
            let rows = rowsByYear[year] ?? []
            if writers[year] == nil {
                writers[year] = try makeWriter(relative: "\(folder)/report_year=\(year)/\(fileName)", schema: partSchema)
            }
            let batch = try RecordBatch(schema: partSchema, columns: columns.map { Self.select($0, rows) })
            try writers[year]?.writer.write(batch)
        }
    }

    func finish() throws -> [StagedFile] {
        if !partitioned && whole == nil || partitioned && writers.isEmpty {
            // An empty dataset still gets a file with its schema and no rows.
            whole = try makeWriter(relative: "\(folder)/\(fileName)", schema: wholeSchema)
        }
        var staged: [StagedFile] = []
        do {
            if let whole {
                try whole.writer.close()
                staged.append(whole.file)
            }
            for year in writers.keys.sorted() {
                guard let entry = writers[year] else { continue }
                try entry.writer.close()
                staged.append(entry.file)
            }
        } catch {
            throw LoadError("\(outputRoot)/\(folder): cannot finish a Parquet file: \(error)")
        }
        return staged
    }

    func abandon() {
        if let whole { unlink(whole.file.temporaryPath) }
        for entry in writers.values { unlink(entry.file.temporaryPath) }
    }

    /// The chunk's columns as Parquet's: the same arrays, not copies.
    static func parquetColumns(_ chunk: DatasetTable) -> [ColumnValues] {
        chunk.values.map { column in
            switch column {
            case .text(let runs): .utf8Runs(UTF8RunColumn(values: parquetText(runs.values), runEnds: runs.runEnds))
            case .codes(let codes): .utf8Codes(UTF8CodeColumn(values: parquetText(codes.list), codes: codes.codes))
            case .int32(let values): .int32(values)
            case .date(let values): .date(values)
            case .int64(let values): .int64(values)
            case .double(let values): .double(values)
            }
        }
    }

    private static func parquetText(_ values: TextValues) -> UTF8StringColumn {
        UTF8StringColumn(bytes: values.bytes, offsets: values.offsets, validity: values.validity)
    }

    static func select(_ column: ColumnValues, _ rows: [Int]) -> ColumnValues {
        switch column {
        case .string(let v): .string(rows.map { v[$0] })
        case .utf8(let v): .utf8(v.selecting(rows))
        case .utf8Runs(let v): .utf8Runs(v.selecting(rows))
        case .utf8Codes(let v): .utf8Codes(v.selecting(rows))
        case .int32(let v): .int32(rows.map { v[$0] })
        case .int64(let v): .int64(rows.map { v[$0] })
        case .double(let v): .double(rows.map { v[$0] })
        case .boolean(let v): .boolean(rows.map { v[$0] })
        case .date(let v): .date(rows.map { v[$0] })
        }
    }
}

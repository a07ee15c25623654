/// Writes a Parquet file: `PAR1`, then row groups of column chunks as rows arrive, then the
/// footer (Thrift `FileMetaData`), its length and `PAR1` again.
///
/// ```swift
/// let schema = Schema(Column(name: "id", type: .int64), Column(name: "name", type: .string, nullable: true))
/// let writer = try ParquetWriter(path: "out.parquet", schema: schema)
/// try writer.write(RecordBatch(schema: schema, columns: [.int64([1, 2]), .string(["a", nil])]))
/// try writer.close()
/// ```
///
/// Output is deterministic: the same rows and options always give the same bytes.
/// A writer is not thread-safe; use it from one task at a time.
public final class ParquetWriter {
    public let schema: Schema
    public let options: WriterOptions
    private let sink: any ByteSink
    private let output: CountingOutput
    private let rowGroup: RowGroupWriter
    private var rowGroups: [RowGroup] = []
    private var totalRows: Int64 = 0
    private var closed = false
    /// Set when a write failed part-way: column chunks may then disagree, so nothing more is written.
    private var failure: String?

    static let magic: [UInt8] = Array("PAR1".utf8)

    /// Creates (or truncates) the file at `path`.
    public convenience init(path: String, schema: Schema, options: WriterOptions = WriterOptions()) throws {
        try self.init(sink: FileSink(path: path), schema: schema, options: options)
    }

    /// Writes to any sink, e.g. a `MemorySink`.
    public init(sink: any ByteSink, schema: Schema, options: WriterOptions = WriterOptions()) throws {
        try options.validate()
        try ParquetWriter.validate(schema)
        for key in options.sortingColumns where !(0..<Int32(schema.columns.count)).contains(key.columnIndex) {
            throw ParquetError.invalidOption("sorting column \(key.columnIndex) is not a column of the schema (0..<\(schema.columns.count))")
        }
        self.schema = schema
        self.options = options
        self.sink = sink
        output = CountingOutput(sink: sink)
        rowGroup = RowGroupWriter(schema: schema, options: options)
        try output.write(ParquetWriter.magic)
    }

    /// Rows accepted so far (written or buffered).
    public var rowsWritten: Int { Int(totalRows) + rowGroup.rowCount }

    /// Adds the batch's rows; a row group is written each time `rowGroupRows` rows are buffered,
    /// and after the batch if the group holds `rowGroupBytes`.
    public func write(_ batch: RecordBatch) throws {
        guard !closed else { throw ParquetError.writerClosed }
        if let failure { throw ParquetError.writerFailed(failure) }
        guard batch.schema == schema else {
            throw ParquetError.schemaMismatch("the batch was built for another schema")
        }
        do {
            var start = 0
            while start < batch.rowCount {
                let take = min(options.rowGroupRows - rowGroup.rowCount, batch.rowCount - start)
                try rowGroup.append(batch, range: start ..< start + take)
                start += take
                if rowGroup.rowCount == options.rowGroupRows {
                    try flushRowGroup()
                }
            }
            if let limit = options.rowGroupBytes, rowGroup.rowCount > 0, rowGroup.bufferedBytes >= limit {
                try flushRowGroup()
            }
        } catch {
            failure = "\(error)"
            throw error
        }
    }

    /// Writes buffered rows and the footer, and closes the sink. A file with no rows has
    /// the schema and zero row groups, which every mainstream reader accepts.
    public func close() throws {
        guard !closed else { throw ParquetError.writerClosed }
        closed = true
        if let failure {
            try? sink.close()
            throw ParquetError.writerFailed(failure)
        }
        if rowGroup.rowCount > 0 { try flushRowGroup() }
        let footer = FileMetaData(
            schema: schemaElements(),
            numRows: totalRows,
            rowGroups: rowGroups,
            keyValueMetadata: options.keyValueMetadata.map { KeyValue(key: $0.key, value: $0.value) },
            createdBy: options.createdBy,
            leafCount: schema.columns.count
        ).serialized(capacity: 1024)
        try output.write(footer)
        let length = UInt32(footer.count).littleEndian
        try withUnsafeBytes(of: length) { try output.write($0) }
        try output.write(ParquetWriter.magic)
        try output.flush()
        try sink.close()
    }

    /// Encodes `batches` into an in-memory Parquet file.
    public static func encode(schema: Schema, batches: [RecordBatch], options: WriterOptions = WriterOptions()) throws -> [UInt8] {
        let sink = MemorySink()
        let writer = try ParquetWriter(sink: sink, schema: schema, options: options)
        for batch in batches { try writer.write(batch) }
        try writer.close()
        return sink.bytes
    }

    private func flushRowGroup() throws {
        guard rowGroups.count < Int(Int16.max) else {
            throw ParquetError.invalidOption("more than \(Int16.max) row groups; raise rowGroupRows")
        }
        let rows = rowGroup.rowCount
        rowGroups.append(try rowGroup.write(to: output, ordinal: Int16(rowGroups.count)))
        totalRows += Int64(rows)
        // Nothing more is written before the next row group is complete.
        try output.flush(releasingBuffer: true)
    }

    private func schemaElements() -> [SchemaElement] {
        var elements = [SchemaElement(name: "schema", numChildren: Int32(schema.columns.count))]
        for column in schema.columns {
            var element = SchemaElement(
                repetitionType: column.nullable ? .optional : .required,
                name: column.name
            )
            switch column.type {
            case .string:
                element.type = .byteArray
                element.convertedType = .utf8
                element.logicalType = .string
            case .int32:
                element.type = .int32
            case .int64:
                element.type = .int64
            case .double:
                element.type = .double
            case .boolean:
                element.type = .boolean
            case .date:
                element.type = .int32
                element.convertedType = .date
                element.logicalType = .date
            }
            elements.append(element)
        }
        return elements
    }

    private static func validate(_ schema: Schema) throws {
        guard !schema.columns.isEmpty else { throw ParquetError.invalidSchema("no columns") }
        var seen = Set<String>()
        for column in schema.columns {
            guard !column.name.isEmpty else { throw ParquetError.invalidSchema("empty column name") }
            guard seen.insert(column.name).inserted else {
                throw ParquetError.invalidSchema("duplicate column name '\(column.name)'")
            }
        }
    }
}

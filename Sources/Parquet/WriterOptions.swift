/// How pages are compressed. Each page is compressed on its own, as Parquet requires.
public enum Compression: Sendable, Hashable {
    case uncompressed
    /// One ZSTD frame per page; levels as in the zstd CLI (1...22, negative for fast modes).
    case zstd(level: Int32)

    /// ZSTD at level 3, zstd's own default: a good size/speed balance.
    public static let zstd: Compression = .zstd(level: 3)
}

/// Knobs for `ParquetWriter`. The defaults suit files read by Spark, DuckDB, Polars and pyarrow.
public struct WriterOptions: Sendable {
    public var compression: Compression
    /// Rows per row group. Large groups compress better; readers parallelise across groups.
    public var rowGroupRows: Int
    /// Also write a row group once it holds this many bytes (its compressed data pages and
    /// its dictionaries' PLAIN size), checked after each `write`; nil: by `rowGroupRows` only.
    /// A writer keeps its open row group in memory, so this bounds the memory of a file whose
    /// rows are wide or whose text does not repeat, where `rowGroupRows` alone would not.
    public var rowGroupBytes: Int?
    /// Whether to try dictionary encoding (never used for booleans, where it cannot help).
    public var dictionaryEnabled: Bool
    /// Soft limit on a column chunk's dictionary (its PLAIN size in bytes). Past it, the chunk
    /// writes PLAIN pages from then on unless the dictionary still clearly pays (at most 3/4
    /// of the values so far were new, and it is under 8× this size). Unique-per-row text or
    /// ids thus fall back here; many repeats of tens of thousands of values keep the dictionary.
    public var dictionaryPageSizeLimit: Int
    /// Target uncompressed size of one data page.
    public var dataPageSize: Int
    /// Most values (nulls included) in one data page; a page is cut at `dataPageSize` bytes or
    /// at this many values, whichever comes first. Indices into a small dictionary take a few
    /// bits each, so without it one page could hold a whole row group, and the writer keeps a
    /// page's indices and levels (up to 5 bytes a value) in memory until the page is cut.
    /// Same default as parquet-mr's page row-count limit.
    public var dataPageValueLimit: Int
    /// Encode and compress the columns of large appends on several threads (output is the
    /// same either way; this only changes how fast it is produced).
    public var concurrentColumns: Bool
    /// Written to the footer in this order, which keeps output deterministic.
    public var keyValueMetadata: [(key: String, value: String)]
    /// Footer `created_by`; readers parse it as `name version x.y.z (build h)` to apply
    /// writer-specific workarounds, so keep that shape.
    public var createdBy: String
    /// The order the caller wrote the rows in, declared in every row group (`sorting_columns`),
    /// so readers may skip sorting again. The writer does not check it: declare only what holds.
    public var sortingColumns: [SortingColumn]

    public static let defaultCreatedBy = "parquet-swift version 0.1.0 (build local)"

    public init(
        compression: Compression = .zstd,
        rowGroupRows: Int = 1_000_000,
        rowGroupBytes: Int? = nil,
        dictionaryEnabled: Bool = true,
        dictionaryPageSizeLimit: Int = 1 << 20,
        dataPageSize: Int = 1 << 20,
        dataPageValueLimit: Int = 20_000,
        concurrentColumns: Bool = true,
        keyValueMetadata: [(key: String, value: String)] = [],
        createdBy: String = WriterOptions.defaultCreatedBy,
        sortingColumns: [SortingColumn] = []
    ) {
        self.compression = compression
        self.rowGroupRows = rowGroupRows
        self.rowGroupBytes = rowGroupBytes
        self.dictionaryEnabled = dictionaryEnabled
        self.dictionaryPageSizeLimit = dictionaryPageSizeLimit
        self.dataPageSize = dataPageSize
        self.dataPageValueLimit = dataPageValueLimit
        self.concurrentColumns = concurrentColumns
        self.keyValueMetadata = keyValueMetadata
        self.createdBy = createdBy
        self.sortingColumns = sortingColumns
    }

    func validate() throws {
        guard rowGroupRows > 0 else { throw ParquetError.invalidOption("rowGroupRows must be positive") }
        if let rowGroupBytes, rowGroupBytes <= 0 { throw ParquetError.invalidOption("rowGroupBytes must be positive") }
        // Page sizes are 32-bit in page headers; keep well clear of that.
        guard dataPageSize > 0, dataPageSize <= 1 << 30 else {
            throw ParquetError.invalidOption("dataPageSize must be in 1...\(1 << 30)")
        }
        // Page value counts are 32-bit too.
        guard dataPageValueLimit > 0, dataPageValueLimit <= Int(Int32.max) else {
            throw ParquetError.invalidOption("dataPageValueLimit must be in 1...\(Int32.max)")
        }
        guard dictionaryPageSizeLimit >= 0, dictionaryPageSizeLimit <= 1 << 30 else {
            throw ParquetError.invalidOption("dictionaryPageSizeLimit must be in 0...\(1 << 30)")
        }
        if case let .zstd(level) = compression, level > 22 {
            throw ParquetError.invalidOption("zstd level \(level) is above 22")
        }
    }
}

/// One key of the rows' order: a leaf column by its position in the schema, ascending or not.
public struct SortingColumn: Sendable, Hashable {
    public var columnIndex: Int32
    public var descending: Bool
    public var nullsFirst: Bool

    public init(columnIndex: Int32, descending: Bool = false, nullsFirst: Bool = false) {
        self.columnIndex = columnIndex
        self.descending = descending
        self.nullsFirst = nullsFirst
    }
}

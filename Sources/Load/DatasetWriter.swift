/// A file format for datasets. CSV and Parquet sit behind this one protocol.
///
/// Rows arrive in chunks, in output order, so a run never holds a whole dataset in memory.
public protocol DatasetWriter: Sendable {
    /// The name used in pipeline files (`csv`, `csv.zst`, `parquet`).
    var format: String { get }

    /// Starts writing one dataset under `outputRoot`.
    func open(_ schema: DatasetSchema, outputRoot: String, part: PartName) throws -> any DatasetSink

    /// Prepares a chunk for `DatasetSink.append(encoded:)`. Pure, so workers run it in parallel
    /// while the sink appends in order (CSV turns rows into bytes here).
    func encode(_ chunk: DatasetTable) -> EncodedChunk
}

extension DatasetWriter {
    public func encode(_ chunk: DatasetTable) -> EncodedChunk { .table(chunk) }
}

/// A chunk of rows made ready for a sink: bytes to append, or the rows themselves.
public enum EncodedChunk: Sendable {
    case bytes([UInt8])
    case table(DatasetTable)
}

/// One dataset being written: temporary files until the load commits them all at once.
public protocol DatasetSink: AnyObject {
    /// Appends a chunk that this sink's writer encoded.
    func append(encoded: EncodedChunk) throws

    /// Closes the temporary files and returns them, ready to be renamed into place.
    func finish() throws -> [StagedFile]

    /// Removes the temporary files after a failure.
    func abandon()
}

/// A finished temporary file and where it goes.
public struct StagedFile: Sendable, Hashable {
    public let temporaryPath: String
    public let finalPath: String
    /// `finalPath` relative to the output root, as the summary lists it.
    public let relativePath: String
}

/// Names the files of one machine's share when a run is split with `--shard K/N`, so N machines
/// fill one output folder without collisions.
public struct PartName: Sendable, Hashable {
    public let shard: Int
    public let shardCount: Int

    public static let whole = PartName(shard: 0, shardCount: 1)

    public init(shard: Int, shardCount: Int) {
        self.shard = shard
        self.shardCount = shardCount
    }

    /// `part-0` for a whole run, `part-2-of-4` for shard 2 of 4.
    public var stem: String { shardCount == 1 ? "part-0" : "part-\(shard)-of-\(shardCount)" }

    /// `` for a whole run, `.part-2-of-4` for shard 2 of 4 (CSV files keep their dataset name).
    public var csvSuffix: String { shardCount == 1 ? "" : ".\(stem)" }
}

/// A write that failed; names the file and the system's reason.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A file format for datasets. CSV and Parquet sit behind this one protocol.
public protocol DatasetWriter: Sendable {
    /// The name used in pipeline files and the output folder (`csv`, `parquet`).
    var format: String { get }

    /// Writes one dataset under `outputRoot` and returns the paths written, relative to it.
    func write(_ table: DatasetTable, to outputRoot: String) throws -> [String]
}

/// A write that failed; names the file and the system's reason.
public struct LoadError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

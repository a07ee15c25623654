import DisclosureModel

/// The load stage: builds the datasets and hands each to every configured writer.
public struct Loader: Sendable {
    public let writers: [any DatasetWriter]

    public init(writers: [any DatasetWriter]) {
        self.writers = writers
    }

    /// Writes all seven datasets (empty ones too, so a schema is always there) and returns the
    /// paths written, relative to `outputRoot`.
    public func load(reports: [TransformedReport], rejects: [Reject], to outputRoot: String) throws -> [String] {
        var builder = DatasetBuilder()
        builder.add(reports: reports, rejects: rejects)
        var written: [String] = []
        for schema in Datasets.all {
            guard let table = builder.tables[schema.name] else { continue }
            for writer in writers {
                written += try writer.write(table, to: outputRoot)
            }
        }
        return written
    }
}

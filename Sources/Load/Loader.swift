import DisclosureModel
import Dispatch
import Synchronization

/// The load stage: streams rows into every configured writer, then commits all files together.
///
/// Files are written under temporary names and renamed into place only once every dataset is
/// complete, so a run killed during load leaves the previous outputs whole.
public struct Loader: Sendable {
    /// Bumped whenever the datasets change shape; outputs of another version are rewritten.
    public static let version = "load-5"

    public let writers: [any DatasetWriter]
    public let part: PartName

    public init(writers: [any DatasetWriter], part: PartName = .whole) {
        self.writers = writers
        self.part = part
    }

    /// Opens a sink for every dataset and format.
    public func begin(outputRoot: String) throws -> LoadSession {
        var sinks: [String: [any DatasetSink]] = [:]
        do {
            for schema in Datasets.all {
                for writer in writers {
                    sinks[schema.name, default: []].append(try writer.open(schema, outputRoot: outputRoot, part: part))
                }
            }
        } catch {
            for list in sinks.values { for sink in list { sink.abandon() } }
            throw error
        }
        return LoadSession(sinks: sinks, writers: writers)
    }

    /// Writes everything at once: for tests and small runs.
    public func load(reports: [TransformedReport], rejects: [Reject], to outputRoot: String) throws -> [String] {
        let session = try begin(outputRoot: outputRoot)
        do {
            var builder = DatasetBuilder()
            builder.add(reports: reports, rejects: rejects)
            try session.append(builder)
            return try session.commit()
        } catch {
            session.abandon()
            throw error
        }
    }
}

/// Datasets being written by one load.
public final class LoadSession {
    private let sinks: [String: [any DatasetSink]]
    /// Encodes chunks for these sinks; Sendable, so workers can use it.
    public let encoder: ChunkEncoder

    init(sinks: [String: [any DatasetSink]], writers: [any DatasetWriter]) {
        self.sinks = sinks
        self.encoder = ChunkEncoder(writers: writers)
    }

    /// Appends the rows a builder holds, dataset by dataset.
    public func append(_ builder: DatasetBuilder) throws {
        try append(encoder.encode(builder))
    }

    /// Appends chunks encoded by `encoder`, in the order given.
    public func append(_ encoded: ChunkEncoder.Encoded) throws {
        try append([encoded], parallel: false)
    }

    /// Appends a round of encoded chunks, in the order given. With `parallel`, datasets are
    /// appended side by side (their sinks share nothing; Parquet encodes and compresses here, the
    /// serial part of a load otherwise), each sink still getting its chunks in order, so the files
    /// do not depend on it. The first failing dataset's error, in `Datasets.all` order, is thrown.
    public func append(_ round: [ChunkEncoder.Encoded], parallel: Bool) throws {
        let names = Datasets.all.map(\.name)
        let failures = Mutex<[Int: any Error]>([:])
        let sinks = SinksOneThreadEach(byDataset: self.sinks)
        let appendDataset: @Sendable (Int) -> Void = { index in
            do {
                for encoded in round {
                    for (name, chunks) in encoded.datasets where name == names[index] {
                        for (sink, chunk) in zip(sinks.byDataset[name] ?? [], chunks) { try sink.append(encoded: chunk) }
                    }
                }
            } catch {
                failures.withLock { $0[index] = error }
            }
        }
        if parallel {
            DispatchQueue.concurrentPerform(iterations: names.count, execute: appendDataset)
        } else {
            for index in names.indices { appendDataset(index) }
        }
        if let first = failures.withLock({ $0.min { $0.key < $1.key } }) { throw first.value }
    }

    /// Finishes every file, then renames them all into place; returns their relative paths.
    public func commit(beforeRenaming: () -> Void = {}) throws -> [String] {
        var staged: [StagedFile] = []
        for schema in Datasets.all {
            for sink in sinks[schema.name] ?? [] { staged += try sink.finish() }
        }
        beforeRenaming()
        for file in staged { try AtomicFile.commit(file.temporaryPath, to: file.finalPath) }
        return staged.map(\.relativePath)
    }

    /// Removes every temporary file after a failure.
    public func abandon() {
        for list in sinks.values { for sink in list { sink.abandon() } }
    }
}

/// The sinks, handed to the threads of a parallel append: each dataset's sinks are used by one
/// thread only, so sharing the table is safe although sinks are not `Sendable`.
private struct SinksOneThreadEach: @unchecked Sendable {
    let byDataset: [String: [any DatasetSink]]
}

/// Turns a builder's rows into what each writer's sink appends; safe to call from any thread.
public struct ChunkEncoder: Sendable {
    let writers: [any DatasetWriter]

    /// For each dataset with rows, in `Datasets.all` order, one encoded chunk per writer.
    public struct Encoded: Sendable {
        public var datasets: [(String, [EncodedChunk])] = []
    }

    public func encode(_ builder: DatasetBuilder) -> Encoded {
        var encoded = Encoded()
        for schema in Datasets.all {
            guard let table = builder.tables[schema.name], table.rowCount > 0 else { continue }
            encoded.datasets.append((schema.name, writers.map { $0.encode(table) }))
        }
        return encoded
    }
}

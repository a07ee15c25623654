import DisclosureModel
import Foundation
import Logging
import Transform
import WorkStore

/// The transform stage over the stored extract results: a report is transformed again when its
/// stored result was made by another transform version or dictionary, never reading the source.
struct TransformStage {
    let store: SegmentStore
    let transformer: Transformer
    /// Transform version and dictionary hash: a stored result with another key is redone.
    let key: String
    let full: Bool
    let jobs: Int
    let runStamp: String
    let progress: Bool
    let logger: Logger
    /// Re-extracts a report whose stored extract result is damaged.
    let repair: RecordRepair
    /// The pipeline file, named in what an error tells the user to run.
    let pipelinePath: String

    func run(_ entries: EntryTable, into summary: inout RunSummary) throws -> EntryTable {
        // Only the reports that need it are visited, and the entries are copied only when one
        // changes: a nightly run over 100,000 inputs should not hold a second array of them.
        let pending = entries.indices.filter { needsTransform(entries, at: $0) }
        let workers = max(1, min(jobs, pending.count))
        let writers = try pending.isEmpty ? [] : (0..<workers).map { try store.makeWriter(name: "t-\(runStamp)-\($0).seg") }
        let workerTransformers = (0..<workers).map { _ in Transformer.Worker(transformer) }
        let line = progress && !pending.isEmpty ? ProgressLine(label: "transform", total: pending.count) : nil
        let updated = try parallelMap(pending.count, jobs: workers, progress: line) { worker, index in
            try transform(entries[pending[index]], at: pending[index], writer: writers[worker], transformer: workerTransformers[worker])
        }
        line?.finish()
        for writer in writers { try writer.close() }
        var results = entries
        for (index, entry) in zip(pending, updated) { results[index] = entry }
        let withExtract = entries.indices.count { entries.isReport(at: $0) && entries.transformedWithExtract(at: $0) }
        summary.transformed += pending.count + withExtract
        summary.transformSkipped += entries.indices.count { entries.isReport(at: $0) } - pending.count - withExtract
        logger.info("transform: \(summary.transformed) transformed, \(summary.transformSkipped) unchanged")
        return results
    }

    /// A report transformed by another version or dictionary, or not at all, or any with `--full`;
    /// never one this run's extract stage has just transformed.
    private func needsTransform(_ entries: EntryTable, at index: Int) -> Bool {
        entries.isReport(at: index) && !entries.transformedWithExtract(at: index)
            && (full || entries.transformKey(at: index) != key || !entries.isTransformed(at: index))
    }

    private func transform(_ entry: Manifest.Entry, at position: Int, writer: SegmentWriter, transformer: Transformer.Worker) throws -> Manifest.Entry {
        let place = "\(store.directory)/\(entry.extractRef.segment) at offset \(entry.extractRef.offset)"
        let stored: StoredExtract
        do {
            stored = try StoredExtract(encoded: try store.read(entry.extractRef), from: place, input: entry.path, pipeline: pipelinePath)
        } catch let damage as DamagedRecord {
            return try repair.repair(entry, at: position, damage: damage, pipeline: pipelinePath).entry
        }
        guard case .report(let extracted) = stored else {
            throw PipelineError.io("\(place): the stored extract result of \(entry.path) is not a report; run `disclosure-etl run \(pipelinePath) --full` to rebuild the work folder")
        }
        var updated = entry
        try store(transformer.transform(extracted), in: &updated, writer: writer)
        return updated
    }

    /// Stores a transform result and records it in the entry.
    func store(_ report: TransformedReport, in entry: inout Manifest.Entry, writer: SegmentWriter) throws {
        entry.transformKey = key
        entry.transformRef = try writer.append(report.encoded())
        entry.status = report.status.rawValue
        entry.checksFailed = report.checkFailures.count
        entry.diagnostics = report.diagnostics.count
    }
}

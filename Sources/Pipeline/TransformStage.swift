import DisclosureModel
import Foundation
import Logging
import Transform

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

    func run(_ entries: [Manifest.Entry], into summary: inout RunSummary) throws -> [Manifest.Entry] {
        let workers = max(1, min(jobs, entries.count))
        let writers = try (0..<workers).map { try store.makeWriter(name: "t-\(runStamp)-\($0).seg") }
        let line = progress ? ProgressLine(label: "transform", total: entries.count) : nil
        let results = try parallelMap(entries.count, jobs: workers, progress: line) { worker, index in
            try transform(entries[index], writer: writers[worker])
        }
        line?.finish()
        for writer in writers { try writer.close() }
        for (before, after) in zip(entries, results) where before.isReport {
            if before.transformRef == after.transformRef && !before.transformedWithExtract {
                summary.transformSkipped += 1
            } else {
                summary.transformed += 1
            }
        }
        logger.info("transform: \(summary.transformed) transformed, \(summary.transformSkipped) unchanged")
        return results
    }

    private func transform(_ entry: Manifest.Entry, writer: SegmentWriter) throws -> Manifest.Entry {
        guard entry.isReport else { return entry }
        if !full, entry.transformKey == key, entry.transformRef != nil { return entry }
        let place = "\(store.directory)/\(entry.extractRef.segment)"
        guard case .report(let extracted) = try StoredExtract(encoded: try store.read(entry.extractRef), from: place) else {
            throw PipelineError.io("\(place): stored record for \(entry.path) is not a report; run with --full")
        }
        var updated = entry
        try store(transformer.transform(extracted), in: &updated, writer: writer)
        return updated
    }

    /// Stores a transform result and records it in the entry.
    func store(_ report: TransformedReport, in entry: inout Manifest.Entry, writer: SegmentWriter) throws {
        entry.transformKey = key
        entry.transformRef = try writer.append(report.encoded())
        entry.status = report.status
        entry.checksFailed = report.checkFailures.count
        entry.diagnostics = report.diagnostics.count
    }
}

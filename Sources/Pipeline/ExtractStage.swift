import DisclosureModel
import Extract
import Foundation
import Logging
import Transform

/// The extract stage over a folder: every input that is new or changed (by size and modification
/// time, then by content hash) is extracted and stored; unchanged ones keep their stored result.
struct ExtractStage {
    let inputs: InputList
    let store: SegmentStore
    let shard: Shard
    let full: Bool
    let jobs: Int
    /// Seconds MuPDF may work on one PDF (`tool_timeout_seconds`).
    let toolTimeout: TimeInterval
    let runStamp: String
    let progress: Bool
    let logger: Logger
    /// When the run goes on to transform, each new report is transformed at once, while it is in
    /// memory, instead of being read back from the work folder.
    let transform: TransformStage?

    /// Inputs handed to the workers at a time: each batch's entries are packed into the table
    /// before the next, so full-size entries exist for one batch only.
    static let batchSize = 4096

    /// What the extract stage did with one input.
    enum Outcome: Sendable {
        /// Unchanged: the previous manifest's entry at this position stands.
        case kept(Int)
        /// The same bytes were extracted before under another path or time: that result, moved here.
        case reused(Manifest.Entry)
        case extracted(Manifest.Entry)
        case otherShard
    }

    func run(previous: Manifest, into summary: inout RunSummary) throws -> EntryTable {
        let old = previous.entries
        // Positions in the previous manifest, not copies of its entries: a nightly run over a large
        // folder should hold each entry once.
        let oldByInput = Self.match(inputs, in: old)
        let sameBytes = full ? SameBytesIndex() : SameBytesIndex(old)
        let workers = max(1, min(jobs, inputs.count))
        let writers = try (0..<workers).map { try store.makeWriter(name: "x-\(runStamp)-\($0).seg") }
        let transformWriters = try transform.map { stage in try (0..<workers).map { try store.makeWriter(name: "xt-\(stage.runStamp)-\($0).seg") } }
        // What each worker remembers across its reports: cell texts and label resolutions.
        let cellStrings = (0..<workers).map { _ in CellStrings() }
        let memos = (0..<workers).map { _ in LabelMemo() }
        let line = progress ? ProgressLine(label: "extract", total: inputs.count) : nil
        var entries = EntryTable()
        entries.reserveCapacity(inputs.count)
        var map = EntryTable.RefMap()
        var present = [Bool](repeating: false, count: old.count)
        var start = 0
        while start < inputs.count {
            let batch = start..<min(start + Self.batchSize, inputs.count)
            let outcomes = try parallelMap(batch.count, jobs: workers, progress: line) { worker, offset in
                let index = batch.lowerBound + offset
                return try extract(inputs[index], previous: oldByInput[index], old: old, sameBytes: sameBytes,
                                   writer: writers[worker], transformWriter: transformWriters?[worker],
                                   strings: cellStrings[worker], memo: memos[worker])
            }
            for (index, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .kept(let position):
                    summary.extractSkipped += 1
                    entries.appendKept(position, of: old, map: &map)
                case .reused(let entry):
                    summary.extractSkipped += 1
                    entries.append(entry)
                case .extracted(let entry):
                    summary.extracted += 1
                    entries.append(entry)
                case .otherShard:
                    continue
                }
                if let position = oldByInput[index] { present[position] = true }
            }
            start = batch.upperBound
        }
        line?.finish()
        for writer in writers + (transformWriters ?? []) { try writer.close() }
        summary.removedInputs = old.indices.count { !present[$0] && shard.owns(old.reportKey(at: $0)) }
        summary.inputs = entries.count
        logger.info("extract: \(summary.extracted) extracted, \(summary.extractSkipped) unchanged, \(summary.removedInputs) removed")
        return entries
    }

    /// For each input (sorted by path, as the scanner lists them), the position of the previous
    /// entry with the same path, found by merging the two sorted lists instead of hashing paths.
    static func match(_ inputs: InputList, in old: EntryTable) -> [Int?] {
        let order = old.indices.sorted { old.pathPrecedes($0, $1) }
        var matches = [Int?](repeating: nil, count: inputs.count)
        var next = 0
        for index in inputs.indices {
            inputs.withPath(at: index) { wanted in
                while next < order.count, old.withPath(at: order[next], { $0.lexicographicallyPrecedes(wanted) }) { next += 1 }
                if next < order.count, old.withPath(at: order[next], { $0.elementsEqual(wanted) }) { matches[index] = order[next] }
            }
        }
        return matches
    }

    private func extract(_ input: InputScanner.Input, previous: Int?, old entries: EntryTable, sameBytes: SameBytesIndex,
                         writer: SegmentWriter, transformWriter: SegmentWriter?, strings: CellStrings, memo: LabelMemo) throws -> Outcome {
        let absolutePath = input.absolutePath
        var info = stat()
        let statOK = stat(absolutePath, &info) == 0
        let size = Int64(info.st_size)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        if !full, statOK, let position = previous, entries.size(at: position) == size, entries.modified(at: position) == modified,
           entries.extractKey(at: position) == Extractor.version {
            return shard.owns(entries.reportKey(at: position)) ? .kept(position) : .otherShard
        }
        guard statOK, let bytes = FileBytes.read(absolutePath, expectedSize: Int(size)) else {
            let reject = Reject(sourcePath: input.relativePath, reason: .unreadable, detail: "\(absolutePath): cannot read the file")
            let pseudoId = Extractor.reportId(of: Array(input.relativePath.utf8))
            guard shard.owns(reportId: pseudoId) else { return .otherShard }
            let ref = try writer.append(StoredExtract.reject(reject).encoded())
            return .extracted(Manifest.Entry(path: input.relativePath, size: -1, modified: -1, reportId: pseudoId, extractKey: Extractor.version,
                                            extractRef: ref, rejectReason: reject.reason.rawValue))
        }
        let reportId = Extractor.reportId(of: bytes)
        guard shard.owns(reportId: reportId) else { return .otherShard }
        if !full, let key = ReportKey(reportId), let position = sameBytes.position(of: key, in: entries) {
            var same = entries[position]
            // The same bytes were extracted before under another path or time: reuse the result.
            same.path = input.relativePath
            same.size = size
            same.modified = modified
            return .reused(same)
        }
        let stored: StoredExtract
        switch Extractor.extract(bytes: bytes, sourcePath: input.relativePath, reportId: reportId, strings: strings, file: absolutePath,
                                 toolTimeout: toolTimeout) {
        case .report(let report): stored = .report(report)
        case .reject(let reject): stored = .reject(reject)
        }
        let ref = try writer.append(stored.encoded())
        var rejectReason: String?
        if case .reject(let reject) = stored { rejectReason = reject.reason.rawValue }
        var entry = Manifest.Entry(path: input.relativePath, size: size, modified: modified, reportId: reportId,
                                   extractKey: Extractor.version, extractRef: ref, rejectReason: rejectReason)
        if case .report(let report) = stored, let transform, let transformWriter {
            try transform.store(transform.transformer.transform(report, memo: memo), in: &entry, writer: transformWriter)
            entry.transformedWithExtract = true
        }
        return .extracted(entry)
    }
}

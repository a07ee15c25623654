import DisclosureModel
import Extract
import Foundation
import Logging

/// The extract stage over a folder: every input that is new or changed (by size and modification
/// time, then by content hash) is extracted and stored; unchanged ones keep their stored result.
struct ExtractStage {
    let inputs: [InputScanner.Input]
    let store: SegmentStore
    let shard: Shard
    let full: Bool
    let jobs: Int
    let runStamp: String
    let progress: Bool
    let logger: Logger
    /// When the run goes on to transform, each new report is transformed at once, while it is in
    /// memory, instead of being read back from the work folder.
    let transform: TransformStage?

    func run(previous: Manifest, into summary: inout RunSummary) throws -> [Manifest.Entry] {
        // Positions in the previous manifest, not copies of its entries: a nightly run over a large
        // folder should hold each entry once.
        let old = previous.entries
        let byPath = Dictionary(old.indices.map { (old[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
        var byId: [String: Int] = [:]
        for index in old.indices where old[index].extractKey == Extractor.version && !old[index].reportId.isEmpty {
            if byId[old[index].reportId] == nil { byId[old[index].reportId] = index }
        }
        let workers = max(1, min(jobs, inputs.count))
        let writers = try (0..<workers).map { try store.makeWriter(name: "x-\(runStamp)-\($0).seg") }
        let transformWriters = try transform.map { stage in try (0..<workers).map { try store.makeWriter(name: "xt-\(stage.runStamp)-\($0).seg") } }
        let line = progress ? ProgressLine(label: "extract", total: inputs.count) : nil
        let sameBytes = byId
        // Entries, not a result type wrapping them, so that 100,000 of them are held once.
        var entries = try parallelMap(inputs.count, jobs: workers, progress: line) { worker, index in
            try extract(inputs[index], old: old, byPath: byPath, byId: sameBytes, writer: writers[worker], transformWriter: transformWriters?[worker])
        }
        line?.finish()
        for writer in writers + (transformWriters ?? []) { try writer.close() }
        for entry in entries {
            switch entry.extractOutcome {
            case .kept: summary.extractSkipped += 1
            case .extracted: summary.extracted += 1
            case .otherShard: continue
            }
        }
        entries.removeAll { $0.extractOutcome == .otherShard }
        let present = Set(entries.map(\.path))
        summary.removedInputs = previous.entries.filter { !present.contains($0.path) && shard.owns(reportId: $0.reportId) }.count
        summary.inputs = entries.count
        logger.info("extract: \(summary.extracted) extracted, \(summary.extractSkipped) unchanged, \(summary.removedInputs) removed")
        return entries
    }

    private func extract(_ input: InputScanner.Input, old entries: [Manifest.Entry], byPath: [String: Int], byId: [String: Int],
                         writer: SegmentWriter, transformWriter: SegmentWriter?) throws -> Manifest.Entry {
        func kept(_ entry: Manifest.Entry) -> Manifest.Entry {
            var entry = entry
            entry.extractOutcome = shard.owns(reportId: entry.reportId) ? .kept : .otherShard
            return entry
        }
        func extracted(_ entry: Manifest.Entry) -> Manifest.Entry {
            var entry = entry
            entry.extractOutcome = .extracted
            return entry
        }
        func otherShard() -> Manifest.Entry {
            Manifest.Entry(path: input.relativePath, size: 0, modified: 0, reportId: "", extractKey: "",
                           extractRef: RecordRef(segment: "", offset: 0, length: 0), extractOutcome: .otherShard)
        }
        var info = stat()
        let statOK = stat(input.absolutePath, &info) == 0
        let size = Int64(info.st_size)
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        if !full, statOK, let position = byPath[input.relativePath], case let old = entries[position],
           old.size == size, old.modified == modified,
           old.extractKey == Extractor.version {
            return kept(old)
        }
        guard statOK, let bytes = FileBytes.read(input.absolutePath, expectedSize: Int(size)) else {
            let reject = Reject(sourcePath: input.relativePath, reason: .unreadable, detail: "\(input.absolutePath): cannot read the file")
            let pseudoId = Extractor.reportId(of: Array(input.relativePath.utf8))
            guard shard.owns(reportId: pseudoId) else { return otherShard() }
            let ref = try writer.append(StoredExtract.reject(reject).encoded())
            return extracted(Manifest.Entry(path: input.relativePath, size: -1, modified: -1, reportId: pseudoId, extractKey: Extractor.version,
                                            extractRef: ref, rejectReason: reject.reason.rawValue))
        }
        let reportId = Extractor.reportId(of: bytes)
        guard shard.owns(reportId: reportId) else { return otherShard() }
        if !full, let position = byId[reportId] {
            var same = entries[position]
            // The same bytes were extracted before under another path or time: reuse the result.
            same.path = input.relativePath
            same.size = size
            same.modified = modified
            return kept(same)
        }
        let stored: StoredExtract
        switch Extractor.extract(bytes: bytes, sourcePath: input.relativePath, reportId: reportId) {
        case .report(let report): stored = .report(report)
        case .reject(let reject): stored = .reject(reject)
        }
        let ref = try writer.append(stored.encoded())
        var rejectReason: String?
        if case .reject(let reject) = stored { rejectReason = reject.reason.rawValue }
        var entry = Manifest.Entry(path: input.relativePath, size: size, modified: modified, reportId: reportId,
                                   extractKey: Extractor.version, extractRef: ref, rejectReason: rejectReason)
        if case .report(let report) = stored, let transform, let transformWriter {
            try transform.store(transform.transformer.transform(report), in: &entry, writer: transformWriter)
            entry.transformedWithExtract = true
        }
        return extracted(entry)
    }
}

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
    /// Files larger than this are rejected (`too_large`) from their size, without being read.
    let maxInputBytes: Int
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

    /// `matches` is `match(inputs, in: previous.entries)`, which the safety guard has counted.
    func run(previous: Manifest, matches oldByInput: [Int?], into summary: inout RunSummary) throws -> EntryTable {
        let old = previous.entries
        let sameBytes = full ? SameBytesIndex() : SameBytesIndex(old)
        let workers = max(1, min(jobs, inputs.count))
        let writers = try (0..<workers).map { try store.makeWriter(name: "x-\(runStamp)-\($0).seg") }
        let transformWriters = try transform.map { stage in try (0..<workers).map { try store.makeWriter(name: "xt-\(stage.runStamp)-\($0).seg") } }
        // What each worker remembers across its reports: cell texts and label resolutions.
        let extractors = (0..<workers).map { _ in Extractor.Worker() }
        let transformers = transform.map { stage in (0..<workers).map { _ in Transformer.Worker(stage.transformer) } }
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
                                   extractor: extractors[worker], transformer: transformers?[worker])
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
                         writer: SegmentWriter, transformWriter: SegmentWriter?, extractor: Extractor.Worker,
                         transformer: Transformer.Worker?) throws -> Outcome {
        let absolutePath = input.absolutePath
        if let (reason, detail) = Self.rejection(of: input) {
            return try rejectUnread(input, reason, detail, writer: writer)
        }
        let fileSystemPath = input.fileSystemPath
        var info = stat()
        guard FileName.withCString(fileSystemPath, { stat($0, &info) }) == 0 else {
            return try rejectUnread(input, .unreadable, "\(absolutePath): cannot read the file: \(String(cString: strerror(errno)))", writer: writer)
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            return try rejectUnread(input, .notAFile, "\(absolutePath): not a regular file (replaced since the folder was listed)", writer: writer)
        }
        let size = Int64(info.st_size)
        guard size <= maxInputBytes else {
            return try rejectUnread(input, .tooLarge, "\(absolutePath): \(size) bytes, over the pipeline's max_input_bytes (\(maxInputBytes)); raise it to read the file", writer: writer)
        }
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        if !full, let position = previous, entries.size(at: position) == size, entries.modified(at: position) == modified,
           entries.extractKey(at: position) == Extractor.version {
            return shard.owns(entries.reportKey(at: position)) ? .kept(position) : .otherShard
        }
        guard let bytes = FileBytes.read(fileSystemPath, expectedSize: Int(size)) else {
            return try rejectUnread(input, .unreadable, "\(absolutePath): cannot read the file", writer: writer)
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
        switch extractor.extract(bytes: bytes, sourcePath: input.relativePath, reportId: reportId,
                                 file: input.hasPlainName ? absolutePath : nil, toolTimeout: toolTimeout) {
        case .report(let report): stored = .report(report)
        case .reject(let reject): stored = .reject(reject)
        }
        let ref = try writer.append(stored.encoded())
        var rejectReason: String?
        if case .reject(let reject) = stored { rejectReason = reject.reason.rawValue }
        var entry = Manifest.Entry(path: input.relativePath, size: size, modified: modified, reportId: reportId,
                                   extractKey: Extractor.version, extractRef: ref, rejectReason: rejectReason)
        if case .report(let report) = stored, let transform, let transformer, let transformWriter {
            try transform.store(transformer.transform(report), in: &entry, writer: transformWriter)
            entry.transformedWithExtract = true
        }
        return .extracted(entry)
    }

    /// The reject of an input that is not a file to read, from what the scan found.
    static func rejection(of input: InputScanner.Input) -> (Reject.Reason, String)? {
        let path = input.absolutePath
        switch input.kind {
        case .file: return nil
        case .fifo: return (.notAFile, "\(path): a FIFO (named pipe), not a file; not opened, as reading it would wait for a writer")
        case .socket: return (.notAFile, "\(path): a socket, not a file")
        case .characterDevice, .blockDevice: return (.notAFile, "\(path): a device, not a file")
        case .otherType: return (.notAFile, "\(path): not a regular file")
        case .folderLink:
            return (.notAFile, "\(path): a symbolic link to a folder, which is not followed (links can make cycles); give that folder as an input instead")
        case .danglingLink: return (.brokenLink, "\(path): a symbolic link to \(linkTarget(input)), which does not exist")
        case .linkLoop: return (.brokenLink, "\(path): a symbolic link that leads back to itself (a loop of links)")
        case .unreachable: return (.unreadable, "\(path): cannot be examined (permissions?)")
        }
    }

    /// Where a symbolic link points, as written in it.
    static func linkTarget(_ input: InputScanner.Input) -> String {
        var target = [UInt8](repeating: 0, count: 4096)
        let count = FileName.withCString(input.fileSystemPath) { path in
            target.withUnsafeMutableBufferPointer { readlink(path, UnsafeMutableRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), $0.count) }
        }
        return count < 0 ? "?" : "\"" + FileName.display(target[..<count]) + "\""
    }

    /// An input rejected without reading its bytes: its id is the hash of its path, and it is
    /// stored with no size, so the next run looks at it again (a limit raised, a link mended).
    private func rejectUnread(_ input: InputScanner.Input, _ reason: Reject.Reason, _ detail: String, writer: SegmentWriter) throws -> Outcome {
        let reject = Reject(sourcePath: input.relativePath, reason: reason, detail: detail)
        let pseudoId = Extractor.reportId(of: Array(input.relativePath.utf8))
        guard shard.owns(reportId: pseudoId) else { return .otherShard }
        let ref = try writer.append(StoredExtract.reject(reject).encoded())
        return .extracted(Manifest.Entry(path: input.relativePath, size: -1, modified: -1, reportId: pseudoId, extractKey: Extractor.version,
                                        extractRef: ref, rejectReason: reject.reason.rawValue))
    }
}

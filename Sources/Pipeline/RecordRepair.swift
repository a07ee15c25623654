import DisclosureModel
import Extract
import Foundation
import Synchronization
import Transform
import WorkStore

/// Re-extracts an input from its source when its stored record turns out damaged (`DamagedRecord`),
/// so one bad byte in the work folder costs one re-read rather than a wrong row or a failed run.
/// Each repair is stored anew, noted as a warning for the summary, and kept for the manifest.
final class RecordRepair: Sendable {
    let inputs: [String]
    let store: SegmentStore
    let runStamp: String
    /// Made on the first repair only: `load` alone does not otherwise read the dictionary.
    let makeTransformer: @Sendable () throws -> (Transformer, String)
    private let state = Mutex(State())

    private struct State {
        var writer: SegmentWriter?
        /// Segments written so far: `finish` closes one, a later repair opens the next.
        var segments = 0
        var transformer: (Transformer, String)?
        var warnings: [String] = []
        /// New entries by their position in the manifest the stage was given.
        var repaired: [Int: Manifest.Entry] = [:]
    }

    struct Repaired {
        var entry: Manifest.Entry
        var extract: StoredExtract
        var transformed: TransformedReport?
    }

    init(inputs: [String], store: SegmentStore, runStamp: String, makeTransformer: @escaping @Sendable () throws -> (Transformer, String)) {
        self.inputs = inputs
        self.store = store
        self.runStamp = runStamp
        self.makeTransformer = makeTransformer
    }

    var warnings: [String] { state.withLock { $0.warnings } }
    var repaired: [Int: Manifest.Entry] { state.withLock { $0.repaired } }

    /// Reads `entry`'s source again, extracts and transforms it, and stores both results. Fails,
    /// naming the files, when the source is gone or no longer holds the bytes that were stored.
    func repair(_ entry: Manifest.Entry, at position: Int, damage: DamagedRecord, pipeline: String) throws -> Repaired {
        let source = absolutePath(of: entry.path)
        var info = stat()
        // The path as shown leads back to the name's bytes on disk (names that are not UTF-8).
        let bytes = source.map { FileName.bytes(Array($0.utf8)) }.flatMap { path in
            FileName.withCString(path) { stat($0, &info) } == 0 ? FileBytes.read(path, expectedSize: Int(info.st_size)) : nil
        }
        let reportId = bytes.map(Extractor.reportId(of:))
        let stillUnreadable = bytes == nil && entry.rejectReason == Reject.Reason.unreadable.rawValue
        guard reportId == entry.reportId || stillUnreadable else {
            throw PipelineError.io("""
                \(damage); its input \(entry.path) \(bytes == nil ? "cannot be read any more" : "has changed since"), so it cannot be \
                re-extracted: run `disclosure-etl run \(pipeline)` to read the inputs again, or add --full to rebuild the work folder
                """)
        }
        let extract: StoredExtract
        if let bytes {
            switch Extractor.extract(bytes: bytes, sourcePath: entry.path, reportId: entry.reportId, file: source) {
            case .report(let report): extract = .report(report)
            case .reject(let reject): extract = .reject(reject)
            }
        } else {
            extract = .reject(Reject(sourcePath: entry.path, reason: .unreadable, detail: "\(source ?? entry.path): cannot read the file"))
        }
        var updated = entry
        var transformed: TransformedReport?
        try state.withLock { state in
            if state.writer == nil {
                state.writer = try store.makeWriter(name: "r-\(runStamp)-\(state.segments).seg")
                state.segments += 1
            }
            updated.extractRef = try state.writer!.append(extract.encoded())
            updated.transformKey = nil
            updated.transformRef = nil
            updated.status = nil
            switch extract {
            case .reject(let reject):
                updated.rejectReason = reject.reason.rawValue
            case .report(let report):
                updated.rejectReason = nil
                if state.transformer == nil { state.transformer = try makeTransformer() }
                let (transformer, key) = state.transformer!
                let result = transformer.transform(report)
                transformed = result
                updated.transformKey = key
                updated.transformRef = try state.writer!.append(result.encoded())
                updated.status = result.status.rawValue
                updated.checksFailed = result.checkFailures.count
                updated.diagnostics = result.diagnostics.count
            }
            state.repaired[position] = updated
            state.warnings.append("\(damage) (\(entry.path)); re-extracted from the source")
        }
        return Repaired(entry: updated, extract: extract, transformed: transformed)
    }

    /// Writes the repairs' segment; its records are readable after this.
    func finish() throws {
        try state.withLock { state in
            try state.writer?.close()
            state.writer = nil
        }
    }

    /// The source of an input path as the scanner made it: with several input folders, the path
    /// starts with the folder's name.
    func absolutePath(of relative: String) -> String? {
        guard inputs.count > 1 else { return inputs.first.map { $0 + "/" + relative } }
        for root in inputs {
            let prefix = URL(fileURLWithPath: root).lastPathComponent + "/"
            if relative.hasPrefix(prefix) { return root + "/" + relative.dropFirst(prefix.count) }
        }
        return nil
    }
}

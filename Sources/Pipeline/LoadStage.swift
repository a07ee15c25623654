import Crypto
import DisclosureModel
import Foundation
import Load
import Logging
import WorkStore

/// The load stage: streams the stored transform results, in report_id order, into the dataset
/// writers, then commits every file at once and removes outputs the previous load wrote that this
/// one did not (a year partition that emptied, a format dropped).
struct LoadStage {
    let store: SegmentStore
    let loader: Loader
    let outputRoot: String
    /// What else decides the outputs besides the stored results (formats, options, shard).
    let settings: String
    let jobs: Int
    let progress: Bool
    let logger: Logger
    /// Re-extracts a report whose stored record is damaged.
    let repair: RecordRepair
    /// The pipeline file, named in what an error tells the user to run.
    let pipelinePath: String
    /// Names the new output generation.
    let runStamp: String
    /// Sharded runs write their part files straight into the shared folders (see docs/pipelines.md).
    let generations: Bool

    /// Reports per slice a worker encodes: bounds memory while keeping workers busy. Two rounds
    /// of slices are alive at once (one appended while the next is built). 256 held 10 MB more at
    /// 100,000 reports; 64 held 5 MB less but made load about 10% slower in whole runs (more,
    /// smaller batches for the Parquet writers).
    static let chunkSize = 128

    struct Plan {
        /// The manifest's entries, shared with it rather than copied.
        var entries = EntryTable()
        /// Positions in `entries` of the reports to load, in report_id order: a few bytes per
        /// report where copies of the entries would cost hundreds at 100,000 reports.
        var reports: [Int] = []
        /// Position in `entries` of the input (a reject, or the duplicate), and the first of its bytes for a duplicate.
        var rejects: [(path: String, position: Int, entry: Manifest.Entry?, duplicateOf: Manifest.Entry?)] = []
        var untransformed = 0
        var fingerprint = ""
    }

    /// Orders the reports, finds duplicates, and fingerprints what the outputs will hold.
    func plan(_ entries: EntryTable) -> Plan {
        var plan = Plan()
        plan.entries = entries
        // Fields are compared in place, without building entries.
        let reports = entries.reportsByIdThenPath { entries.isTransformed(at: $0) }
        var previous: Int?
        for index in reports {
            if let first = previous, entries.reportKey(at: first) == entries.reportKey(at: index) {
                plan.rejects.append((entries.path(at: index), index, nil, entries[first]))
            } else {
                plan.reports.append(index)
                previous = index
            }
        }
        plan.untransformed = entries.indices.count { entries.isReport(at: $0) && !entries.isTransformed(at: $0) }
        for index in entries.indices where !entries.isReport(at: index) { plan.rejects.append((entries.path(at: index), index, entries[index], nil)) }
        plan.rejects.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }

        var hasher = SHA256()
        hasher.update(data: Array("\(Loader.version)\n\(settings)\n".utf8))
        var line: [UInt8] = []  // one buffer for every report's line, not a String and an Array each
        for index in plan.reports {
            line.removeAll(keepingCapacity: true)
            line += "r\t".utf8
            line += entries.reportKey(at: index).hex.utf8
            line.append(0x09)
            entries.withPath(at: index) { line += $0 }
            line.append(0x09)
            line += (entries.transformKey(at: index) ?? "").utf8
            line.append(0x0A)
            hasher.update(data: line)
        }
        for reject in plan.rejects {
            hasher.update(data: Array("x\t\(reject.path)\t\(reject.entry?.reportId ?? "")\t\(reject.entry?.extractKey ?? "")\t\(reject.duplicateOf?.path ?? "")\n".utf8))
        }
        plan.fingerprint = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        return plan
    }

    /// Writes the outputs; returns the files written, relative to the output root, and the rows of
    /// the `continuity` check among them.
    func run(_ plan: Plan, previousOutputs: [String]) throws -> (files: [String], continuityFailed: Int) {
        let outputs = OutputGenerations(root: outputRoot)
        var lock: FolderLock?
        var folder = outputRoot
        if generations {
            lock = try outputs.lock()
            folder = try outputs.begin(stamp: runStamp)
        } else {
            removeTemporaries()
        }
        defer { withExtendedLifetime(lock) {} }
        let session = try loader.begin(outputRoot: folder)
        // The sinks append one round (Parquet encodes and compresses there) while the workers
        // build the next, so load is not serial behind its appends. One round at most waits.
        let appender = BackgroundAppender(session, background: jobs > 1)
        do {
            let continuity = try continuityFailures(plan)
            let line = progress ? ProgressLine(label: "load", total: plan.reports.count) : nil
            var start = 0
            let encoder = session.encoder
            while start < plan.reports.count {
                // Workers decode, build and encode consecutive slices; the slices are appended in order.
                let chunk = Array(plan.reports[start..<min(start + Self.chunkSize * jobs, plan.reports.count)])
                let sliceSize = Self.chunkSize
                let slices = (chunk.count + sliceSize - 1) / sliceSize
                let encoded = try parallelMap(slices, jobs: jobs) { _, slice in
                    var builder = DatasetBuilder()
                    for position in chunk[(slice * sliceSize)..<min((slice + 1) * sliceSize, chunk.count)] {
                        try addReport(at: position, of: plan.entries, continuity: continuity, to: &builder)
                    }
                    return encoder.encode(builder)
                }
                try appender.append(encoded)
                line?.advance(by: chunk.count)
                start += chunk.count
            }
            try appender.finish()
            line?.finish()
            var builder = DatasetBuilder()
            for reject in plan.rejects {
                if let first = reject.duplicateOf {
                    builder.add(Reject(sourcePath: reject.path, reason: .duplicate, detail: "same bytes as \(first.path) (report_id \(first.reportId))"))
                } else if let entry = reject.entry {
                    var value = try storedReject(entry, at: reject.position)
                    value.sourcePath = entry.path
                    builder.add(value)
                }
            }
            try session.append(builder)
            let written = try session.commit(beforeRenaming: { CrashPoint.pause(at: "load-before-commit") })
            if generations {
                try outputs.commit(folder, files: written, previous: previousOutputs, pause: CrashPoint.pause(at:))
            } else {
                CrashPoint.pause(at: "load-after-commit")
                let kept = Set(written)
                for stale in previousOutputs where !kept.contains(stale) {
                    if unlink(outputRoot + "/" + stale) == 0 { logger.info("load: removed stale output \(stale)") }
                }
            }
            return (written, continuity.values.reduce(0) { $0 + $1.count })
        } catch {
            try? appender.finish()
            session.abandon()
            if generations { outputs.removeLeftovers() }
            if let error = error as? LoadError { throw PipelineError.io(error.description) }
            throw error
        }
    }

    /// The failures of the checks across reports, by entry position: a first pass over the stored
    /// results reads what they need (tables 2 and 3 of each). A record that cannot be read is left
    /// out here; the main pass repairs it or stops.
    private func continuityFailures(_ plan: Plan) throws -> [Int: [ContinuityCheck.Failure]] {
        var table = ContinuityCheck.Table()
        table.reserveCapacity(plan.reports.count)
        var positions: [Int] = []
        positions.reserveCapacity(plan.reports.count)
        // Read in rounds, each packed into the table before the next, so the facts as read (an
        // array and a string per report) are held for one round, not for every report at once.
        var start = 0
        while start < plan.reports.count {
            let round = Array(plan.reports[start..<min(start + Self.chunkSize * jobs, plan.reports.count)])
            let sliceSize = Self.chunkSize
            let read = try parallelMap((round.count + sliceSize - 1) / sliceSize, jobs: jobs) { _, slice in
                round[(slice * sliceSize)..<min((slice + 1) * sliceSize, round.count)].compactMap { position in
                    plan.entries.transformRef(at: position).flatMap { try? store.read($0) }
                        .flatMap { try? ContinuityFactsReader.facts(record: $0) }.map { (position, $0) }
                }
            }
            for slice in read {
                for (position, facts) in slice {
                    table.append(facts)
                    positions.append(position)
                }
            }
            start += round.count
        }
        let failures = ContinuityCheck.failures(table) { plan.entries.reportKey(at: positions[$0]).hex }
        return Dictionary(uniqueKeysWithValues: failures.map { (positions[$0.key], $0.value) })
    }

    /// Adds the rows of the report at `position`, from its stored transform result, or from its
    /// source when that record is damaged, with its failures among `continuity`.
    private func addReport(at position: Int, of entries: EntryTable, continuity: [Int: [ContinuityCheck.Failure]],
                           to builder: inout DatasetBuilder) throws {
        let entry = entries[position]
        let failures = continuity[position] ?? []
        // Spelled out only for an error: not formatted for every report.
        func place() -> String { "\(store.directory)/\(entry.transformRef!.segment) at offset \(entry.transformRef!.offset)" }
        do {
            let bytes = try store.read(entry.transformRef!)
            do {
                try builder.add(record: bytes, sourcePath: entry.path, continuity: failures)
            } catch let other as RecordReader.OtherVersion {
                // Refused before any of its rows is added: the stages run again for this report.
                throw DamagedRecord(place: place(), why: other.description)
            } catch {
                // The frame checked out, so this is no storage damage: stop rather than write a wrong row.
                throw PipelineError.io("\(place()): the stored transform result of \(entry.path) cannot be decoded (\(error)); run `disclosure-etl run \(pipelinePath) --full` to rebuild the work folder")
            }
        } catch let damage as DamagedRecord {
            let repaired = try repair.repair(entry, at: position, damage: damage, pipeline: pipelinePath)
            guard let report = repaired.transformed else {
                throw PipelineError.io("\(damage): \(entry.path), read again, is no longer a report; run `disclosure-etl run \(pipelinePath)` again")
            }
            builder.add(report, continuity: failures)
        }
    }

    /// The reject stored for `entry`, read again from its source when that record is damaged.
    private func storedReject(_ entry: Manifest.Entry, at position: Int) throws -> Reject {
        let stored: StoredExtract
        do {
            stored = try StoredExtract(encoded: try store.read(entry.extractRef), from: "\(store.directory)/\(entry.extractRef.segment) at offset \(entry.extractRef.offset)",
                                       input: entry.path, pipeline: pipelinePath)
        } catch let damage as DamagedRecord {
            stored = try repair.repair(entry, at: position, damage: damage, pipeline: pipelinePath).extract
        }
        guard case .reject(let value) = stored else {
            throw PipelineError.io("\(store.directory)/\(entry.extractRef.segment): \(entry.path) was a reject and, read again, is a report; run `disclosure-etl run \(pipelinePath)` again")
        }
        return value
    }

    /// Deletes the hidden temporary files (`.name.tmp-PID`) a killed load left in the output folder.
    func removeTemporaries() {
        guard let enumerator = FileManager.default.enumerator(atPath: outputRoot) else { return }
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            guard name.hasPrefix("."), name.contains(".tmp-") else { continue }
            if unlink(outputRoot + "/" + relative) == 0 { logger.info("load: removed \(relative) left by a killed run") }
        }
    }
}

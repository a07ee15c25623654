import Crypto
import DisclosureModel
import Extract
import Foundation
import Load
import Logging
import Transform

/// Runs the stages of a pipeline over its work folder. Each stage keeps its results there, so a
/// stage can run alone (`transform` after a dictionary fix, `load` to rewrite the outputs), and a
/// nightly `run` redoes only what changed.
public struct PipelineRunner: Sendable {
    public let pipeline: PipelineFile
    public let options: RunOptions
    let logger: Logger

    public init(pipeline: PipelineFile, options: RunOptions = RunOptions(), logger: Logger = Logger(label: "disclosure-etl")) {
        self.pipeline = pipeline
        self.options = options
        self.logger = logger
    }

    /// The work folder of this run: one per shard, so shards never share a manifest.
    public var workFolder: String {
        options.shard.count == 1 ? pipeline.work : "\(pipeline.work)/shard-\(options.shard.index)-of-\(options.shard.count)"
    }

    var jobs: Int { pipeline.jobs == 0 ? ProcessInfo.processInfo.activeProcessorCount : pipeline.jobs }

    /// Runs the given stages in order (all three for `run`).
    public func run(_ stages: [Stage] = Stage.allCases) throws -> RunSummary {
        let started = Date()
        var summary = RunSummary(pipeline: pipeline.name, outputRoot: pipeline.output)
        summary.stages = stages.map(\.rawValue)
        summary.shard = options.shard.description
        let guardRail = RemovalGuard(maxShare: pipeline.maxRemovedShare, allowed: options.allowRemovals)
        let manifestPath = workFolder + "/manifest.tsv"
        let readsStoredResults = !stages.contains(.extract)
        // A mistyped --work must not even be created.
        if readsStoredResults && !FileManager.default.fileExists(atPath: manifestPath) {
            try guardRail.checkHasResults(Manifest(), work: workFolder, exists: FileManager.default.fileExists(atPath: workFolder))
        }
        let store = try SegmentStore(directory: workFolder + "/segments")
        let lock = try FolderLock(path: workFolder + "/run.lock")
        defer { withExtendedLifetime(lock) {} }
        var manifest = try loadManifest(manifestPath, readsStoredResults: readsStoredResults, into: &summary)
        if readsStoredResults { try guardRail.checkHasResults(manifest, work: workFolder, exists: true) }
        var saved = manifest
        /// Writes the manifest when a stage changed it: a no-change run over a large folder should
        /// not rewrite it.
        func save() throws {
            // Unchanged: share the stage's copy, so the previous one is not kept alive.
            guard manifest != saved else { saved = manifest; return }
            try timed("manifest") { try manifest.save(path: manifestPath) }
            saved = manifest
        }
        /// Adds the wall-clock time of `work` to the summary under `step`.
        func timed<T>(_ step: String, _ work: () throws -> T) rethrows -> T {
            let start = Date()
            defer { summary.stageSeconds[step, default: 0] += Date().timeIntervalSince(start) }
            return try work()
        }
        let stamp = "\(Int(Date().timeIntervalSince1970 * 1000))-\(getpid())"
        let runner = self
        let repair = RecordRepair(inputs: pipeline.inputs, store: store, runStamp: stamp, makeTransformer: { try runner.makeTransformer() })
        defer { for warning in repair.warnings { logger.warning("\(warning)") } }

        var transformStage: TransformStage?
        if stages.contains(.transform) {
            let (transformer, key) = try makeTransformer()
            transformStage = TransformStage(store: store, transformer: transformer, key: key, full: options.full, jobs: jobs,
                                            runStamp: stamp, progress: options.progress, logger: logger, repair: repair,
                                            pipelinePath: pipeline.source)
        }
        if stages.contains(.extract) {
            let inputs = try timed("scan") {
                try InputScanner.scan(pipeline.inputs, include: pipeline.include, exclude: pipeline.exclude,
                                      excluding: [pipeline.output, pipeline.work])
            }
            let matches = ExtractStage.match(inputs, in: manifest.entries)
            if manifest.inputs == pipeline.inputs {
                try guardRail.check(removed: removedCount(manifest.entries, matches: matches),
                                    known: manifest.entries.indices.count { options.shard.owns(manifest.entries.reportKey(at: $0)) },
                                    folders: pipeline.inputs)
            } else if !manifest.entries.isEmpty {
                // Another folder on purpose (`--input` for an export): its inputs replace the last ones.
                logger.info("extract: the input folders changed from \(manifest.inputs) to \(pipeline.inputs); the last run's inputs are replaced")
            }
            // With no last run of these folders to compare with, an empty folder is refused too.
            try guardRail.checkFound(inputs.count, folders: pipeline.inputs)
            manifest.inputs = pipeline.inputs
            let stage = ExtractStage(inputs: inputs, store: store, shard: options.shard, full: options.full, jobs: jobs,
                                     toolTimeout: TimeInterval(pipeline.toolTimeoutSeconds), runStamp: stamp, progress: options.progress,
                                     maxInputBytes: pipeline.maxInputBytes, logger: logger, transform: transformStage)
            manifest.entries = try timed("extract") { try stage.run(previous: manifest, matches: matches, into: &summary) }
            try save()
        } else {
            summary.inputs = manifest.entries.count
        }
        if let transformStage {
            manifest.entries = try timed("transform") { try transformStage.run(manifest.entries, into: &summary) }
            try repair.finish()
            try save()
        }
        if stages.contains(.load) {
            let stage = LoadStage(store: store, loader: Loader(writers: try writers(), part: PartName(shard: options.shard.index, shardCount: options.shard.count)),
                                  outputRoot: pipeline.output, settings: loadSettings, jobs: jobs, progress: options.progress, logger: logger,
                                  repair: repair, pipelinePath: pipeline.source, runStamp: stamp, generations: options.shard.count == 1)
            let plan = timed("load") { stage.plan(manifest.entries) }
            if plan.untransformed > 0 {
                logger.warning("load: \(plan.untransformed) extracted report(s) not transformed yet are left out; run `transform` first")
            }
            let upToDate = plan.fingerprint == manifest.loadFingerprint && !options.full
                && manifest.outputs.allSatisfy { FileManager.default.fileExists(atPath: pipeline.output + "/" + $0) }
                && !manifest.outputs.isEmpty
            if upToDate && stages.count > 1 {
                logger.info("load: outputs up to date")
                summary.filesWritten = manifest.outputs
            } else {
                let loaded = try timed("load") { try stage.run(plan, previousOutputs: manifest.outputs) }
                summary.filesWritten = loaded.files
                manifest.continuityFailed = loaded.continuityFailed
                summary.loaded = true
                try repair.finish()
                for (position, entry) in repair.repaired { manifest.entries[position] = entry }
                manifest.loadFingerprint = plan.fingerprint
                manifest.outputs = summary.filesWritten
                try save()
            }
        }
        summary.warnings += repair.warnings
        let removed = store.removeSegments(notIn: manifest.usedSegments)
        if removed > 0 { logger.debug("work: removed \(removed) unused segment(s)") }
        count(manifest.entries, into: &summary)
        if stages.contains(.load) { summary.checksFailed += manifest.continuityFailed }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// The work manifest, or an empty one where a fresh start is what the user asked for (`--full`)
    /// or what an older format needs; a damaged one otherwise stops the run with what to do.
    func loadManifest(_ path: String, readsStoredResults: Bool, into summary: inout RunSummary) throws -> Manifest {
        do {
            return try Manifest.load(path: path)
        } catch Manifest.Problem.olderVersion(let found) {
            let note = "\(path): the work folder was made by an older version (manifest \(found)); every input is extracted again"
            logger.warning("\(note)")
            summary.warnings.append(note)
            return Manifest()
        } catch Manifest.Problem.damaged(let why) {
            guard options.full && !readsStoredResults else {
                throw PipelineError.io("\(why); run `disclosure-etl run \(pipeline.source) --full` to rebuild the work folder from the inputs")
            }
            let note = "\(why); rebuilt from the inputs (--full)"
            logger.warning("\(note)")
            summary.warnings.append(note)
            return Manifest()
        }
    }

    /// Inputs of the last run, in this shard, that the scan did not find again by their path.
    func removedCount(_ entries: EntryTable, matches: [Int?]) -> Int {
        var present = [Bool](repeating: false, count: entries.count)
        for case let position? in matches { present[position] = true }
        return entries.indices.count { !present[$0] && options.shard.owns(entries.reportKey(at: $0)) }
    }

    /// Report and reject counts from the manifest, as the outputs hold them: of the reports with the
    /// same bytes, the first by path counts and the others are duplicates. Found by sorting positions
    /// by report_id and path, 8 bytes per input, rather than a set of report_ids.
    func count(_ entries: EntryTable, into summary: inout RunSummary) {
        for index in entries.indices {
            guard let reason = entries.rejectReason(at: index) else { continue }
            summary.rejects += 1
            summary.rejectsByReason[reason, default: 0] += 1
        }
        var previous: ReportKey?
        for index in entries.reportsByIdThenPath({ _ in true }) {
            let key = entries.reportKey(at: index)
            defer { previous = key }
            if key == previous {
                summary.rejects += 1
                summary.rejectsByReason["duplicate", default: 0] += 1
            } else if let status = entries.status(at: index) {
                if status == ReportStatus.ok.rawValue { summary.reportsOK += 1 } else { summary.reportsPartial += 1 }
                summary.checksFailed += entries.checksFailed(at: index)
                summary.diagnostics += entries.diagnostics(at: index)
            } else {
                summary.awaitingTransform += 1
            }
        }
    }

    /// The transformer and its key: the transform version and a hash of the dictionary files.
    func makeTransformer() throws -> (Transformer, String) {
        var hasher = SHA256()
        hasher.update(data: Array(Transformer.version.utf8))
        let (dictionary, contents) = try LabelFiles.load(pipeline.labels)
        for data in contents { hasher.update(data: data) }
        let key = "\(Transformer.version):" + hasher.finalize().prefix(8).map { String(format: "%02x", $0) }.joined()
        return (Transformer(dictionary: dictionary), key)
    }

    /// Everything besides the stored results that decides the output files.
    var loadSettings: String {
        "formats=\(pipeline.formats.map(\.rawValue).joined(separator: ",")) bom=\(pipeline.csvBOM) level=\(pipeline.compressionLevel) partition=\(pipeline.partitionBy.rawValue)\(pipeline.partitionColumnInFiles ? "+column" : "") rowgroup=\(pipeline.rowGroupRows) shard=\(options.shard) name=\(pipeline.name)"
    }

    func writers() throws -> [any DatasetWriter] {
        pipeline.formats.map { format in
            switch format {
            case .csv: return CSVWriter(bom: pipeline.csvBOM)
            case .csvZst: return CompressedCSVWriter(level: Int32(pipeline.compressionLevel), bom: pipeline.csvBOM)
            case .parquet:
                return ParquetDatasetWriter(
                    compressionLevel: Int32(pipeline.compressionLevel), rowGroupRows: pipeline.rowGroupRows,
                    partitionByYear: pipeline.partitionBy == .reportYear, yearInFiles: pipeline.partitionColumnInFiles,
                    metadata: [("disclosure_etl.version", ToolVersion.current), ("disclosure_etl.pipeline", pipeline.name)],
                    concurrentColumns: jobs > 1)
            case .xlsx: return XLSXDatasetWriter()
            }
        }
    }
}

import ArgumentParser
import Foundation
import Logging
import Pipeline

/// The options every stage command takes; each overrides the pipeline file for one run.
struct CommonOptions: ParsableArguments {
    @Argument(help: "The pipeline file, e.g. pipelines/samples.toml.")
    var pipeline: String

    @Option(name: .long, help: "Read reports from this folder or file instead of the pipeline's input; repeat it for several.")
    var input: [String] = []

    @Option(name: .customLong("out"), help: "Write datasets under this folder instead of the pipeline's output.")
    var output: String?

    @Option(name: .long, help: "Keep stage results in this folder instead of the pipeline's work folder.")
    var work: String?

    @Option(name: .long, parsing: .unconditional, help: "Documents processed at once (default: the pipeline's jobs; 0 = one per core).")
    var jobs: Int?

    @Flag(name: .long, help: "Redo every stage for every input, ignoring stored results.")
    var full = false

    @Option(name: .long, help: "Process only share K of N (0 ≤ K < N), e.g. 0/4, for one machine of N.")
    var shard: String?

    @Option(name: .customLong("summary-json"), help: "Also write the end summary as JSON to this file.")
    var summaryJSON: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error or critical (default: warning).")
    var logLevel: String = "warning"

    @Option(name: .customLong("log-format"), help: "text (default) or json: one JSON object per line on standard error, errors included.")
    var logFormat: String = "text"

    @Flag(name: .long, help: "No progress line, even on a terminal.")
    var quiet = false

    @Flag(name: .customLong("allow-removals"), help: ArgumentHelp(
        "Let this run remove more of the last run's inputs than the pipeline's max_removed_share (default 0.5), or load from a work folder that holds no results.",
        discussion: "Without it such a run stops before changing anything, with exit status 4."))
    var allowRemovals = false

    func validate() throws {
        if let jobs, jobs < 0 { throw ValidationError("--jobs must be ≥ 0 (0 = one per core)") }
        if let shard, Shard(parsing: shard) == nil { throw ValidationError("--shard must be K/N with 0 ≤ K < N, e.g. 0/4") }
        if !["text", "json"].contains(logFormat) { throw ValidationError("--log-format must be text or json") }
        if Logger.Level(rawValue: logLevel) == nil {
            throw ValidationError("--log-level must be one of: \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func execute(_ stages: [Stage]) throws {
        TerminationSignals.unblock()
        AllocatorTuning.apply()
        let level = Logger.Level(rawValue: logLevel) ?? .warning
        let json = logFormat == "json"
        LoggingSystem.bootstrap { label in
            if json { return JSONLogHandler(label: label, logLevel: level) }
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        func reportError(_ message: String) {
            if json {
                JSONLogHandler.write(level: "error", label: "disclosure-etl", message: message)
            } else {
                FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            }
        }
        let logger = Logger(label: "disclosure-etl")
        do {
            var file = try PipelineFile.load(path: pipeline)
            let cwd = FileManager.default.currentDirectoryPath
            func absolute(_ path: String) -> String {
                path.hasPrefix("/") ? path : URL(fileURLWithPath: cwd).appendingPathComponent(path).standardized.path
            }
            if !input.isEmpty { file.inputs = input.map(absolute) }
            if let output { file.output = absolute(output) }
            if let work { file.work = absolute(work) }
            if let jobs { file.jobs = jobs }
            AllocatorTuning.limitArenas(jobs: file.jobs == 0 ? ProcessInfo.processInfo.activeProcessorCount : file.jobs)
            let options = RunOptions(full: full, shard: shard.flatMap(Shard.init(parsing:)) ?? .whole, progress: !quiet, allowRemovals: allowRemovals)
            let summary = try PipelineRunner(pipeline: file, options: options, logger: logger).run(stages)
            print(summary.text)
            if stages.contains(.load), let page = RunReportHook.write(after: summary, pipeline: file) { print("  report:      \(page)") }
            if let summaryJSON {
                let path = absolute(summaryJSON)
                guard FileManager.default.createFile(atPath: path, contents: try summary.json()) else {
                    throw PipelineError.io("\(path): cannot write the JSON summary")
                }
            }
            if file.onReject == .fail && summary.rejects > 0 {
                reportError("\(summary.rejects) input(s) rejected and on_reject is \"fail\" (see the rejects dataset)")
                throw ExitCode(3)
            }
        } catch let error as PipelineError {
            reportError(error.description)
            throw ExitCode(error.exitCode)
        }
    }
}

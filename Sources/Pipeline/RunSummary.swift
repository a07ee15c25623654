import DisclosureModel
import Foundation

/// What a run did, printed at the end (and written as JSON for schedulers) so the user can see
/// every input accounted for.
public struct RunSummary: Sendable, Codable, Equatable {
    public var pipeline: String
    /// The version of the tool that ran (`tool_version` in the JSON summary).
    public var toolVersion = ToolVersion.current
    public var stages: [String] = []
    public var shard = "0/1"
    /// Inputs found (in this shard).
    public var inputs = 0
    /// Inputs extracted in this run, and inputs whose stored extract result was still good.
    public var extracted = 0
    public var extractSkipped = 0
    /// Reports transformed in this run, and reports whose stored transform result was still good.
    public var transformed = 0
    public var transformSkipped = 0
    /// Inputs of the previous run no longer present; their rows leave the outputs.
    public var removedInputs = 0
    /// Whether the load wrote files (false when the outputs were already up to date).
    public var loaded = false
    /// Extracted reports not transformed yet (after `extract` alone).
    public var awaitingTransform = 0
    public var reportsOK = 0
    public var reportsPartial = 0
    public var rejects = 0
    public var rejectsByReason: [String: Int] = [:]
    public var checksFailed = 0
    public var diagnostics = 0
    public var filesWritten: [String] = []
    public var outputRoot: String
    public var seconds = 0.0
    /// Wall-clock seconds by step (`scan`, `extract`, `transform`, `load`, `manifest`), so a slow
    /// night shows where the time went. `extract` includes transforming the reports it extracted.
    public var stageSeconds: [String: Double] = [:]
    /// Things the run recovered from and that are worth a look: a damaged stored record read again
    /// from its source, a work folder rebuilt. Each names the file.
    public var warnings: [String] = []

    public init(pipeline: String, outputRoot: String) {
        self.pipeline = pipeline
        self.outputRoot = outputRoot
    }

    /// Every input is a report (transformed or awaiting transform) or a reject.
    public var accountsForEveryInput: Bool { reportsOK + reportsPartial + awaitingTransform + rejects == inputs }

    public var text: String {
        var lines = ["pipeline \(pipeline) (\(stages.joined(separator: ", "))\(shard == "0/1" ? "" : ", shard \(shard)")): \(inputs) input(s) in \(String(format: "%.2f", seconds)) s"]
        if stages.contains("extract") {
            lines.append("  extract:     \(extracted) extracted, \(extractSkipped) unchanged" + (removedInputs > 0 ? ", \(removedInputs) removed" : ""))
        }
        if stages.contains("transform") {
            lines.append("  transform:   \(transformed) transformed, \(transformSkipped) unchanged")
        }
        lines.append("  reports:     \(reportsOK + reportsPartial) (\(reportsOK) ok, \(reportsPartial) partial)"
            + (awaitingTransform > 0 ? ", \(awaitingTransform) awaiting transform" : ""))
        let reasons = rejectsByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("  rejects:     \(rejects)" + (reasons.isEmpty ? "" : " (\(reasons))"))
        lines.append("  checks failed: \(checksFailed)")
        lines.append("  diagnostics: \(diagnostics)")
        let steps = ["scan", "extract", "transform", "load", "manifest"].compactMap { step in
            stageSeconds[step].map { "\(step) \(String(format: "%.2f", $0)) s" }
        }
        if !steps.isEmpty { lines.append("  time:        " + steps.joined(separator: ", ")) }
        if !warnings.isEmpty {
            lines.append("  warnings:    \(warnings.count)")
            for warning in warnings { lines.append("    \(warning)") }
        }
        if stages.contains("load") {
            if loaded {
                lines.append("  files written under \(outputRoot): \(filesWritten.count)")
                for file in filesWritten { lines.append("    \(file)") }
            } else {
                lines.append("  outputs under \(outputRoot) already up to date: nothing written")
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The summary as pretty JSON, snake_case keys in sorted order.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}

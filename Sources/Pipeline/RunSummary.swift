/// What a run did, printed at the end so the user can see every input accounted for.
public struct RunSummary: Sendable, Codable, Equatable {
    public var pipeline: String
    public var inputs = 0
    public var reportsOK = 0
    public var reportsPartial = 0
    public var rejects = 0
    public var rejectsByReason: [String: Int] = [:]
    public var checksFailed = 0
    public var diagnostics = 0
    public var filesWritten: [String] = []
    public var outputRoot: String
    public var seconds = 0.0

    public init(pipeline: String, outputRoot: String) {
        self.pipeline = pipeline
        self.outputRoot = outputRoot
    }

    /// Every input is a report or a reject.
    public var accountsForEveryInput: Bool { reportsOK + reportsPartial + rejects == inputs }

    public var text: String {
        var lines = ["pipeline \(pipeline): \(inputs) input(s) in \(String(format: "%.2f", seconds)) s"]
        lines.append("  reports:     \(reportsOK + reportsPartial) (\(reportsOK) ok, \(reportsPartial) partial)")
        let reasons = rejectsByReason.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("  rejects:     \(rejects)" + (reasons.isEmpty ? "" : " (\(reasons))"))
        lines.append("  checks failed: \(checksFailed)")
        lines.append("  diagnostics: \(diagnostics)")
        lines.append("  files written under \(outputRoot): \(filesWritten.count)")
        for file in filesWritten { lines.append("    \(file)") }
        return lines.joined(separator: "\n")
    }
}

import Foundation

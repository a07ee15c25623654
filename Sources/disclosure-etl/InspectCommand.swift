import ArgumentParser
import Foundation
import Pipeline

/// `disclosure-etl inspect FILE`: how one document was read, without a pipeline.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how one document is read: its format, its tables row by row as printed, every cell, checks and diagnostics.",
        discussion: """
        Reads FILE directly (no pipeline, work or output folder) with the label dictionary given by \
        --labels (default: pipelines/labels.toml in the current folder). Exit status 0 when the file \
        is read as a report, 1 when it is rejected (the reason is printed), 2 for a usage error.
        """)

    @Argument(help: "The report file (text, HTML, PDF or .docx).")
    var file: String

    @Option(name: .long, help: "A label dictionary (TOML); repeat to add overlays, as a pipeline's `labels` list.")
    var labels: [String] = []

    @Flag(name: .long, help: "Print JSON (one object) for tools instead of text.")
    var json = false

    func run() throws {
        let inspection: Inspection
        do {
            inspection = try Inspection.inspect(path: file, labels: labels.isEmpty ? ["pipelines/labels.toml"] : labels)
        } catch let error as PipelineError {
            throw ValidationError(error.description)
        }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            print(String(decoding: try encoder.encode(inspection), as: UTF8.self))
        } else {
            print(inspection.text, terminator: "")
        }
        if inspection.outcome != "report" { throw ExitCode(1) }
    }
}

import ArgumentParser
import DisclosureModel
import Foundation

@main
struct DisclosureETL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure-etl",
        abstract: "Turn government information-disclosure annual reports into analyst-ready datasets.",
        discussion: """
        Exit status: 0 the run completed; 1 the run failed (unreadable input, unwritable output or \
        work folder); 2 a configuration error (pipeline file, dictionary, options); 3 the run \
        completed with rejects and the pipeline's on_reject is "fail"; 4 the safety guard stopped the \
        run before it changed anything (it would remove more of the last run's inputs than \
        max_removed_share, or load from a work folder with no results; see --allow-removals); \
        5 another run holds the work or output folder.
        """,
        version: ToolVersion.current,
        subcommands: [RunCommand.self, ExtractCommand.self, TransformCommand.self, LoadCommand.self, InspectCommand.self, ReportCommand.self])

    /// As ArgumentParser's, but a usage error (an unknown option, a bad value) exits with status 2,
    /// as documented for every configuration error, rather than 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run extract, transform and load, redoing only what changed since the last run.")
    @OptionGroup var common: CommonOptions
    func run() throws { try common.execute(Stage.allCases) }
}

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Read new and changed inputs and store what they hold in the work folder.")
    @OptionGroup var common: CommonOptions
    func run() throws { try common.execute([.extract]) }
}

struct TransformCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transform",
        abstract: "Map the stored extract results through the dictionary again (after a dictionary fix), without reading the sources.")
    @OptionGroup var common: CommonOptions
    func run() throws { try common.execute([.transform]) }
}

struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Rewrite the output datasets from the stored transform results.")
    @OptionGroup var common: CommonOptions
    func run() throws { try common.execute([.load]) }
}

import Pipeline

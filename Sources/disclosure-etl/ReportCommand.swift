import DisclosureModel
import ArgumentParser
import Foundation
import RunReport

/// `disclosure-etl report OUT`: draws `OUT/report.html` again from the datasets in OUT.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draw OUT/report.html from the datasets under an output folder (any version's).",
        discussion: """
        The page holds what the datasets hold; stage times are not in them, so give the run's \
        --summary-json file to show those. The same datasets (and summary) give the same bytes. \
        Exit status 0 when written, 1 when the folder holds no readable datasets.
        """)

    @Argument(help: "The output folder of a run (holding parquet/ or csv/).")
    var output: String

    @Option(name: .customLong("summary-json"), help: "A run's --summary-json file: its pipeline name and stage times are shown.")
    var summaryJSON: String?

    @Option(name: .long, help: "The input folder, so the page's inspect commands name the files in full.")
    var input: String?

    func run() throws {
        var context = RunContext(inputFolder: input, toolVersion: ToolVersion.current)
        if let summaryJSON {
            guard let data = FileManager.default.contents(atPath: summaryJSON),
                  let summary = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw ValidationError("\(summaryJSON): cannot read the JSON summary")
            }
            context.pipeline = summary["pipeline"] as? String
            let seconds = summary["stage_seconds"] as? [String: Double] ?? [:]
            context.stageSeconds = RunReportHook.steps.compactMap { step in seconds[step].map { (step, $0) } }
        }
        do {
            print(try RunReport.write(outputRoot: output, context: context))
        } catch let error as RunReportError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

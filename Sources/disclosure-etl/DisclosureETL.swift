import ArgumentParser
import Pipeline

@main
struct DisclosureETL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disclosure-etl",
        abstract: "Turn government information-disclosure annual reports into analyst-ready datasets.",
        subcommands: [Run.self])
}

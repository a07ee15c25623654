import ArgumentParser
import Foundation
import Pipeline

/// `disclosure-etl run PIPELINE`: extract, transform and load every input of a pipeline.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run all stages of a pipeline: extract, transform, load.",
        discussion: """
        Exit status: 0 when the run completed (rejected inputs are listed in the rejects dataset), \
        1 when the run itself failed (unreadable input folder or dictionary, unwritable output), \
        2 when the pipeline file is wrong.
        """)

    @Argument(help: "The pipeline file, e.g. pipelines/samples.toml.")
    var pipeline: String

    @Option(name: .long, help: "Read reports from this folder instead of the pipeline's input.")
    var input: String?

    @Option(name: .customLong("out"), help: "Write datasets under this folder instead of the pipeline's output.")
    var output: String?

    @Option(name: .long, help: "Documents processed at once (default: the pipeline's jobs, 0 = one per core).")
    var jobs: Int?

    func run() throws {
        var file: PipelineFile
        do {
            file = try PipelineFile.load(path: pipeline)
        } catch let error as PipelineFile.LoadError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(2)
        }
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String { path.hasPrefix("/") ? path : URL(fileURLWithPath: cwd).appendingPathComponent(path).standardized.path }
        if let input { file.input = absolute(input) }
        if let output { file.output = absolute(output) }
        if let jobs {
            guard jobs >= 0 else { throw ValidationError("--jobs must be ≥ 0 (0 = one per core)") }
            file.jobs = jobs
        }
        do {
            let summary = try PipelineRunner(pipeline: file).run()
            print(summary.text)
        } catch let error as PipelineRunner.RunError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}

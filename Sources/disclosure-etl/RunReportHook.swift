import DisclosureModel
import Foundation
import Pipeline
import RunReport

/// Writes `OUT/report.html` at the end of `run` and `load`, from the datasets just written and
/// the run's stage times. A page that cannot be drawn is a warning: the datasets are in place.
enum RunReportHook {
    /// The steps of `RunSummary.stageSeconds`, in the order they run.
    static let steps = ["scan", "extract", "transform", "load", "manifest"]

    /// Returns the page's path, nil when it was not written.
    static func write(after summary: RunSummary, pipeline: PipelineFile) -> String? {
        let context = RunContext(
            pipeline: pipeline.name,
            stageSeconds: steps.compactMap { step in summary.stageSeconds[step].map { (step, $0) } },
            inputFolder: pipeline.inputs.count == 1 ? InputScanner.singleFile(pipeline.inputs[0])?.folder ?? pipeline.inputs[0] : nil,
            toolVersion: ToolVersion.current)
        do {
            return try RunReport.write(outputRoot: pipeline.output, context: context)
        } catch {
            FileHandle.standardError.write(Data("warning: \(pipeline.output)/\(RunReport.fileName) not written: \(error)\n".utf8))
            return nil
        }
    }
}

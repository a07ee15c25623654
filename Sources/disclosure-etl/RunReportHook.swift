import DisclosureModel
import Foundation
import Pipeline
import RunReport

/// Writes `OUT/report.html` at the end of `run` and `load`, from the datasets just written and
/// the run's stage times. A page that cannot be drawn is a warning: the datasets are in place.
/// A run that wrote no dataset (its outputs were up to date) keeps the page of the run that wrote
/// them: the same datasets give the same page, and reading them back again is most of a no-change
/// run's time. A missing page is drawn.
enum RunReportHook {
    /// The steps of `RunSummary.stageSeconds`, in the order they run.
    static let steps = ["scan", "extract", "transform", "load", "manifest"]

    /// The summary's `report:` line, nil when the page was not written.
    static func write(after summary: RunSummary, pipeline: PipelineFile) -> String? {
        let existing = pipeline.output + "/" + RunReport.fileName
        if !summary.loaded, FileManager.default.fileExists(atPath: existing) {
            return "\(existing) (kept: no dataset changed)"
        }
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

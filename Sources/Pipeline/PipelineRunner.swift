import DisclosureModel
import Dispatch
import Foundation
import Load
import Synchronization
import Transform

/// Runs a pipeline end to end: scan inputs, extract and transform them concurrently with
/// Dispatch, then load the datasets. Results are gathered in input order, so output does not
/// depend on the number of jobs.
public struct PipelineRunner: Sendable {
    public let pipeline: PipelineFile

    public init(pipeline: PipelineFile) {
        self.pipeline = pipeline
    }

    /// A failure of the run itself (not of one input): bad dictionary, unreadable input folder,
    /// unwritable output.
    public struct RunError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public func run() throws -> RunSummary {
        let started = Date()
        let dictionary = try loadDictionary()
        let inputs: [InputScanner.Input]
        do { inputs = try InputScanner.scan(pipeline.input) } catch let error as InputScanner.ScanError {
            throw RunError(description: error.description)
        }
        let outcomes = process(inputs, with: DocumentProcessor(transformer: Transformer(dictionary: dictionary)))

        var summary = RunSummary(pipeline: pipeline.name, outputRoot: pipeline.output)
        summary.inputs = inputs.count
        var reports: [TransformedReport] = []
        var rejects: [Reject] = []
        var firstPathById: [String: String] = [:]
        for outcome in outcomes {
            switch outcome {
            case .report(let report):
                if let first = firstPathById[report.reportId] {
                    rejects.append(Reject(sourcePath: report.sourcePath, reason: .duplicate,
                                          detail: "same bytes as \(first) (report_id \(report.reportId))"))
                    continue
                }
                firstPathById[report.reportId] = report.sourcePath
                reports.append(report)
            case .reject(let reject):
                rejects.append(reject)
            }
        }
        for report in reports {
            if report.status == "ok" { summary.reportsOK += 1 } else { summary.reportsPartial += 1 }
            summary.checksFailed += report.checkFailures.count
            summary.diagnostics += report.diagnostics.count
        }
        summary.rejects = rejects.count
        for reject in rejects { summary.rejectsByReason[reject.reason.rawValue, default: 0] += 1 }

        let loader = Loader(writers: pipeline.formats.compactMap(Self.writer(for:)))
        do {
            summary.filesWritten = try loader.load(reports: reports, rejects: rejects, to: pipeline.output)
        } catch let error as LoadError {
            throw RunError(description: error.description)
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    static func writer(for format: String) -> (any DatasetWriter)? {
        switch format {
        case "csv": CSVWriter()
        default: nil
        }
    }

    func loadDictionary() throws -> LabelDictionary {
        guard let first = pipeline.labels.first else {
            throw RunError(description: "pipeline \(pipeline.name): no label dictionary configured")
        }
        do {
            return try LabelDictionary.load(path: first)
        } catch let error as LabelDictionary.LoadError {
            throw RunError(description: error.description)
        }
    }

    /// Processes documents on `jobs` Dispatch workers; slot `i` of the result is input `i`.
    func process(_ inputs: [InputScanner.Input], with processor: DocumentProcessor) -> [DocumentProcessor.Outcome] {
        let jobs = max(1, min(pipeline.jobs == 0 ? ProcessInfo.processInfo.activeProcessorCount : pipeline.jobs, max(inputs.count, 1)))
        let results = Mutex<[DocumentProcessor.Outcome?]>(Array(repeating: nil, count: inputs.count))
        DispatchQueue.concurrentPerform(iterations: jobs) { worker in
            for index in stride(from: worker, to: inputs.count, by: jobs) {
                let outcome = processor.process(inputs[index])
                results.withLock { $0[index] = outcome }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}

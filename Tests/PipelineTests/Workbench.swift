import Foundation
import Pipeline

/// A throwaway project for pipeline tests: an input folder holding copies of the samples, its own
/// copy of the dictionary, a pipeline file, and work and output folders.
struct Workbench {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    let root: String
    var input: String { root + "/input" }
    var output: String { root + "/out" }
    var labels: String { root + "/labels.toml" }
    var pipelinePath: String { root + "/pipeline.toml" }

    init(samples: Bool = true, extraTOML: String = "") throws {
        root = NSTemporaryDirectory() + "disclosure-etl-bench-" + UUID().uuidString
        let files = FileManager.default
        try files.createDirectory(atPath: input, withIntermediateDirectories: true)
        try files.copyItem(atPath: Self.repository.appendingPathComponent("pipelines/labels.toml").path, toPath: labels)
        if samples {
            for name in try files.contentsOfDirectory(atPath: Self.repository.appendingPathComponent("samples").path) where name.hasSuffix(".txt") {
                try files.copyItem(atPath: Self.repository.appendingPathComponent("samples/\(name)").path, toPath: "\(input)/\(name)")
            }
        }
        let toml = """
        name = "bench"
        input = "input"
        work = "work"
        output = "out"
        labels = ["labels.toml"]
        \(extraTOML)
        """
        files.createFile(atPath: pipelinePath, contents: Data(toml.utf8))
    }

    func pipeline(jobs: Int? = nil) throws -> PipelineFile {
        var file = try PipelineFile.load(path: pipelinePath)
        if let jobs { file.jobs = jobs }
        return file
    }

    func run(_ stages: [Stage] = Stage.allCases, full: Bool = false, shard: Shard = .whole, jobs: Int? = nil) throws -> RunSummary {
        try PipelineRunner(pipeline: pipeline(jobs: jobs), options: RunOptions(full: full, shard: shard, progress: false)).run(stages)
    }

    /// Every output file and its bytes; hidden files (a killed run's temporaries) are not outputs.
    func outputs() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in files() where !(relative as NSString).lastPathComponent.hasPrefix(".") {
            result[relative] = FileManager.default.contents(atPath: output + "/" + relative)
        }
        return result
    }

    /// Temporary files left in the output folder.
    func temporaries() -> [String] {
        files().filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
    }

    private func files() -> [String] {
        var result: [String] = []
        guard let enumerator = FileManager.default.enumerator(atPath: output) else { return result }
        while let relative = enumerator.nextObject() as? String {
            if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { result.append(relative) }
        }
        return result
    }

    /// The data lines of a CSV output.
    func rows(_ relative: String) throws -> [String] {
        let text = try String(contentsOfFile: output + "/" + relative, encoding: .utf8)
        return Array(text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.dropFirst())
    }

    /// Writes a new report made from a sample with another agency name, so its bytes are new.
    func addVariant(of sample: String, agency: String, as name: String) throws {
        let text = try String(contentsOfFile: Self.repository.appendingPathComponent("samples/\(sample)").path, encoding: .utf8)
        let original = text.contains("攀枝花市东区民政局") ? "攀枝花市东区民政局" : "石嘴山市民政局"
        try text.replacingOccurrences(of: original, with: agency).write(toFile: "\(input)/\(name)", atomically: true, encoding: .utf8)
    }
}

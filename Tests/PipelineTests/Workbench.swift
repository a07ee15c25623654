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

    var work: String { root + "/work" }

    func pipeline(jobs: Int? = nil, work: String? = nil) throws -> PipelineFile {
        var file = try PipelineFile.load(path: pipelinePath)
        if let jobs { file.jobs = jobs }
        if let work { file.work = work }
        return file
    }

    func run(_ stages: [Stage] = Stage.allCases, full: Bool = false, shard: Shard = .whole, jobs: Int? = nil,
             work: String? = nil, allowRemovals: Bool = false) throws -> RunSummary {
        try PipelineRunner(pipeline: pipeline(jobs: jobs, work: work),
                           options: RunOptions(full: full, shard: shard, progress: false, allowRemovals: allowRemovals)).run(stages)
    }

    /// Every output file and its bytes, as a reader sees them through the documented paths
    /// (`csv/…`, `parquet/…`, links into the current generation); hidden entries are not outputs.
    func outputs() throws -> [String: Data] {
        var result: [String: Data] = [:]
        for relative in files() {
            result[relative] = FileManager.default.contents(atPath: output + "/" + relative)
        }
        return result
    }

    /// What killed runs left in the output folder: temporary files and links, and generations other
    /// than the current one.
    func temporaries() -> [String] {
        var result: [String] = []
        if let enumerator = FileManager.default.enumerator(atPath: output) {
            while let relative = enumerator.nextObject() as? String {
                if relative.contains(".tmp-") { result.append(relative) }
            }
        }
        let generations = output + "/.generations"
        let current = try? FileManager.default.destinationOfSymbolicLink(atPath: generations + "/current")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: generations)) ?? [] where name.hasPrefix("g-") && name != current {
            result.append(".generations/" + name)
        }
        return result
    }

    /// Regular files under the output folder's visible entries, following their links.
    private func files() -> [String] {
        var result: [String] = []
        for top in ((try? FileManager.default.contentsOfDirectory(atPath: output)) ?? []) where !top.hasPrefix(".") {
            let resolved = URL(fileURLWithPath: output + "/" + top).resolvingSymlinksInPath().path
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else { result.append(top); continue }
            guard let enumerator = FileManager.default.enumerator(atPath: resolved) else { continue }
            while let relative = enumerator.nextObject() as? String {
                guard !(relative as NSString).lastPathComponent.hasPrefix(".") else { continue }
                if (enumerator.fileAttributes?[.type] as? FileAttributeType) == .typeRegular { result.append(top + "/" + relative) }
            }
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

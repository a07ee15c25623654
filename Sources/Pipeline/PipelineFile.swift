import Foundation
import TOMLKit

/// A pipeline definition read from a TOML file in `pipelines/`.
///
/// Relative paths are resolved against the folder that holds the pipeline file, so a pipeline
/// runs the same from any working directory.
public struct PipelineFile: Sendable, Equatable {
    /// Shown in the summary and written into file metadata.
    public var name: String
    /// Folder scanned (recursively) for reports.
    public var input: String
    /// Folder the datasets are written to (`csv/`, `parquet/` under it).
    public var output: String
    /// Label dictionary files; later files add to and may not contradict earlier ones.
    public var labels: [String]
    /// Output formats, from `csv` (and `parquet` once that writer lands).
    public var formats: [String]
    /// Documents processed at once; 0 means one per core.
    public var jobs: Int

    public static let knownFormats = ["csv"]
    static let knownKeys: Set<String> = ["name", "input", "output", "labels", "formats", "jobs"]

    /// A problem in a pipeline file; names the file, the key and what was expected.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    public static func load(path: String) throws -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read the pipeline file (missing or unreadable)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try PipelineFile(toml: String(decoding: data, as: UTF8.self), source: path, baseDirectory: base)
    }

    public init(toml: String, source: String, baseDirectory: String) throws {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw LoadError(description: "\(source):\(error.source.begin.line):\(error.source.begin.column): TOML syntax error: \(error.description)")
        }
        for key in root.keys where !Self.knownKeys.contains(key) {
            throw LoadError(description: "\(source): unknown key \"\(key)\"; the keys are: \(Self.knownKeys.sorted().joined(separator: ", "))")
        }
        func string(_ key: String, default fallback: String? = nil) throws -> String {
            guard let value = root[key] else {
                if let fallback { return fallback }
                throw LoadError(description: "\(source): missing key \"\(key)\" (a string)")
            }
            guard let string = value.string, !string.isEmpty else {
                throw LoadError(description: "\(source): \"\(key)\" must be a non-empty string")
            }
            return string
        }
        func strings(_ key: String, default fallback: [String]) throws -> [String] {
            guard let value = root[key] else { return fallback }
            if let single = value.string { return [single] }
            guard let array = value.array else {
                throw LoadError(description: "\(source): \"\(key)\" must be an array of strings")
            }
            return try array.map {
                guard let string = $0.string else { throw LoadError(description: "\(source): \"\(key)\" must hold only strings") }
                return string
            }
        }
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardized.path
        }

        name = try string("name", default: URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent)
        input = resolve(try string("input"))
        output = resolve(try string("output"))
        labels = try strings("labels", default: ["labels.toml"]).map(resolve)
        formats = try strings("formats", default: ["csv"])
        for format in formats where !Self.knownFormats.contains(format) {
            throw LoadError(description: "\(source): \"formats\" has \"\(format)\"; expected any of: \(Self.knownFormats.joined(separator: ", "))")
        }
        if let value = root["jobs"] {
            guard let jobs = value.int, jobs >= 0 else {
                throw LoadError(description: "\(source): \"jobs\" must be a whole number ≥ 0 (0 = one per core)")
            }
            self.jobs = jobs
        } else {
            jobs = 0
        }
    }
}

import Foundation
import TOMLKit

/// A pipeline definition read from a TOML file in `pipelines/`; every key is documented in
/// docs/pipelines.md.
///
/// Relative paths are resolved against the folder that holds the pipeline file, so a pipeline
/// runs the same from any working directory.
public struct PipelineFile: Sendable, Equatable {
    /// The file it was read from, named in messages that say what to run.
    public var source: String
    /// Shown in the summary and written into Parquet metadata.
    public var name: String
    /// Folders scanned recursively for reports.
    public var inputs: [String]
    /// Glob patterns (fnmatch, `*` crosses `/`) a file's path relative to its input folder must match.
    public var include: [String]
    /// Glob patterns of files to leave out.
    public var exclude: [String]
    /// Folder keeping each stage's results and the manifest, so stages can run alone.
    public var work: String
    /// Folder the datasets are written under.
    public var output: String
    /// Label dictionary files, merged in order.
    public var labels: [String]
    /// Output formats: `csv`, `csv.zst`, `parquet`, `xlsx`.
    public var formats: [OutputFormat]
    /// Whether CSV files start with a UTF-8 byte-order mark, for Excel users (`csv_bom`).
    public var csvBOM: Bool
    /// zstd level for Parquet pages and `.csv.zst` files (1–19).
    public var compressionLevel: Int
    /// `none`, or `report_year` for Hive-style `report_year=YYYY/` folders (Parquet).
    public var partitionBy: Partitioning
    /// With `partition_by = "report_year"`, whether `report_year` stays a column of each file as
    /// well as its folder's name (`partition_column_in_files`; off by default: pandas cannot read
    /// such a folder, docs/datasets.md).
    public var partitionColumnInFiles: Bool
    /// Rows per Parquet row group.
    public var rowGroupRows: Int
    /// Documents processed at once; 0 means one per core.
    public var jobs: Int
    /// `continue`, or `fail` to exit with status 3 when a completed run has rejects.
    public var onReject: RejectPolicy
    /// Larger input files are rejected (`too_large`) without being read: a run holds each file
    /// it reads in memory, `jobs` at a time.
    public var maxInputBytes: Int
    /// The share of the last run's inputs a run may remove before the safety guard stops it (0–1).
    public var maxRemovedShare: Double
    /// Seconds an external tool (MuPDF on a PDF) may work on one file before it is killed.
    public var toolTimeoutSeconds: Int

    static let knownKeys: Set<String> = [
        "name", "input", "include", "exclude", "work", "output", "labels", "formats", "csv_bom", "compression_level",
        "partition_by", "partition_column_in_files", "row_group_rows", "jobs", "on_reject", "max_input_bytes", "max_removed_share",
        "tool_timeout_seconds",
    ]

    public static func load(path: String) throws -> PipelineFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError.configuration("\(path): cannot read the pipeline file (missing or unreadable)")
        }
        let base = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return try PipelineFile(toml: String(decoding: data, as: UTF8.self), source: path, baseDirectory: base)
    }

    public init(toml: String, source: String, baseDirectory: String) throws {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw PipelineError.configuration("\(source):\(error.source.begin.line):\(error.source.begin.column): TOML syntax error: \(error.description)")
        }
        self.source = source
        let reader = Keys(root: root, source: source)
        for key in root.keys where !Self.knownKeys.contains(key) {
            throw PipelineError.configuration("\(source): unknown key \"\(key)\"; the keys are: \(Self.knownKeys.sorted().joined(separator: ", "))")
        }
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : URL(fileURLWithPath: baseDirectory).appendingPathComponent(path).standardized.path
        }
        name = try reader.string("name", default: URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent)
        inputs = try reader.strings("input", default: nil).map(resolve)
        guard !inputs.isEmpty else { throw PipelineError.configuration("\(source): \"input\" must name at least one folder") }
        include = try reader.strings("include", default: ["*"])
        exclude = try reader.strings("exclude", default: [])
        output = resolve(try reader.string("output", default: nil))
        work = resolve(try reader.string("work", default: "../work/\(name)"))
        labels = try reader.strings("labels", default: ["labels.toml"]).map(resolve)
        formats = try reader.strings("formats", default: ["csv"]).map { name in
            guard let format = OutputFormat(rawValue: name) else {
                throw PipelineError.configuration("\(source): \"formats\" has \"\(name)\"; expected any of: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return format
        }
        csvBOM = try reader.bool("csv_bom", default: false)
        compressionLevel = try reader.int("compression_level", default: 3, range: 1...19)
        partitionBy = try reader.choice("partition_by", default: Partitioning.none)
        partitionColumnInFiles = try reader.bool("partition_column_in_files", default: false)
        if partitionColumnInFiles && partitionBy == .none {
            throw PipelineError.configuration("\(source): \"partition_column_in_files\" = true needs \"partition_by\" = \"report_year\" (there is no partition column without it)")
        }
        rowGroupRows = try reader.int("row_group_rows", default: 122_880, range: 1_000...100_000_000)
        jobs = try reader.int("jobs", default: 0, range: 0...1024)
        onReject = try reader.choice("on_reject", default: RejectPolicy.continue)
        maxInputBytes = try reader.int("max_input_bytes", default: 256 << 20, range: 1...(1 << 40))
        maxRemovedShare = try reader.share("max_removed_share", default: 0.5)
        toolTimeoutSeconds = try reader.int("tool_timeout_seconds", default: 120, range: 1...86_400)
    }

    /// Typed access to the keys, with errors that name the file, the key and what was expected.
    private struct Keys {
        let root: TOMLTable
        let source: String

        func string(_ key: String, default fallback: String?) throws -> String {
            guard let value = root[key] else {
                if let fallback { return fallback }
                throw PipelineError.configuration("\(source): missing key \"\(key)\" (a string)")
            }
            guard let string = value.string, !string.isEmpty else {
                throw PipelineError.configuration("\(source): \"\(key)\" must be a non-empty string")
            }
            return string
        }

        func strings(_ key: String, default fallback: [String]?) throws -> [String] {
            guard let value = root[key] else {
                if let fallback { return fallback }
                throw PipelineError.configuration("\(source): missing key \"\(key)\" (a string or an array of strings)")
            }
            if let single = value.string { return [single] }
            guard let array = value.array else {
                throw PipelineError.configuration("\(source): \"\(key)\" must be a string or an array of strings")
            }
            return try array.map {
                guard let string = $0.string, !string.isEmpty else {
                    throw PipelineError.configuration("\(source): \"\(key)\" must hold only non-empty strings")
                }
                return string
            }
        }

        func int(_ key: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
            guard let value = root[key] else { return fallback }
            guard let int = value.int, range.contains(int) else {
                throw PipelineError.configuration("\(source): \"\(key)\" must be a whole number from \(range.lowerBound) to \(range.upperBound)")
            }
            return int
        }

        func bool(_ key: String, default fallback: Bool) throws -> Bool {
            guard let value = root[key] else { return fallback }
            guard let bool = value.bool else {
                throw PipelineError.configuration("\(source): \"\(key)\" must be true or false")
            }
            return bool
        }

        func share(_ key: String, default fallback: Double) throws -> Double {
            guard let value = root[key] else { return fallback }
            guard let share = value.double ?? value.int.map(Double.init), (0...1).contains(share) else {
                throw PipelineError.configuration("\(source): \"\(key)\" must be a number from 0 to 1 (a share, e.g. 0.5)")
            }
            return share
        }

        func choice<Choice: RawRepresentable & CaseIterable>(_ key: String, default fallback: Choice) throws -> Choice
        where Choice.RawValue == String {
            let value = try string(key, default: fallback.rawValue)
            guard let choice = Choice(rawValue: value) else {
                throw PipelineError.configuration("\(source): \"\(key)\" is \"\(value)\"; expected one of: \(Choice.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return choice
        }
    }
}

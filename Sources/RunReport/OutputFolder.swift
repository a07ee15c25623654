import Foundation
import Parquet

/// The datasets a run wrote under its output folder, read back: from Parquet when the run wrote it
/// (`parquet/<dataset>/…/*.parquet`, shard parts and `report_year=YYYY/` partitions included),
/// else from CSV (`csv/<dataset>[.part-K-of-N].csv`, or `.csv.zst`). Parquet is preferred because
/// it is typed and its footer names the version that wrote it; CSV is read because it is the
/// pipelines' default format, so any output folder can be drawn.
struct OutputFolder {
    let root: String
    /// Where the rows were read from: `parquet`, `csv` or `csv.zst`.
    let format: String
    /// Per dataset, the `disclosure_etl.version` and `disclosure_etl.pipeline` of its Parquet
    /// footers (the last file's), when there are any.
    private(set) var versions: [String: String] = [:]
    private(set) var pipelines: [String: String] = [:]

    init(root: String) throws {
        self.root = root
        let manager = FileManager.default
        if Self.files(under: root + "/parquet", suffix: ".parquet").isEmpty == false {
            format = "parquet"
        } else if let names = try? manager.contentsOfDirectory(atPath: root + "/csv"), names.contains(where: { $0.hasSuffix(".csv") }) {
            format = "csv"
        } else if let names = try? manager.contentsOfDirectory(atPath: root + "/csv"), names.contains(where: { $0.hasSuffix(".csv.zst") }) {
            format = "csv.zst"
        } else {
            throw RunReportError("\(root): no datasets found (neither parquet/<dataset>/*.parquet nor csv/<dataset>.csv[.zst])")
        }
    }

    /// Hands `columns` of `dataset` to `body` a run of rows at a time (a Parquet row group, a
    /// piece of a CSV file), from all its files in path order, so no dataset is held whole.
    /// `codes` names columns of few values: every row keeps them whatever `keep` says, and CSV
    /// stores each value once (Parquet's dictionaries already do).
    /// `keep` leaves out the other text columns of rows it does not need (see `CSVColumns`; in
    /// Parquet, the rows whose `keep.column` holds none of `keep.values` read those columns as null).
    mutating func read(_ dataset: String, columns: [String], keep: (column: String, values: Set<String>)? = nil,
                       codes: Set<String> = [], _ body: (DatasetColumns) throws -> Void) throws {
        if format == "parquet" {
            for path in Self.files(under: "\(root)/parquet/\(dataset)", suffix: ".parquet") {
                try readParquet(path, dataset: dataset, columns: columns, keep: keep, codes: codes, body)
            }
            return
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/csv")) ?? []).filter {
            $0.hasSuffix("." + format) && ($0 == "\(dataset).\(format)" || $0.hasPrefix("\(dataset).part-"))
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let path = "\(root)/csv/\(name)"
            var csv = CSVColumns(columns: columns, keep: keep, codes: codes, path: path)
            // The bytes not yet taken: the start of a row that runs into the next piece.
            var pending: [UInt8] = []
            try FileChunks.forEach(path, zstd: format == "csv.zst") { piece in
                pending.append(contentsOf: piece)
                let (rows, used) = try pending.withUnsafeBytes { try csv.read($0, atEnd: false) }
                pending.removeFirst(used)
                if rows.rowCount > 0 { try body(rows) }
            }
            try body(try pending.withUnsafeBytes { try csv.read($0, atEnd: true) }.rows)
        }
    }

    private mutating func readParquet(_ path: String, dataset: String, columns: [String], keep: (column: String, values: Set<String>)?,
                                      codes: Set<String>, _ body: (DatasetColumns) throws -> Void) throws {
        do {
            let reader = try ParquetReader(path: path)
            for (key, value) in reader.keyValueMetadata {
                if key == "disclosure_etl.version" { versions[dataset] = value }
                if key == "disclosure_etl.pipeline" { pipelines[dataset] = value }
            }
            let available = Set(reader.columns.map(\.name))
            // A year partition keeps report_year in its folder name, not in the file.
            let folderYear = columns.contains("report_year") && !available.contains("report_year")
                ? path.split(separator: "/").last(where: { $0.hasPrefix("report_year=") }).flatMap { Int64($0.dropFirst("report_year=".count)) }
                : nil
            for group in 0..<reader.rowGroupCount {
                var result = DatasetColumns(rowCount: reader.rowGroupRowCounts[group])
                var rows: [Bool]?
                if let keep, available.contains(keep.column), case .byteArrays(let codes) = try reader.read(keep.column, rowGroup: group) {
                    result.columns[keep.column] = .byteArrays(codes)
                    let kept = (0..<codes.entryCount).map { keep.values.contains(codes.entryString($0)) }
                    rows = codes.entryOfRow.map { $0 >= 0 && kept[Int($0)] }
                }
                for name in columns where available.contains(name) && result.columns[name] == nil {
                    result.columns[name] = try reader.read(name, rowGroup: group, keep: codes.contains(name) ? nil : rows)
                }
                if let folderYear { result.columns["report_year"] = .integers(Array(repeating: folderYear, count: result.rowCount)) }
                try body(result)
            }
        } catch let error as ParquetError {
            throw RunReportError("\(path): \(error.description)")
        }
    }

    /// Files ending in `suffix` under `folder`, hidden ones (temporaries) left out, in byte order.
    /// `folder` may be a link (output generations leave `parquet` a link into `.generations/`): the
    /// enumerator does not go into a link, so it walks the folder the link points to; the paths it
    /// returns stay under `folder`.
    static func files(under folder: String, suffix: String) -> [String] {
        let target = URL(fileURLWithPath: folder).resolvingSymlinksInPath().path
        guard let enumerator = FileManager.default.enumerator(atPath: target) else { return [] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = (relative as NSString).lastPathComponent
            if name.hasSuffix(suffix), !name.hasPrefix(".") { found.append(folder + "/" + relative) }
        }
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}

/// Why a report could not be drawn; names the file.
public struct RunReportError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

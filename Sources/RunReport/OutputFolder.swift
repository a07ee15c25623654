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
    /// The bytes of a CSV file read at a time (tests make it small to cut rows and fields apart).
    var pieceSize = FileChunks.size

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

    /// Hands the rows of `dataset` to `body` a run at a time (a Parquet row group, a piece of a
    /// CSV file), from all its files in path order, so no dataset is held whole. A Parquet run
    /// reads the columns its caller asks for; a CSV piece holds `columns`, where `codes` names
    /// columns of few values (each stored once, every row keeps them) and `keep` leaves out the
    /// other columns of rows it does not need (see `CSVColumns`).
    mutating func read(_ dataset: String, columns: [String], keep: (column: String, values: Set<String>)? = nil,
                       codes: Set<String> = [], _ body: (RowRun) throws -> Void) throws {
        if format == "parquet" {
            for path in Self.files(under: "\(root)/parquet/\(dataset)", suffix: ".parquet") {
                let reader: ParquetReader
                do { reader = try ParquetReader(path: path) } catch let error as ParquetError { throw RunReportError("\(path): \(error.description)") }
                for (key, value) in reader.keyValueMetadata {
                    if key == "disclosure_etl.version" { versions[dataset] = value }
                    if key == "disclosure_etl.pipeline" { pipelines[dataset] = value }
                }
                // A year partition keeps report_year in its folder name, not in the file.
                let folderYear = path.split(separator: "/").last(where: { $0.hasPrefix("report_year=") }).flatMap { Int64($0.dropFirst("report_year=".count)) }
                for group in 0..<reader.rowGroupCount {
                    try body(RowRun(rowCount: reader.rowGroupRowCounts[group], source: .parquet(reader, rowGroup: group, path: path, folderYear: folderYear)))
                }
            }
            return
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root + "/csv")) ?? []).filter {
            $0.hasSuffix("." + format) && ($0 == "\(dataset).\(format)" || $0.hasPrefix("\(dataset).part-"))
        }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for name in names {
            let path = "\(root)/csv/\(name)"
            var csv = CSVColumns(columns: columns, keep: keep, codes: codes, path: path)
            try readCSV(path, into: &csv, body)
        }
    }

    /// Reads a CSV file's rows a piece at a time, each piece where it lies: only a row cut by the
    /// end of a piece is copied, with the next piece's bytes up to a line end.
    private func readCSV(_ path: String, into csv: inout CSVColumns, _ body: (RowRun) throws -> Void) throws {
        func hand(_ rows: DatasetColumns) throws { if rows.rowCount > 0 { try body(RowRun(rowCount: rows.rowCount, source: .csv(rows))) } }
        // The start of a row that runs past the last piece.
        var cut: [UInt8] = []
        try FileChunks.forEach(path, zstd: format == "csv.zst", size: pieceSize) { piece in
            var start = 0
            while !cut.isEmpty {
                // The cut row ends at a line end (or a later one, when the line end is quoted text).
                guard let lineEnd = piece[start...].firstIndex(of: 0x0A) else {
                    cut.append(contentsOf: piece[start...])
                    return
                }
                cut.append(contentsOf: piece[start...lineEnd])
                start = lineEnd + 1
                let (rows, used) = try cut.withUnsafeBytes { try csv.read($0, atEnd: false) }
                cut.removeFirst(used)
                try hand(rows)
            }
            let rest = UnsafeRawBufferPointer(rebasing: piece[start...])
            let (rows, used) = try csv.read(rest, atEnd: false)
            cut.append(contentsOf: rest[used...])
            try hand(rows)
        }
        try hand(try cut.withUnsafeBytes { try csv.read($0, atEnd: true) }.rows)
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

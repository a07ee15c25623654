import Parquet

/// A run of rows of one dataset, handed to the report a run at a time: a Parquet row group whose
/// columns are read when asked for, or a piece of a CSV file, read already. `keep` (per row) and
/// `keepValue` let a Parquet text column leave out the rows the caller will not look at (they read
/// as null); a CSV piece is held already and gives every row.
struct RowRun {
    enum Source {
        case parquet(ParquetReader, rowGroup: Int, path: String, folderYear: Int64?)
        case csv(DatasetColumns)
    }

    let rowCount: Int
    let source: Source

    /// The text column `name`; empty when the dataset has no such column.
    func text(_ name: String, keep: [Bool]? = nil, keepValue: ((ArraySlice<UInt8>) -> Bool)? = nil) throws -> ByteArrayValues {
        switch source {
        case .csv(let columns): return columns.text(name)
        case .parquet:
            if case .byteArrays(let values) = try parquetColumn(name, keep: keep, keepValue: keepValue) { return values }
            return ByteArrayValues()
        }
    }

    /// The integer column `name`: from an integer column, or text read from CSV; a year partition's
    /// `report_year` from its folder's name.
    func integers(_ name: String) throws -> [Int64?] {
        switch source {
        case .csv(let columns): return columns.integers(name)
        case .parquet(let reader, _, _, let folderYear):
            if name == "report_year", let folderYear, !reader.columns.contains(where: { $0.name == name }) {
                return Array(repeating: folderYear, count: rowCount)
            }
            return DatasetColumns(rowCount: rowCount, columns: [name: try parquetColumn(name)].compactMapValues { $0 }).integers(name)
        }
    }

    private func parquetColumn(_ name: String, keep: [Bool]? = nil, keepValue: ((ArraySlice<UInt8>) -> Bool)? = nil) throws -> ReadColumn? {
        guard case .parquet(let reader, let group, let path, _) = source, reader.columns.contains(where: { $0.name == name }) else { return nil }
        do {
            return try reader.read(name, rowGroup: group, keep: keep, keepValue: keepValue)
        } catch let error as ParquetError {
            throw RunReportError("\(path): \(error.description)")
        }
    }
}

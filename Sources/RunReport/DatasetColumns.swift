import Parquet

/// The columns of one dataset that the report needs, for a run of its rows (a Parquet row group,
/// a piece of a CSV file): the report counts them and lets them go. Text stays as
/// `ByteArrayValues` (entries and per-row entry numbers), so counting codes over a million
/// diagnostics makes no `String` per row.
struct DatasetColumns {
    var rowCount = 0
    var columns: [String: ReadColumn] = [:]

    /// The text column `name`; empty when the dataset has no such column.
    func text(_ name: String) -> ByteArrayValues {
        if case .byteArrays(let values) = columns[name] { return values }
        return ByteArrayValues()
    }

    /// The integer column `name`: from an integer column, or text read from CSV.
    func integers(_ name: String) -> [Int64?] {
        switch columns[name] {
        case .integers(let values): return values
        case .byteArrays(let values):
            return (0..<values.rowCount).map { row in
                let entry = values.entryOfRow[row]
                return entry < 0 ? nil : Int64(values.entryString(Int(entry)))
            }
        default: return []
        }
    }
}

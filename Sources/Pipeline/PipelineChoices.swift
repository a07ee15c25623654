/// The pipeline keys whose value is one of a fixed set (docs/pipelines.md), as enums: a value is
/// checked once, where the pipeline file is read, and matched by case everywhere after.

/// An output format (`formats`).
public enum OutputFormat: String, CaseIterable, Sendable {
    case parquet, csv
    case csvZst = "csv.zst"
    case xlsx
}

/// How columnar outputs are split into folders (`partition_by`).
public enum Partitioning: String, CaseIterable, Sendable {
    case none
    /// Hive-style `report_year=YYYY/` folders.
    case reportYear = "report_year"
}

/// What a completed run with rejects exits with (`on_reject`).
public enum RejectPolicy: String, CaseIterable, Sendable {
    /// Exit 0: the rejects are rows of `rejects`.
    case `continue`
    /// Exit 3.
    case fail
}

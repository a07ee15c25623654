import DisclosureModel

/// The type of a dataset column, as analysts' tools should see it.
public enum ColumnType: Sendable, Hashable {
    case string, int32, int64, double, date
}

/// A dataset column: its snake_case name from docs/contract.md §3, its type and whether it may be null.
public struct DatasetColumn: Sendable, Hashable {
    public let name: String
    public let type: ColumnType
    public let nullable: Bool
    /// For text drawn from a fixed list (template codes), the list: rows are then stored as
    /// positions in it, and stored reports, which hold such positions, append them as they are.
    public let codes: [String]?

    public init(_ name: String, _ type: ColumnType, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
        codes = nil
    }

    /// A text column whose values are (almost always) in `codes`.
    public init(_ name: String, codes: [String]) {
        self.name = name
        type = .string
        nullable = false
        self.codes = codes
    }
}

/// A dataset's name and columns.
public struct DatasetSchema: Sendable, Hashable {
    public let name: String
    public let columns: [DatasetColumn]

    /// The position of the column called `name`, so writers fill columns by name, not by number.
    /// A name not in the schema is a programming error, which any test that writes the dataset catches.
    public func position(of name: String) -> Int {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            preconditionFailure("dataset \(self.name) has no column \(name)")
        }
        return index
    }
}

/// The eight datasets (docs/datasets.md), in the order the run writes them.
public enum Datasets {
    public static let reports = DatasetSchema(name: "reports", columns: [
        DatasetColumn("report_id", .string), DatasetColumn("source_path", .string),
        DatasetColumn("source_format", .string), DatasetColumn("template", codes: StoredCodes.templates),
        DatasetColumn("encoding", .string),
        DatasetColumn("agency", .string), DatasetColumn("report_year", .int32),
        DatasetColumn("report_date", .date, nullable: true), DatasetColumn("posted_date", .date, nullable: true),
        DatasetColumn("status", .string), DatasetColumn("checks_failed", .int32), DatasetColumn("diagnostics", .int32),
        DatasetColumn("warnings", .int32), DatasetColumn("errors", .int32),
    ])
    /// One row per report: the `reports` columns, every template cell, failed checks per rule.
    public static let reportsWide = DatasetSchema(name: "reports_wide", columns: reports.columns + WideColumns.columns)
    public static let proactiveDisclosure = DatasetSchema(name: "proactive_disclosure", columns: [
        DatasetColumn("report_id", .string), DatasetColumn("report_year", .int32), DatasetColumn("agency", .string),
        DatasetColumn("item", codes: StoredCodes.items), DatasetColumn("measure", codes: StoredCodes.measures), DatasetColumn("value", .double),
    ])
    public static let applications = DatasetSchema(name: "applications", columns: [
        DatasetColumn("report_id", .string), DatasetColumn("report_year", .int32), DatasetColumn("agency", .string),
        DatasetColumn("row", codes: StoredCodes.applicationRows), DatasetColumn("applicant", codes: StoredCodes.applicants), DatasetColumn("value", .int64),
    ])
    public static let appeals = DatasetSchema(name: "appeals", columns: [
        DatasetColumn("report_id", .string), DatasetColumn("report_year", .int32), DatasetColumn("agency", .string),
        DatasetColumn("proceeding", codes: StoredCodes.proceedings), DatasetColumn("outcome", codes: StoredCodes.outcomes), DatasetColumn("value", .int64),
    ])
    public static let checks = DatasetSchema(name: "checks", columns: [
        DatasetColumn("report_id", .string), DatasetColumn("report_year", .int32), DatasetColumn("agency", .string),
        DatasetColumn("rule", .string), DatasetColumn("subject", .string),
        DatasetColumn("expected", .int64), DatasetColumn("actual", .int64),
        DatasetColumn("other_report_id", .string, nullable: true),
    ])
    public static let diagnostics = DatasetSchema(name: "diagnostics", columns: [
        DatasetColumn("report_id", .string), DatasetColumn("report_year", .int32), DatasetColumn("agency", .string),
        DatasetColumn("stage", codes: StoredCodes.diagnosticStages), DatasetColumn("code", codes: StoredCodes.diagnosticCodes),
        DatasetColumn("severity", codes: StoredCodes.severities), DatasetColumn("table", .int32, nullable: true),
        DatasetColumn("line", .int32, nullable: true), DatasetColumn("page", .int32, nullable: true),
        DatasetColumn("label", .string, nullable: true), DatasetColumn("detail", .string),
    ])
    public static let rejects = DatasetSchema(name: "rejects", columns: [
        DatasetColumn("source_path", .string), DatasetColumn("reason", .string), DatasetColumn("detail", .string),
    ])

    public static let all = [reports, reportsWide, proactiveDisclosure, applications, appeals, checks, diagnostics, rejects]
}

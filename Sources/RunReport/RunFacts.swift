/// What the report page shows, computed from the datasets: counts and short lists only, so the
/// page writer knows nothing of how they were read.
struct RunFacts: Equatable {
    struct Stacked: Equatable {
        var key: String
        var ok = 0
        var partial = 0
        var total: Int { ok + partial }
    }
    struct Count: Equatable {
        var key: String
        var count: Int
    }
    struct DiagnosticCount: Equatable {
        var code: String
        var severity: Severity
        var count: Int
    }
    struct UnrecognizedLabel: Equatable {
        var table: String
        var label: String
        var count: Int
        /// The first occurrence, in report_id order: the report's source path and the line cited.
        var exampleSource: String
        var exampleCitation: String
    }
    struct ReportToLook: Equatable {
        var sourcePath: String
        var agency: String
        var year: Int64?
        var status: String
        var checksFailed: Int
        /// Codes of the identity doubts (`year_inferred`, `agency_inferred`, `agency_missing`).
        var identityDoubts: [String]
    }
    struct RejectRow: Equatable {
        var sourcePath: String
        var reason: String
        var detail: String
    }

    /// Where the rows were read from (`parquet`, `csv`, `csv.zst`), and the writer's version when known.
    var format = ""
    var version: String?
    var pipeline: String?
    var reportsOK = 0
    var reportsPartial = 0
    var rejectsByReason: [Count] = []
    var byYear: [Stacked] = []
    var byFormat: [Stacked] = []
    var checksByRule: [Count] = []
    var checksFailed = 0
    var diagnosticsByCode: [DiagnosticCount] = []
    /// The most frequent, at most `RunFacts.labelLimit`; `distinctUnrecognized` counts them all.
    var unrecognized: [UnrecognizedLabel] = []
    var distinctUnrecognized = 0
    /// The first `RunFacts.rowLimit` in order; `reportsToLookCount` counts them all.
    var reportsToLook: [ReportToLook] = []
    var reportsToLookCount = 0
    var rejects: [RejectRow] = []

    var reports: Int { reportsOK + reportsPartial }
    var rejectCount: Int { rejectsByReason.reduce(0) { $0 + $1.count } }
    var diagnostics: Int { diagnosticsByCode.reduce(0) { $0 + $1.count } }

    static let labelLimit = 20
    static let rowLimit = 200
}

/// How much a diagnostic asks of a reader: the `diagnostics.severity` column. Outputs written
/// before the column existed are read with the rule they were drawn with then: the routine
/// normalizations are `info`, the rest `warning`.
enum Severity: String, Equatable, Comparable, CaseIterable {
    case error, warning, info

    static let routineCodes: Set<String> = ["label_normalized", "value_normalized", "cell_empty", "page_artifact_skipped"]

    init(code: String) { self = Self.routineCodes.contains(code) ? .info : .warning }

    /// Errors first, then warnings, then the routine.
    static func < (a: Severity, b: Severity) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
}

/// A report mapped to canonical codes, with its checks and diagnostics: what Load writes.
public struct TransformedReport: Sendable, Hashable, Codable {
    public var reportId: String
    public var sourcePath: String
    public var sourceFormat: String
    public var encoding: String
    public var identity: ReportIdentity
    /// The template the report's tables follow, read from their wording (`reports.template`).
    public var template: Template
    /// Table 2 cells in printed order.
    public var proactive: [ProactiveCell]
    /// Table 3 cells in printed order (row by row, applicants left to right).
    public var applications: [ApplicationCell]
    /// Table 4 cells in printed order.
    public var appeals: [AppealCell]
    public var checkFailures: [CheckFailure]
    /// Extract's diagnostics followed by Transform's.
    public var diagnostics: [Diagnostic]

    public init(
        reportId: String, sourcePath: String, sourceFormat: String, encoding: String,
        identity: ReportIdentity, proactive: [ProactiveCell], applications: [ApplicationCell],
        appeals: [AppealCell], checkFailures: [CheckFailure], diagnostics: [Diagnostic],
        template: Template = .national2021
    ) {
        self.template = template
        self.reportId = reportId
        self.sourcePath = sourcePath
        self.sourceFormat = sourceFormat
        self.encoding = encoding
        self.identity = identity
        self.proactive = proactive
        self.applications = applications
        self.appeals = appeals
        self.checkFailures = checkFailures
        self.diagnostics = diagnostics
    }

    /// `partial` when any cell of the template is missing from the source.
    public var status: ReportStatus {
        Self.status(template, proactive: proactive.count, applications: applications.count, appeals: appeals.count)
    }

    /// The status of a report of that template with that many cells in tables 2, 3 and 4.
    public static func status(_ template: Template, proactive: Int, applications: Int, appeals: Int) -> ReportStatus {
        proactive == template.proactiveCellCount
            && applications == template.applicationCellCount
            && appeals == template.appealCellCount ? .ok : .partial
    }
}

/// `reports.status`: whether every cell of the report's template was read.
public enum ReportStatus: String, Sendable, CaseIterable {
    case ok, partial
}

/// A table 2 cell.
public struct ProactiveCell: Sendable, Hashable, Codable {
    public var item: String
    public var measure: String
    public var value: Double
    public init(item: String, measure: String, value: Double) {
        self.item = item
        self.measure = measure
        self.value = value
    }
}

/// A table 3 cell.
public struct ApplicationCell: Sendable, Hashable, Codable {
    public var row: String
    public var applicant: String
    public var value: Int64
    public init(row: String, applicant: String, value: Int64) {
        self.row = row
        self.applicant = applicant
        self.value = value
    }
}

/// A table 4 cell.
public struct AppealCell: Sendable, Hashable, Codable {
    public var proceeding: String
    public var outcome: String
    public var value: Int64
    public init(proceeding: String, outcome: String, value: Int64) {
        self.proceeding = proceeding
        self.outcome = outcome
        self.value = value
    }
}

/// A failed consistency check (勾稽关系), docs/contract.md §4.
public struct CheckFailure: Sendable, Hashable, Codable {
    public var rule: String
    public var subject: String
    public var expected: Int64
    public var actual: Int64
    public init(rule: String, subject: String, expected: Int64, actual: Int64) {
        self.rule = rule
        self.subject = subject
        self.expected = expected
        self.actual = actual
    }
}

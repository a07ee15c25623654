import DisclosureModel

/// Turns transformed reports and rejects into the seven datasets of contract §3.
///
/// Rows are ordered by report_id, then printed order (rejects by source_path), so the same inputs
/// give byte-identical files whatever order the documents were processed in.
public struct DatasetBuilder: Sendable {
    private var reports = DatasetTable(schema: Datasets.reports)
    private var proactive = DatasetTable(schema: Datasets.proactiveDisclosure)
    private var applications = DatasetTable(schema: Datasets.applications)
    private var appeals = DatasetTable(schema: Datasets.appeals)
    private var checks = DatasetTable(schema: Datasets.checks)
    private var diagnostics = DatasetTable(schema: Datasets.diagnostics)
    private var rejects = DatasetTable(schema: Datasets.rejects)

    public init() {}

    /// The datasets by name.
    public var tables: [String: DatasetTable] {
        Dictionary(uniqueKeysWithValues: [reports, proactive, applications, appeals, checks, diagnostics, rejects].map { ($0.schema.name, $0) })
    }

    /// Appends reports in report_id order and rejects in source_path order.
    public mutating func add(reports: [TransformedReport], rejects: [Reject]) {
        for report in reports.sorted(by: { ($0.reportId, $0.sourcePath) < ($1.reportId, $1.sourcePath) }) {
            add(report)
        }
        for reject in rejects.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            add(reject)
        }
    }

    /// Appends one reject's row.
    public mutating func add(_ reject: Reject) {
        rejects.append([.string(reject.sourcePath), .string(reject.reason.rawValue), .string(reject.detail)])
    }

    /// Appends one report's rows to every dataset it has rows in.
    public mutating func add(_ report: TransformedReport) {
        let id = DatasetTable.Value.string(report.reportId)
        let year = DatasetTable.Value.int(Int64(report.identity.reportYear))
        let agency = DatasetTable.Value.string(report.identity.agency)
        reports.append([
            id, .string(report.sourcePath), .string(report.sourceFormat), .string(report.encoding), agency, year,
            .date(report.identity.reportDate?.daysSinceEpoch), .date(report.identity.postedDate?.daysSinceEpoch),
            .string(report.status), .int(Int64(report.checkFailures.count)), .int(Int64(report.diagnostics.count)),
        ])
        for cell in report.proactive {
            proactive.append([id, year, agency, .string(cell.item), .string(cell.measure), .double(cell.value)])
        }
        for cell in report.applications {
            applications.append([id, year, agency, .string(cell.row), .string(cell.applicant), .int(cell.value)])
        }
        for cell in report.appeals {
            appeals.append([id, year, agency, .string(cell.proceeding), .string(cell.outcome), .int(cell.value)])
        }
        for failure in report.checkFailures {
            checks.append([id, .string(failure.rule), .string(failure.subject), .int(failure.expected), .int(failure.actual)])
        }
        for diagnostic in report.diagnostics {
            diagnostics.append([id, .string(diagnostic.stage.rawValue), .string(diagnostic.code.rawValue), .string(diagnostic.detail)])
        }
    }
}

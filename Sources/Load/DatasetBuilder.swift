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

    /// Appends one report's rows to every dataset it has rows in, column by column.
    public mutating func add(_ report: TransformedReport) {
        let id = report.reportId, agency = report.identity.agency
        let year = Int32(truncatingIfNeeded: report.identity.reportYear)
        reports.append(id, at: 0)
        reports.append(report.sourcePath, at: 1)
        reports.append(report.sourceFormat, at: 2)
        reports.append(report.encoding, at: 3)
        reports.append(agency, at: 4)
        reports.append(year, at: 5)
        reports.append(report.identity.reportDate?.daysSinceEpoch, at: 6)
        reports.append(report.identity.postedDate?.daysSinceEpoch, at: 7)
        reports.append(report.status, at: 8)
        reports.append(Int32(truncatingIfNeeded: report.checkFailures.count), at: 9)
        reports.append(Int32(truncatingIfNeeded: report.diagnostics.count), at: 10)
        Self.appendReportColumns(to: &proactive, id: id, year: year, agency: agency, rows: report.proactive.count)
        for cell in report.proactive {
            proactive.append(cell.item, at: 3)
            proactive.append(cell.measure, at: 4)
            proactive.append(cell.value, at: 5)
        }
        Self.appendReportColumns(to: &applications, id: id, year: year, agency: agency, rows: report.applications.count)
        for cell in report.applications {
            applications.append(cell.row, at: 3)
            applications.append(cell.applicant, at: 4)
            applications.append(cell.value, at: 5)
        }
        Self.appendReportColumns(to: &appeals, id: id, year: year, agency: agency, rows: report.appeals.count)
        for cell in report.appeals {
            appeals.append(cell.proceeding, at: 3)
            appeals.append(cell.outcome, at: 4)
            appeals.append(cell.value, at: 5)
        }
        checks.append(repeating: id, count: report.checkFailures.count, at: 0)
        for failure in report.checkFailures {
            checks.append(failure.rule, at: 1)
            checks.append(failure.subject, at: 2)
            checks.append(failure.expected, at: 3)
            checks.append(failure.actual, at: 4)
        }
        diagnostics.append(repeating: id, count: report.diagnostics.count, at: 0)
        for diagnostic in report.diagnostics {
            diagnostics.append(diagnostic.stage.rawValue, at: 1)
            diagnostics.append(diagnostic.code.rawValue, at: 2)
            diagnostics.append(diagnostic.detail, at: 3)
        }
    }

    /// The columns every cell dataset starts with (report_id, report_year, agency): added once for
    /// all of a report's rows, not row by row.
    private static func appendReportColumns(to table: inout DatasetTable, id: String, year: Int32, agency: String, rows: Int) {
        table.append(repeating: id, count: rows, at: 0)
        table.append(repeating: year, count: rows, at: 1)
        table.append(repeating: agency, count: rows, at: 2)
    }
}

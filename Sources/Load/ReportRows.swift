import DisclosureModel
import WorkStore

/// The seven datasets of reports, filled from stored reports as their records are read
/// (`TransformedRecordVisitor`): text is copied from the record's bytes and template codes stay
/// positions, so a report costs no `String` and no cell array.
struct ReportRows: Sendable, TransformedRecordVisitor {
    private(set) var reports = DatasetTable(schema: Datasets.reports)
    private(set) var wide = DatasetTable(schema: Datasets.reportsWide)
    private(set) var proactive = DatasetTable(schema: Datasets.proactiveDisclosure)
    private(set) var applications = DatasetTable(schema: Datasets.applications)
    private(set) var appeals = DatasetTable(schema: Datasets.appeals)
    private(set) var checks = DatasetTable(schema: Datasets.checks)
    private(set) var diagnostics = DatasetTable(schema: Datasets.diagnostics)

    /// The report being read: the path load gives it, and what each of its cell rows repeats.
    private var sourcePath = ""
    private var reportId: [UInt8] = []
    private var agency: [UInt8] = []
    private var year: Int32 = 0
    private var counts = [Int](repeating: 0, count: StoredReportSection.allCases.count)
    /// The report's diagnostics per severity (positions in `StoredCodes.severities`).
    private var severityCounts = [Int](repeating: 0, count: StoredCodes.severities.count)
    /// The report's cells and failed checks per rule, for its `reports_wide` row; nil is missing.
    private var proactiveCells = [Double?](repeating: nil, count: WideColumns.proactiveCells.count)
    private var applicationCells = [Int64?](repeating: nil, count: StoredCodes.applicationRows.count * StoredCodes.applicants.count)
    private var appealCells = [Int64?](repeating: nil, count: StoredCodes.proceedings.count * StoredCodes.outcomes.count)
    private var template = Template.national2021
    private var ruleFailures = [Int32](repeating: 0, count: CheckRule.allCases.count)
    /// Column positions the per-cell calls use, held here rather than read from statics on every
    /// call (each such read checks its one-time initialization).
    private let proactiveColumns = CellColumns.proactive, applicationColumns = CellColumns.applications,
                appealColumns = CellColumns.appeals
    private let applicantCount = StoredCodes.applicants.count, outcomeCount = StoredCodes.outcomes.count
    private let diagnosticColumns = DiagnosticColumns.all
    private let severityOfCode = StoredCodes.severityOfCode
    private let tableNumbers = TableKind.storedOrder.map { Int32($0.number) }

    var tables: [DatasetTable] { [reports, wide, proactive, applications, appeals, checks, diagnostics] }

    /// Appends the rows of a stored report, and its failures of checks across reports; after a
    /// damaged record, some of its rows are in.
    mutating func add(record: [UInt8], sourcePath: String, continuity: [ContinuityCheck.Failure] = []) throws {
        self.sourcePath = sourcePath
        try TransformedReport.read(encoded: record, into: &self)
        if !continuity.isEmpty {
            Self.appendReportColumns(to: &checks, id: reportId, year: year, agency: agency, rows: continuity.count)
            let column = CheckColumns.self
            for failure in continuity {
                checks.append(CheckRule.continuity.rawValue, at: column.rule)
                checks.append(failure.subject, at: column.subject)
                checks.append(failure.expected, at: column.expected)
                checks.append(failure.actual, at: column.actual)
                checks.append(failure.otherReportId, at: column.otherReportId)
            }
            counts[StoredReportSection.checkFailures.rawValue] += continuity.count
            ruleFailures[Self.continuityRule] += Int32(continuity.count)
        }
        func count(_ section: StoredReportSection) -> Int { counts[section.rawValue] }
        let status = TransformedReport.status(template, proactive: count(.proactive), applications: count(.applications), appeals: count(.appeals))
        let totals = Totals(status: status, checksFailed: count(.checkFailures), diagnostics: count(.diagnostics),
                            warnings: severityCounts[Self.warning], errors: severityCounts[Self.error])
        Self.append(totals, to: &reports)
        Self.append(totals, to: &wide)
        var column = Datasets.reports.columns.count
        wide.append(proactiveCells, toColumnsFrom: column)
        column += proactiveCells.count
        wide.append(applicationCells, toColumnsFrom: column)
        column += applicationCells.count
        wide.append(appealCells, toColumnsFrom: column)
        column += appealCells.count
        for value in ruleFailures { wide.append(value, at: column); column += 1 }
    }

    mutating func header(_ header: StoredReportHeader) {
        reportId.removeAll(keepingCapacity: true)
        reportId += header.reportId
        agency.removeAll(keepingCapacity: true)
        agency += header.agency
        year = Int32(truncatingIfNeeded: header.reportYear)
        template = Template.all[header.template]
        Self.appendHeader(header, sourcePath: sourcePath, to: &reports)
        Self.appendHeader(header, sourcePath: sourcePath, to: &wide)
        for index in proactiveCells.indices { proactiveCells[index] = nil }
        for index in applicationCells.indices { applicationCells[index] = nil }
        for index in appealCells.indices { appealCells[index] = nil }
        for index in ruleFailures.indices { ruleFailures[index] = 0 }
        for index in severityCounts.indices { severityCounts[index] = 0 }
    }

    /// The `reports` columns a header fills (report_id … posted_date), in `reports` or `reports_wide`
    /// (whose first columns are the same).
    private static func appendHeader(_ header: StoredReportHeader, sourcePath: String, to table: inout DatasetTable) {
        let column = ReportColumns.self
        table.append(utf8: header.reportId, at: column.reportId)
        table.append(sourcePath, at: column.sourcePath)
        table.append(utf8: header.sourceFormat, at: column.sourceFormat)
        table.append(code: header.template, at: column.template)
        table.append(utf8: header.encoding, at: column.encoding)
        table.append(utf8: header.agency, at: column.agency)
        table.append(Int32(truncatingIfNeeded: header.reportYear), at: column.reportYear)
        table.append(header.reportDate?.daysSinceEpoch, at: column.reportDate)
        table.append(header.postedDate?.daysSinceEpoch, at: column.postedDate)
    }

    /// The `reports` columns known once the record is read.
    private struct Totals {
        var status: ReportStatus
        var checksFailed, diagnostics, warnings, errors: Int
    }

    private static func append(_ totals: Totals, to table: inout DatasetTable) {
        let column = ReportColumns.self
        table.append(totals.status.rawValue, at: column.status)
        table.append(Int32(truncatingIfNeeded: totals.checksFailed), at: column.checksFailed)
        table.append(Int32(truncatingIfNeeded: totals.diagnostics), at: column.diagnostics)
        table.append(Int32(truncatingIfNeeded: totals.warnings), at: column.warnings)
        table.append(Int32(truncatingIfNeeded: totals.errors), at: column.errors)
    }

    private static let continuityRule = CheckRule.allCases.firstIndex(of: .continuity)!
    private static let warning = StoredCodes.severities.firstIndex(of: "warning")!
    private static let error = StoredCodes.severities.firstIndex(of: "error")!

    mutating func begin(_ section: StoredReportSection, count: Int) {
        counts[section.rawValue] = count
        switch section {
        case .proactive: Self.appendReportColumns(to: &proactive, id: reportId, year: year, agency: agency, rows: count)
        case .applications: Self.appendReportColumns(to: &applications, id: reportId, year: year, agency: agency, rows: count)
        case .appeals: Self.appendReportColumns(to: &appeals, id: reportId, year: year, agency: agency, rows: count)
        case .checkFailures: Self.appendReportColumns(to: &checks, id: reportId, year: year, agency: agency, rows: count)
        case .diagnostics: Self.appendReportColumns(to: &diagnostics, id: reportId, year: year, agency: agency, rows: count)
        }
    }

    /// The columns every dataset of a report's rows starts with (report_id, report_year, agency): added once for
    /// all of a report's rows, not row by row. Static, so the table is not borrowed along with `self`.
    private static func appendReportColumns(to table: inout DatasetTable, id: [UInt8], year: Int32, agency: [UInt8], rows: Int) {
        let column = RowColumns.first
        id.withUnsafeBytes { table.append(utf8: $0, count: rows, at: column.reportId) }
        table.append(repeating: year, count: rows, at: column.reportYear)
        agency.withUnsafeBytes { table.append(utf8: $0, count: rows, at: column.agency) }
    }

    mutating func proactive(_ cells: StoredCells<Double>) {
        let column = proactiveColumns
        proactive.append(codes: cells.first, at: column.first)
        proactive.append(codes: cells.second, at: column.second)
        proactive.append(cells.values, at: column.value)
        for i in 0..<cells.count {
            if let slot = WideColumns.proactiveSlot[Int(cells.first[i])][Int(cells.second[i])] { proactiveCells[slot] = cells.values[i] }
        }
    }

    mutating func applications(_ cells: StoredCells<Int64>) {
        Self.append(cells, to: &applications, at: applicationColumns, grid: &applicationCells, width: applicantCount)
    }

    mutating func appeals(_ cells: StoredCells<Int64>) {
        Self.append(cells, to: &appeals, at: appealColumns, grid: &appealCells, width: outcomeCount)
    }

    /// A section's cells into their dataset and into the report's grid for `reports_wide` (cell
    /// `first * width + second`). Static, so the table and grid are not borrowed along with `self`.
    private static func append(_ cells: StoredCells<Int64>, to table: inout DatasetTable, at column: CellColumns,
                               grid: inout [Int64?], width: Int) {
        table.append(codes: cells.first, at: column.first)
        table.append(codes: cells.second, at: column.second)
        table.append(cells.values, at: column.value)
        grid.withUnsafeMutableBufferPointer { grid in
            for i in 0..<cells.count { grid[Int(cells.first[i]) &* width &+ Int(cells.second[i])] = cells.values[i] }
        }
    }

    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) {
        let column = CheckColumns.self
        checks.append(utf8: rule, at: column.rule)
        checks.append(utf8: subject, at: column.subject)
        checks.append(expected, at: column.expected)
        checks.append(actual, at: column.actual)
        checks.append(utf8: nil, at: column.otherReportId)
        if let index = WideColumns.ruleNames.firstIndex(where: { $0.elementsEqual(rule.assumingMemoryBound(to: UInt8.self)) }) {
            ruleFailures[index] += 1
        }
    }

    mutating func diagnostic(_ diagnostic: StoredDiagnostic) {
        let column = diagnosticColumns
        let severity = severityOfCode[diagnostic.code]
        severityCounts[severity] += 1
        diagnostics.append(code: diagnostic.stage, at: column.stage)
        diagnostics.append(code: diagnostic.code, at: column.code)
        diagnostics.append(code: severity, at: column.severity)
        diagnostics.append(diagnostic.table.map { tableNumbers[$0] }, at: column.table)
        diagnostics.append(diagnostic.line.map { Int32(truncatingIfNeeded: $0) }, at: column.line)
        diagnostics.append(diagnostic.page.map { Int32(truncatingIfNeeded: $0) }, at: column.page)
        diagnostics.append(utf8: diagnostic.label, at: column.label)
        diagnostics.append(utf8: diagnostic.detail, at: column.detail)
    }
}

/// Positions of the `reports` columns (the first columns of `reports_wide` too), from their names.
private enum ReportColumns {
    static let schema = Datasets.reports
    static let reportId = schema.position(of: "report_id"), sourcePath = schema.position(of: "source_path")
    static let sourceFormat = schema.position(of: "source_format"), template = schema.position(of: "template")
    static let encoding = schema.position(of: "encoding")
    static let agency = schema.position(of: "agency"), reportYear = schema.position(of: "report_year")
    static let reportDate = schema.position(of: "report_date"), postedDate = schema.position(of: "posted_date")
    static let status = schema.position(of: "status"), checksFailed = schema.position(of: "checks_failed")
    static let diagnostics = schema.position(of: "diagnostics")
    static let warnings = schema.position(of: "warnings"), errors = schema.position(of: "errors")
}

/// Positions of the columns every dataset of a report's rows starts with, the same in each
/// (checked once, from their names, for every such dataset).
private struct RowColumns {
    let reportId, reportYear, agency: Int

    static let first: RowColumns = {
        let schemas = [Datasets.proactiveDisclosure, Datasets.applications, Datasets.appeals, Datasets.checks, Datasets.diagnostics]
        let positions = schemas.map { RowColumns(reportId: $0.position(of: "report_id"), reportYear: $0.position(of: "report_year"),
                                                 agency: $0.position(of: "agency")) }
        precondition(positions.allSatisfy { $0.reportId == positions[0].reportId && $0.reportYear == positions[0].reportYear
                                            && $0.agency == positions[0].agency }, "the row datasets do not start alike")
        return positions[0]
    }()
}

/// Positions of a cell dataset's two codes and its value, from their names.
private struct CellColumns {
    let first, second, value: Int

    init(_ schema: DatasetSchema, _ first: String, _ second: String) {
        self.first = schema.position(of: first)
        self.second = schema.position(of: second)
        value = schema.position(of: "value")
    }

    static let proactive = CellColumns(Datasets.proactiveDisclosure, "item", "measure")
    static let applications = CellColumns(Datasets.applications, "row", "applicant")
    static let appeals = CellColumns(Datasets.appeals, "proceeding", "outcome")
}

/// Positions of the `checks` columns after the report's own, from their names.
private enum CheckColumns {
    static let schema = Datasets.checks
    static let rule = schema.position(of: "rule"), subject = schema.position(of: "subject")
    static let expected = schema.position(of: "expected"), actual = schema.position(of: "actual")
    static let otherReportId = schema.position(of: "other_report_id")
}

/// Positions of the `diagnostics` columns after the report's own, from their names.
private struct DiagnosticColumns {
    let stage, code, severity, table, line, page, label, detail: Int

    static let all: DiagnosticColumns = {
        let schema = Datasets.diagnostics
        return DiagnosticColumns(
            stage: schema.position(of: "stage"), code: schema.position(of: "code"), severity: schema.position(of: "severity"),
            table: schema.position(of: "table"), line: schema.position(of: "line"), page: schema.position(of: "page"),
            label: schema.position(of: "label"), detail: schema.position(of: "detail"))
    }()
}

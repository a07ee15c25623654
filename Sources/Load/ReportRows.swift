import DisclosureModel

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
    /// The report's cells and failed checks per rule, for its `reports_wide` row; nil is missing.
    private var proactiveCells = [Double?](repeating: nil, count: WideColumns.proactiveCells.count)
    private var applicationCells = [Int64?](repeating: nil, count: StoredCodes.applicationRows.count * StoredCodes.applicants.count)
    private var appealCells = [Int64?](repeating: nil, count: StoredCodes.proceedings.count * StoredCodes.outcomes.count)
    private var template = Template.national2021
    private var ruleFailures = [Int32](repeating: 0, count: CheckRule.allCases.count)

    var tables: [DatasetTable] { [reports, wide, proactive, applications, appeals, checks, diagnostics] }

    /// Appends the rows of a stored report; after a damaged record, some of its rows are in.
    mutating func add(record: [UInt8], sourcePath: String) throws {
        self.sourcePath = sourcePath
        try TransformedReport.read(encoded: record, into: &self)
        func count(_ section: StoredReportSection) -> Int { counts[section.rawValue] }
        let status = TransformedReport.status(template, proactive: count(.proactive), applications: count(.applications), appeals: count(.appeals))
        Self.appendTotals(to: &reports, status: status, checksFailed: count(.checkFailures), diagnostics: count(.diagnostics))
        Self.appendTotals(to: &wide, status: status, checksFailed: count(.checkFailures), diagnostics: count(.diagnostics))
        var column = Datasets.reports.columns.count
        for value in proactiveCells { wide.append(value, at: column); column += 1 }
        for value in applicationCells { wide.append(value, at: column); column += 1 }
        for value in appealCells { wide.append(value, at: column); column += 1 }
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
    }

    /// The `reports` columns a header fills (report_id … posted_date), in `reports` or `reports_wide`.
    private static func appendHeader(_ header: StoredReportHeader, sourcePath: String, to table: inout DatasetTable) {
        table.append(utf8: header.reportId, at: 0)
        table.append(sourcePath, at: 1)
        table.append(utf8: header.sourceFormat, at: 2)
        table.append(code: header.template, at: 3)
        table.append(utf8: header.encoding, at: 4)
        table.append(utf8: header.agency, at: 5)
        table.append(Int32(truncatingIfNeeded: header.reportYear), at: 6)
        table.append(header.reportDate?.daysSinceEpoch, at: 7)
        table.append(header.postedDate?.daysSinceEpoch, at: 8)
    }

    /// The `reports` columns known once the record is read (status, checks_failed, diagnostics).
    private static func appendTotals(to table: inout DatasetTable, status: String, checksFailed: Int, diagnostics: Int) {
        table.append(status, at: 9)
        table.append(Int32(truncatingIfNeeded: checksFailed), at: 10)
        table.append(Int32(truncatingIfNeeded: diagnostics), at: 11)
    }

    mutating func begin(_ section: StoredReportSection, count: Int) {
        counts[section.rawValue] = count
        switch section {
        case .proactive: Self.appendReportColumns(to: &proactive, id: reportId, year: year, agency: agency, rows: count)
        case .applications: Self.appendReportColumns(to: &applications, id: reportId, year: year, agency: agency, rows: count)
        case .appeals: Self.appendReportColumns(to: &appeals, id: reportId, year: year, agency: agency, rows: count)
        case .checkFailures: reportId.withUnsafeBytes { checks.append(utf8: $0, count: count, at: 0) }
        case .diagnostics: reportId.withUnsafeBytes { diagnostics.append(utf8: $0, count: count, at: 0) }
        }
    }

    /// The columns every cell dataset starts with (report_id, report_year, agency): added once for
    /// all of a report's rows, not row by row. Static, so the table is not borrowed along with `self`.
    private static func appendReportColumns(to table: inout DatasetTable, id: [UInt8], year: Int32, agency: [UInt8], rows: Int) {
        id.withUnsafeBytes { table.append(utf8: $0, count: rows, at: 0) }
        table.append(repeating: year, count: rows, at: 1)
        agency.withUnsafeBytes { table.append(utf8: $0, count: rows, at: 2) }
    }

    mutating func proactive(item: Int, measure: Int, value: Double) {
        proactive.append(code: item, at: 3)
        proactive.append(code: measure, at: 4)
        proactive.append(value, at: 5)
        if let slot = WideColumns.proactiveSlot[item][measure] { proactiveCells[slot] = value }
    }

    mutating func application(row: Int, applicant: Int, value: Int64) {
        applications.append(code: row, at: 3)
        applications.append(code: applicant, at: 4)
        applications.append(value, at: 5)
        applicationCells[row * StoredCodes.applicants.count + applicant] = value
    }

    mutating func appeal(proceeding: Int, outcome: Int, value: Int64) {
        appeals.append(code: proceeding, at: 3)
        appeals.append(code: outcome, at: 4)
        appeals.append(value, at: 5)
        appealCells[proceeding * StoredCodes.outcomes.count + outcome] = value
    }

    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) {
        checks.append(utf8: rule, at: 1)
        checks.append(utf8: subject, at: 2)
        checks.append(expected, at: 3)
        checks.append(actual, at: 4)
        if let index = WideColumns.ruleNames.firstIndex(where: { $0.elementsEqual(rule.assumingMemoryBound(to: UInt8.self)) }) {
            ruleFailures[index] += 1
        }
    }

    mutating func diagnostic(stage: Int, code: Int, detail: UnsafeRawBufferPointer) {
        diagnostics.append(code: stage, at: 1)
        diagnostics.append(code: code, at: 2)
        diagnostics.append(utf8: detail, at: 3)
    }
}

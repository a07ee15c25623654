/// Receives a stored `TransformedReport` field by field, in stored order, from
/// `TransformedReport.read(encoded:into:)`.
///
/// Text comes as the record's own UTF-8 bytes, valid until `read` returns, and template codes
/// as positions in the `StoredCodes` lists: a reader such as load copies them straight into its
/// columns, with no `String` and no cell array per report.
public protocol TransformedRecordVisitor {
    /// The report's origin and identity; comes first.
    mutating func header(_ header: StoredReportHeader)
    /// A section starts with `count` entries; they follow.
    mutating func begin(_ section: StoredReportSection, count: Int)
    mutating func proactive(item: Int, measure: Int, value: Double)
    mutating func application(row: Int, applicant: Int, value: Int64)
    mutating func appeal(proceeding: Int, outcome: Int, value: Int64)
    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64)
    mutating func diagnostic(_ diagnostic: StoredDiagnostic)
    /// False once the visitor has what it needs: the rest of the record is then not read.
    var wantsMore: Bool { get }
}

extension TransformedRecordVisitor {
    public var wantsMore: Bool { true }
}

/// A stored diagnostic with its text as UTF-8 bytes of the record; codes as positions
/// (`StoredCodes.diagnosticStages`, `StoredCodes.diagnosticCodes`, `TableKind.storedOrder`).
public struct StoredDiagnostic {
    public var stage, code: Int
    public var detail: UnsafeRawBufferPointer
    public var table, line, page: Int?
    public var label: UnsafeRawBufferPointer?
}

/// A stored report's first fields, its text as UTF-8 bytes of the record.
public struct StoredReportHeader {
    public var reportId, sourcePath, sourceFormat, encoding, agency: UnsafeRawBufferPointer
    public var reportYear: Int
    public var reportDate, postedDate: CalendarDate?
    /// Position of the report's template in `Template.all`.
    public var template: Int
}

/// The sections of a stored report, in stored order.
public enum StoredReportSection: Int, Sendable, CaseIterable {
    case proactive, applications, appeals, checkFailures, diagnostics
}

/// The lists whose positions a stored report holds instead of the codes' text: the codes of every
/// template (`Template.union`), so a 2021 code has the same position in every report.
public enum StoredCodes {
    public static let items = Template.union { $0.proactiveItems.map(\.code) }
    public static let measures = Template.union { $0.proactiveItems.flatMap(\.measures) }
    public static let applicationRows = Template.union(\.applicationRows)
    public static let applicants = Template.union(\.applicants)
    public static let proceedings = Template.union(\.proceedings)
    public static let outcomes = Template.union(\.outcomes)
    public static let templates = Template.all.map(\.id)
    public static let diagnosticStages = Diagnostic.Stage.storedOrder.map(\.rawValue)
    public static let diagnosticCodes = Diagnostic.Code.storedOrder.map(\.rawValue)
    public static let severities = Diagnostic.Severity.allCases.map(\.rawValue)
    /// The severity of each diagnostic code, by position in `diagnosticCodes` and `severities`.
    public static let severityOfCode = Diagnostic.Code.storedOrder.map { severities.firstIndex(of: $0.severity.rawValue)! }
}

extension TransformedReport {
    /// Reads a record that `encoded()` wrote, handing its fields to `visitor` in stored order.
    public static func read<Visitor: TransformedRecordVisitor>(encoded bytes: [UInt8], into visitor: inout Visitor) throws {
        try bytes.withUnsafeBytes { raw in
            var record = RecordFields(reader: BinaryReader(bytes), raw: raw)
            try record.read(into: &visitor)
        }
    }

    public init(encoded bytes: [UInt8]) throws {
        var assembler = ReportAssembler()
        try Self.read(encoded: bytes, into: &assembler)
        self = assembler.report
    }
}

/// Builds the `TransformedReport` a record holds.
private struct ReportAssembler: TransformedRecordVisitor {
    var report = TransformedReport(
        reportId: "", sourcePath: "", sourceFormat: "", encoding: "",
        identity: ReportIdentity(agency: "", reportYear: 0, reportDate: nil, postedDate: nil),
        proactive: [], applications: [], appeals: [], checkFailures: [], diagnostics: [])

    private func string(_ utf8: UnsafeRawBufferPointer) -> String { String(decoding: utf8, as: UTF8.self) }

    mutating func header(_ header: StoredReportHeader) {
        report.reportId = string(header.reportId)
        report.sourcePath = string(header.sourcePath)
        report.sourceFormat = string(header.sourceFormat)
        report.encoding = string(header.encoding)
        report.identity = ReportIdentity(agency: string(header.agency), reportYear: header.reportYear,
                                         reportDate: header.reportDate, postedDate: header.postedDate)
        report.template = Template.all[header.template]
    }

    mutating func begin(_ section: StoredReportSection, count: Int) {
        switch section {
        case .proactive: report.proactive.reserveCapacity(count)
        case .applications: report.applications.reserveCapacity(count)
        case .appeals: report.appeals.reserveCapacity(count)
        case .checkFailures: report.checkFailures.reserveCapacity(count)
        case .diagnostics: report.diagnostics.reserveCapacity(count)
        }
    }

    mutating func proactive(item: Int, measure: Int, value: Double) {
        report.proactive.append(ProactiveCell(item: StoredCodes.items[item], measure: StoredCodes.measures[measure], value: value))
    }

    mutating func application(row: Int, applicant: Int, value: Int64) {
        report.applications.append(ApplicationCell(row: StoredCodes.applicationRows[row], applicant: StoredCodes.applicants[applicant], value: value))
    }

    mutating func appeal(proceeding: Int, outcome: Int, value: Int64) {
        report.appeals.append(AppealCell(proceeding: StoredCodes.proceedings[proceeding], outcome: StoredCodes.outcomes[outcome], value: value))
    }

    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) {
        report.checkFailures.append(CheckFailure(rule: string(rule), subject: string(subject), expected: expected, actual: actual))
    }

    mutating func diagnostic(_ stored: StoredDiagnostic) {
        let place = Diagnostic.Place(table: stored.table.map { TableKind.storedOrder[$0] }, line: stored.line,
                                     page: stored.page, label: stored.label.map(string))
        report.diagnostics.append(Diagnostic(Diagnostic.Stage.storedOrder[stored.stage], Diagnostic.Code.storedOrder[stored.code], string(stored.detail), at: place))
    }
}

/// The fields of a stored report, read in order; text as the record's bytes. (A struct rather
/// than closures capturing the reader, which would check exclusive access at run time.)
private struct RecordFields {
    var reader: BinaryReader
    let raw: UnsafeRawBufferPointer

    mutating func text() throws -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: raw[try reader.readStringRange()]) }

    mutating func begin<Visitor: TransformedRecordVisitor>(_ section: StoredReportSection, _ visitor: inout Visitor) throws -> Int {
        let count = try reader.readCount(what: "\(section)")
        visitor.begin(section, count: count)
        return count
    }

    mutating func read<Visitor: TransformedRecordVisitor>(into visitor: inout Visitor) throws {
        visitor.header(StoredReportHeader(
            reportId: try text(), sourcePath: try text(), sourceFormat: try text(), encoding: try text(),
            agency: try text(), reportYear: try reader.readInt(),
            reportDate: try Optional<CalendarDate>.decode(from: &reader),
            postedDate: try Optional<CalendarDate>.decode(from: &reader),
            template: try reader.readIndex(below: Template.all.count, what: "template")))
        let items = StoredCodes.items.count, measures = StoredCodes.measures.count
        for _ in 0..<(try begin(.proactive, &visitor)) {
            visitor.proactive(item: try reader.readIndex(below: items, what: "item"),
                              measure: try reader.readIndex(below: measures, what: "measure"),
                              value: try reader.readDouble())
        }
        let rows = StoredCodes.applicationRows.count, applicants = StoredCodes.applicants.count
        for _ in 0..<(try begin(.applications, &visitor)) {
            visitor.application(row: try reader.readIndex(below: rows, what: "row"),
                                applicant: try reader.readIndex(below: applicants, what: "applicant"),
                                value: try reader.readInt64())
        }
        guard visitor.wantsMore else { return }
        let proceedings = StoredCodes.proceedings.count, outcomes = StoredCodes.outcomes.count
        for _ in 0..<(try begin(.appeals, &visitor)) {
            visitor.appeal(proceeding: try reader.readIndex(below: proceedings, what: "proceeding"),
                           outcome: try reader.readIndex(below: outcomes, what: "outcome"),
                           value: try reader.readInt64())
        }
        for _ in 0..<(try begin(.checkFailures, &visitor)) {
            visitor.checkFailure(rule: try text(), subject: try text(), expected: try reader.readInt64(), actual: try reader.readInt64())
        }
        let stages = StoredCodes.diagnosticStages.count, codes = StoredCodes.diagnosticCodes.count
        for _ in 0..<(try begin(.diagnostics, &visitor)) {
            let stage = try reader.readIndex(below: stages, what: "stage")
            let code = try reader.readIndex(below: codes, what: "diagnostic")
            let detail = try text()
            let table = try reader.readIndex(below: TableKind.storedOrder.count + 1, what: "table")
            let line = try reader.readInt(), page = try reader.readInt()
            let label = try reader.readBool() ? try text() : nil
            visitor.diagnostic(StoredDiagnostic(stage: stage, code: code, detail: detail, table: table == 0 ? nil : table - 1,
                                                line: line == 0 ? nil : line, page: page == 0 ? nil : page, label: label))
        }
    }
}

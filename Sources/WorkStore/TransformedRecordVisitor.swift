import DisclosureModel

/// Receives a stored `TransformedReport` field by field, in stored order, from
/// `TransformedReport.read(encoded:into:)`.
///
/// Text comes as the record's own UTF-8 bytes, valid until `read` returns, and template codes
/// as positions in the `StoredCodes` lists: a reader such as load copies them straight into its
/// columns, with no `String` and no cell array per report.
public protocol TransformedRecordVisitor {
    /// The report's origin and identity; comes first.
    mutating func header(_ header: StoredReportHeader)
    /// The numbers the `continuity` check compares (`ContinuityNumbers.Slot` order; nil where the
    /// report lacks the cell); they come after the header, before the cells.
    mutating func continuityNumber(slot: Int, value: Int64?)
    /// A section starts with `count` entries; they follow.
    mutating func begin(_ section: StoredReportSection, count: Int)
    mutating func proactive(item: Int, measure: Int, value: Double)
    mutating func application(row: Int, applicant: Int, value: Int64)
    mutating func appeal(proceeding: Int, outcome: Int, value: Int64)
    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64)
    mutating func diagnostic(_ diagnostic: StoredDiagnostic)
    /// False when the header and the continuity numbers are all the visitor needs: the cells and
    /// the rest of the record are then not read.
    var wantsMore: Bool { get }
}

extension TransformedRecordVisitor {
    public var wantsMore: Bool { true }
    /// Most readers take the numbers from the cells.
    public mutating func continuityNumber(slot: Int, value: Int64?) {}
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

extension TransformedReport {
    /// Reads a record that `encoded()` wrote, handing its fields to `visitor` in stored order: the
    /// fields of `fields(_:)`, read in the same order, but text as bytes and codes as positions.
    /// Throws `RecordReader.OtherVersion` before the visitor hears of the record when it is of
    /// another format version.
    public static func read<Visitor: TransformedRecordVisitor>(encoded bytes: [UInt8], into visitor: inout Visitor) throws {
        try bytes.withUnsafeBytes { raw in
            var record = VisitedFields(reader: RecordReader(bytes), raw: raw)
            try record.reader.formatVersion(formatVersion, of: Self.self)
            try record.read(into: &visitor)
        }
    }
}

/// The fields of a stored report, read in order; text as the record's bytes. (A struct rather
/// than closures capturing the reader, which would check exclusive access at run time.)
private struct VisitedFields {
    var reader: RecordReader
    let raw: UnsafeRawBufferPointer

    mutating func text() throws -> UnsafeRawBufferPointer { UnsafeRawBufferPointer(rebasing: raw[try reader.readStringRange()]) }

    /// An optional value declared by `StoredFields`, read by its declaration.
    mutating func optional<Value: StoredFields>(_ type: Value.Type) throws -> Value? {
        var value: Value?
        try reader.optional(&value)
        return value
    }

    /// An optional's flag: whether its value follows.
    mutating func present() throws -> Bool {
        var present = false
        try reader.bool(&present)
        return present
    }

    mutating func begin<Visitor: TransformedRecordVisitor>(_ section: StoredReportSection, _ visitor: inout Visitor) throws -> Int {
        let count = try reader.readCount(what: "section")
        visitor.begin(section, count: count)
        return count
    }

    mutating func read<Visitor: TransformedRecordVisitor>(into visitor: inout Visitor) throws {
        // headerFields, ReportIdentity.fields, Template.fields
        visitor.header(StoredReportHeader(
            reportId: try text(), sourcePath: try text(), sourceFormat: try text(), encoding: try text(),
            agency: try text(), reportYear: try reader.readInt(),
            reportDate: try optional(CalendarDate.self), postedDate: try optional(CalendarDate.self),
            template: try reader.readIndex(below: Template.all.count, what: "template")))
        // ContinuityNumbers.fields
        for slot in 0..<ContinuityNumbers.Slot.count {
            visitor.continuityNumber(slot: slot, value: try present() ? try reader.readInt64() : nil)
        }
        guard visitor.wantsMore else { return }
        // ProactiveCell.fields, ApplicationCell.fields
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
        // AppealCell.fields, CheckFailure.fields, Diagnostic.fields with Diagnostic.Place.fields
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
        let tables = TableKind.storedOrder.count
        for _ in 0..<(try begin(.diagnostics, &visitor)) {
            let stage = try reader.readIndex(below: stages, what: "stage")
            let code = try reader.readIndex(below: codes, what: "diagnostic")
            let detail = try text()
            let table = try present() ? try reader.readIndex(below: tables, what: "table") : nil
            let line = try optional(Int.self), page = try optional(Int.self)
            let label = try present() ? try text() : nil
            visitor.diagnostic(StoredDiagnostic(stage: stage, code: code, detail: detail, table: table, line: line, page: page, label: label))
        }
        try reader.expectEnd(of: "TransformedReport")
    }
}

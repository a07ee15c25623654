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
    /// A cell section whole (item and measure positions); one call rather than one per cell.
    mutating func proactive(_ cells: StoredCells<Double>)
    /// Row and applicant positions.
    mutating func applications(_ cells: StoredCells<Int64>)
    /// Proceeding and outcome positions.
    mutating func appeals(_ cells: StoredCells<Int64>)
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

/// The cells of a section as read from a record: cell `i` is at code positions `first[i]` and
/// `second[i]` (of the section's two `StoredCodes` lists) and holds `values[i]`. The buffers are
/// valid only during the visitor's call.
public struct StoredCells<Value: BitwiseCopyable> {
    public let first, second: UnsafeBufferPointer<UInt32>
    public let values: UnsafeBufferPointer<Value>
    public var count: Int { values.count }
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

    /// Reads a cell section (two code positions and a value per cell) into buffers and hands it
    /// over in one call. The count is bounded by the record's remaining bytes (`readCount`).
    @inline(__always)
    mutating func cells<Visitor: TransformedRecordVisitor, Value: BitwiseCopyable>(
        _ section: StoredReportSection, _ visitor: inout Visitor,
        _ firstCount: Int, _ firstName: StaticString, _ secondCount: Int, _ secondName: StaticString,
        value: (inout RecordReader) throws -> Value, hand: (inout Visitor, StoredCells<Value>) -> Void
    ) throws {
        let count = try begin(section, &visitor)
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 2 * count) { codes in
            try withUnsafeTemporaryAllocation(of: Value.self, capacity: count) { values in
                for index in 0..<count {
                    codes[index] = UInt32(truncatingIfNeeded: try reader.readIndex(below: firstCount, what: firstName))
                    codes[count + index] = UInt32(truncatingIfNeeded: try reader.readIndex(below: secondCount, what: secondName))
                    values.initializeElement(at: index, to: try value(&reader))
                }
                let codes = UnsafeBufferPointer(codes)
                hand(&visitor, StoredCells(first: UnsafeBufferPointer(rebasing: codes[..<count]),
                                           second: UnsafeBufferPointer(rebasing: codes[count...]),
                                           values: UnsafeBufferPointer(values)))
            }
        }
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
        // ProactiveCell.fields, ApplicationCell.fields, AppealCell.fields
        try cells(.proactive, &visitor, StoredCodes.items.count, "item", StoredCodes.measures.count, "measure",
                  value: { try $0.readDouble() }, hand: { $0.proactive($1) })
        try cells(.applications, &visitor, StoredCodes.applicationRows.count, "row", StoredCodes.applicants.count, "applicant",
                  value: { try $0.readInt64() }, hand: { $0.applications($1) })
        try cells(.appeals, &visitor, StoredCodes.proceedings.count, "proceeding", StoredCodes.outcomes.count, "outcome",
                  value: { try $0.readInt64() }, hand: { $0.appeals($1) })
        // CheckFailure.fields, Diagnostic.fields with Diagnostic.Place.fields
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

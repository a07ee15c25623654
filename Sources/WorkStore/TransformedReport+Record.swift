import DisclosureModel

/// A transform result as the work store keeps it: template codes as their positions in
/// `StoredCodes`. Bump `formatVersion` and `Transformer.version` when its fields change, and
/// follow the change in `TransformedReport.read(encoded:into:)`, load's reader of the same bytes
/// (`StoredRecordTests` fails until it does).
extension TransformedReport: StoredRecord {
    public static let formatVersion: UInt8 = 2

    /// The record, after `tag` when there is one (see `StoredRecord`).
    public func encoded(tag: UInt8? = nil) -> [UInt8] { encode(tag: tag) }

    /// Reads the record that starts at `start` of `bytes` and ends with them.
    public init(encoded bytes: [UInt8], from start: Int = 0) throws { self = try Self.decode(bytes, from: start) }

    public static var blank: TransformedReport {
        TransformedReport(reportId: "", sourcePath: "", sourceFormat: "", encoding: "", identity: .blank,
                          proactive: [], applications: [], appeals: [], checkFailures: [], diagnostics: [])
    }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try headerFields(&coder)
        try template.fields(&coder)
        // Derived from the cells, stored for load's first pass (`ContinuityNumbers`); a full read
        // has the cells and drops them.
        var continuity = Coder.isReading ? ContinuityNumbers() : ContinuityNumbers(cellsOf: self)
        try continuity.fields(&coder)
        try coder.list(&proactive, what: "proactive")
        try coder.list(&applications, what: "applications")
        try coder.list(&appeals, what: "appeals")
        try coder.list(&checkFailures, what: "checkFailures")
        try coder.list(&diagnostics, what: "diagnostics")
    }
}

/// Each number after a flag saying whether the report has it.
extension ContinuityNumbers: StoredFields {
    public static var blank: ContinuityNumbers { ContinuityNumbers() }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        for slot in 0..<Slot.count {
            var present = values[slot] != nil, value = values[slot] ?? 0
            try coder.bool(&present)
            if present { try coder.int64(&value) }
            if Coder.isReading { values[slot] = present ? value : nil }
        }
    }
}

/// Kept as its position in `Template.all`.
extension Template: StoredFields {
    public static var blank: Template { .national2021 }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        var position = storedIndex
        try coder.position(&position, below: Template.all.count, what: "template")
        if Coder.isReading { self = Template.all[position] }
    }
}

extension ProactiveCell: StoredFields {
    public static var blank: ProactiveCell { ProactiveCell(item: "", measure: "", value: 0) }

    /// Inlined into the loop over a report's cells, a few hundred per report.
    @inline(__always)
    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.code(&item, in: .items)
        try coder.code(&measure, in: .measures)
        try coder.double(&value)
    }
}

extension ApplicationCell: StoredFields {
    public static var blank: ApplicationCell { ApplicationCell(row: "", applicant: "", value: 0) }

    /// Inlined into the loop over a report's cells, a few hundred per report.
    @inline(__always)
    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.code(&row, in: .applicationRows)
        try coder.code(&applicant, in: .applicants)
        try coder.int64(&value)
    }
}

extension AppealCell: StoredFields {
    public static var blank: AppealCell { AppealCell(proceeding: "", outcome: "", value: 0) }

    /// Inlined into the loop over a report's cells, a few hundred per report.
    @inline(__always)
    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.code(&proceeding, in: .proceedings)
        try coder.code(&outcome, in: .outcomes)
        try coder.int64(&value)
    }
}

extension CheckFailure: StoredFields {
    public static var blank: CheckFailure { CheckFailure(rule: "", subject: "", expected: 0, actual: 0) }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.string(&rule)
        try coder.string(&subject)
        try coder.int64(&expected)
        try coder.int64(&actual)
    }
}

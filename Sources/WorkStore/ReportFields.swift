import DisclosureModel

/// The stored forms of the values both stages' reports are made of.
extension TextCell: StoredFields {
    public static var blank: TextCell { TextCell("", line: 0) }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.string(&text)
        try coder.int(&line)
    }
}

extension RawRow: StoredFields {
    public static var blank: RawRow { RawRow(labels: [], values: []) }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.list(&labels, what: "label")
        try coder.list(&values, what: "value")
    }
}

extension TableKind: StoredFields {
    public static var blank: TableKind { .proactive }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws { try coder.storedEnum(&self, what: "table") }
}

/// Kept as one number, yyyymmdd.
extension CalendarDate: StoredFields {
    public static var blank: CalendarDate { CalendarDate(year: 1970, month: 1, day: 1)! }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        var packed = year * 10_000 + month * 100 + day
        try coder.int(&packed)
        guard Coder.isReading else { return }
        guard let date = CalendarDate(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100) else {
            throw RecordReader.Damaged(description: "\(packed) is not a date")
        }
        self = date
    }
}

extension ReportIdentity: StoredFields {
    public static var blank: ReportIdentity { ReportIdentity(agency: "", reportYear: 0, reportDate: nil, postedDate: nil) }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.string(&agency)
        try coder.int(&reportYear)
        try coder.optional(&reportDate)
        try coder.optional(&postedDate)
    }
}

/// The fields every stored report starts with: where it came from and who published it.
protocol SourceHeaderFields {
    var reportId: String { get set }
    var sourcePath: String { get set }
    var sourceFormat: String { get set }
    var encoding: String { get set }
    var identity: ReportIdentity { get set }
}

extension SourceHeaderFields {
    mutating func headerFields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.string(&reportId)
        try coder.string(&sourcePath)
        try coder.string(&sourceFormat)
        try coder.string(&encoding)
        try identity.fields(&coder)
    }
}

extension ExtractedReport: SourceHeaderFields {}
extension TransformedReport: SourceHeaderFields {}

extension Diagnostic: StoredFields {
    public static var blank: Diagnostic { Diagnostic(.extract, .labelNormalized, "") }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.storedEnum(&stage, what: "stage")
        try coder.storedEnum(&code, what: "diagnostic")
        try coder.string(&detail)
        try place.fields(&coder)
    }
}

extension Diagnostic.Place: StoredFields {
    public static var blank: Diagnostic.Place { Diagnostic.Place() }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.optional(&table)
        try coder.optional(&line)
        try coder.optional(&page)
        try coder.optional(&label)
    }
}

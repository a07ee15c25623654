/// Binary forms of the stage results the work store keeps. Codes of the template are stored as
/// their index in `Template`, so a record is small and decoding allocates little.
extension CalendarDate {
    func encode(into writer: inout ReservedWriter) {
        writer.write(year * 10_000 + month * 100 + day)
    }

    static func decode(from reader: inout BinaryReader) throws -> CalendarDate? {
        let packed = try reader.readInt()
        return CalendarDate(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100)
    }
}

extension Optional where Wrapped == CalendarDate {
    func encode(into writer: inout ReservedWriter) {
        if let date = self { writer.write(true); date.encode(into: &writer) } else { writer.write(false) }
    }

    static func decode(from reader: inout BinaryReader) throws -> CalendarDate? {
        try reader.readBool() ? try CalendarDate.decode(from: &reader) : nil
    }
}

extension ReportIdentity {
    /// Bytes `encode(into:)` can take at the most.
    var bound: Int { ReservedWriter.bound(agency) + 5 * ReservedWriter.numberBound }

    func encode(into writer: inout ReservedWriter) {
        writer.write(agency)
        writer.write(reportYear)
        reportDate.encode(into: &writer)
        postedDate.encode(into: &writer)
    }

    static func decode(from reader: inout BinaryReader) throws -> ReportIdentity {
        ReportIdentity(agency: try reader.readString(), reportYear: try reader.readInt(),
                       reportDate: try Optional<CalendarDate>.decode(from: &reader),
                       postedDate: try Optional<CalendarDate>.decode(from: &reader))
    }
}

/// The fields every stored report starts with: where it came from and who published it.
protocol SourceHeaderFields {
    var reportId: String { get }
    var sourcePath: String { get }
    var sourceFormat: String { get }
    var encoding: String { get }
    var identity: ReportIdentity { get }
}

extension SourceHeaderFields {
    /// Bytes `encodeHeader(into:)` can take at the most.
    var headerBound: Int {
        ReservedWriter.bound(reportId) + ReservedWriter.bound(sourcePath) + ReservedWriter.bound(sourceFormat)
            + ReservedWriter.bound(encoding) + identity.bound
    }

    /// Writes the header straight from the report's fields, without copying them into a `SourceHeader`.
    func encodeHeader(into writer: inout ReservedWriter) {
        writer.write(reportId)
        writer.write(sourcePath)
        writer.write(sourceFormat)
        writer.write(encoding)
        identity.encode(into: &writer)
    }
}

extension ExtractedReport: SourceHeaderFields {}
extension TransformedReport: SourceHeaderFields {}

/// The header as read back; see `SourceHeaderFields` for writing it.
struct SourceHeader {
    var reportId, sourcePath, sourceFormat, encoding: String
    var identity: ReportIdentity

    static func decode(from reader: inout BinaryReader) throws -> SourceHeader {
        SourceHeader(reportId: try reader.readString(), sourcePath: try reader.readString(),
                     sourceFormat: try reader.readString(), encoding: try reader.readString(),
                     identity: try ReportIdentity.decode(from: &reader))
    }
}

extension Diagnostic {
    /// Bytes `encode(into:)` can take at the most.
    var bound: Int { ReservedWriter.bound(detail) + 5 * ReservedWriter.numberBound + 1 + ReservedWriter.bound(place.label ?? "") }

    /// Stage, code, detail, then the place: table, line and page as 0 when unknown (each is 1-based),
    /// the label after a flag.
    func encode(into writer: inout ReservedWriter) {
        writer.write(UInt64(stage.storedNumber))
        writer.write(UInt64(code.storedNumber))
        writer.write(detail)
        writer.write(UInt64(place.table.map { $0.storedNumber + 1 } ?? 0))
        writer.write(place.line ?? 0)
        writer.write(place.page ?? 0)
        writer.write(place.label != nil)
        if let label = place.label { writer.write(label) }
    }

    static func decode(from reader: inout BinaryReader) throws -> Diagnostic {
        let stage = try Stage.read(from: &reader, what: "stage")
        let code = try Code.read(from: &reader, what: "diagnostic")
        let detail = try reader.readString()
        let table = try reader.readIndex(below: TableKind.storedOrder.count + 1, what: "table")
        let line = try reader.readInt(), page = try reader.readInt()
        let label = try reader.readBool() ? try reader.readString() : nil
        return Diagnostic(stage, code, detail, at: Place(table: table == 0 ? nil : TableKind.storedOrder[table - 1],
                                                         line: line == 0 ? nil : line, page: page == 0 ? nil : page, label: label))
    }
}

extension Reject {
    /// The record, after `tag` when there is one.
    public func encoded(tag: UInt8? = nil) -> [UInt8] {
        let bound = ReservedWriter.bound(sourcePath) + ReservedWriter.numberBound + ReservedWriter.bound(detail)
        return ReservedWriter.record(bound: bound, tag: tag) { writer in
            writer.write(sourcePath)
            writer.write(UInt64(reason.storedNumber))
            writer.write(detail)
        }
    }

    /// Reads the record that starts at `start` of `bytes`.
    public init(encoded bytes: [UInt8], from start: Int = 0) throws {
        var reader = BinaryReader(bytes, from: start)
        sourcePath = try reader.readString()
        reason = try Reason.read(from: &reader, what: "reject reason")
        detail = try reader.readString()
    }
}

extension ExtractedReport {
    /// The record, after `tag` when there is one. Written in one pass into memory bounded by a
    /// first pass over the same cells; rows and cells are read by index so that none is copied.
    public func encoded(tag: UInt8? = nil) -> [UInt8] {
        let number = ReservedWriter.numberBound
        var bound = headerBound + 4 * number + diagnostics.reduce(0) { $0 + $1.bound }
        for rows in tables.values {
            bound += 2 * number
            for i in rows.indices { bound += rows[i].labels.bound + rows[i].values.bound }
        }
        if let lineOrigins { bound += lineOrigins.reduce(0) { $0 + ReservedWriter.bound($1) } }
        return ReservedWriter.record(bound: bound, tag: tag) { writer in
            encodeHeader(into: &writer)
            writer.write(UInt64(tables.count))
            for kind in TableKind.storedOrder {
                guard let rows = tables[kind] else { continue }
                writer.write(UInt64(kind.storedNumber))
                writer.write(UInt64(rows.count))
                for i in rows.indices {
                    writer.write(rows[i].labels)
                    writer.write(rows[i].values)
                }
            }
            writer.write(UInt64(diagnostics.count))
            for i in diagnostics.indices { diagnostics[i].encode(into: &writer) }
            writer.write(lineOrigins != nil)
            if let lineOrigins {
                writer.write(UInt64(lineOrigins.count))
                for i in lineOrigins.indices { writer.write(lineOrigins[i]) }
            }
        }
    }

    /// Reads the record that starts at `start` of `bytes`.
    public init(encoded bytes: [UInt8], from start: Int = 0) throws {
        var reader = BinaryReader(bytes, from: start)
        let header = try SourceHeader.decode(from: &reader)
        (reportId, sourcePath, sourceFormat, encoding) = (header.reportId, header.sourcePath, header.sourceFormat, header.encoding)
        identity = header.identity
        tables = [:]
        for _ in 0..<(try reader.readUInt64()) {
            let kind = try TableKind.read(from: &reader, what: "table")
            var rows: [RawRow] = []
            for _ in 0..<(try reader.readUInt64()) {
                var parts: [[TextCell]] = []
                for _ in 0..<2 {
                    var cells: [TextCell] = []
                    for _ in 0..<(try reader.readUInt64()) {
                        cells.append(TextCell(try reader.readString(), line: try reader.readInt()))
                    }
                    parts.append(cells)
                }
                rows.append(RawRow(labels: parts[0], values: parts[1]))
            }
            tables[kind] = rows
        }
        diagnostics = []
        for _ in 0..<(try reader.readUInt64()) { diagnostics.append(try Diagnostic.decode(from: &reader)) }
        if try reader.readBool() {
            lineOrigins = try (0..<(try reader.readCount(what: "line origin"))).map { _ in try reader.readString() }
        }
    }
}

extension TransformedReport {
    private static let itemIndex = Template.index(StoredCodes.items), measureIndex = Template.index(StoredCodes.measures),
        rowIndex = Template.index(StoredCodes.applicationRows), applicantIndex = Template.index(StoredCodes.applicants),
        proceedingIndex = Template.index(StoredCodes.proceedings), outcomeIndex = Template.index(StoredCodes.outcomes)

    /// Written in one pass into memory bounded up front (see `ExtractedReport.encoded()`).
    public func encoded() -> [UInt8] {
        let number = ReservedWriter.numberBound
        var bound = headerBound + 6 * number + diagnostics.reduce(0) { $0 + $1.bound }
        bound += 3 * number * (proactive.count + applications.count + appeals.count)
        for i in checkFailures.indices {
            bound += ReservedWriter.bound(checkFailures[i].rule) + ReservedWriter.bound(checkFailures[i].subject) + 2 * number
        }
        return ReservedWriter.record(bound: bound) { writer in
            encodeHeader(into: &writer)
            writer.write(UInt64(template.storedIndex))
            var items = CodeCursor(StoredCodes.items, Self.itemIndex), measures = CodeCursor(StoredCodes.measures, Self.measureIndex)
            writer.write(UInt64(proactive.count))
            for i in proactive.indices {
                writer.write(UInt64(items.position(of: proactive[i].item)))
                writer.write(UInt64(measures.position(of: proactive[i].measure)))
                writer.write(proactive[i].value)
            }
            var rows = CodeCursor(StoredCodes.applicationRows, Self.rowIndex)
            var applicants = CodeCursor(StoredCodes.applicants, Self.applicantIndex)
            writer.write(UInt64(applications.count))
            for i in applications.indices {
                writer.write(UInt64(rows.position(of: applications[i].row)))
                writer.write(UInt64(applicants.position(of: applications[i].applicant)))
                writer.write(applications[i].value)
            }
            var proceedings = CodeCursor(StoredCodes.proceedings, Self.proceedingIndex)
            var outcomes = CodeCursor(StoredCodes.outcomes, Self.outcomeIndex)
            writer.write(UInt64(appeals.count))
            for i in appeals.indices {
                writer.write(UInt64(proceedings.position(of: appeals[i].proceeding)))
                writer.write(UInt64(outcomes.position(of: appeals[i].outcome)))
                writer.write(appeals[i].value)
            }
            writer.write(UInt64(checkFailures.count))
            for i in checkFailures.indices {
                writer.write(checkFailures[i].rule)
                writer.write(checkFailures[i].subject)
                writer.write(checkFailures[i].expected)
                writer.write(checkFailures[i].actual)
            }
            writer.write(UInt64(diagnostics.count))
            for i in diagnostics.indices { diagnostics[i].encode(into: &writer) }
        }
    }
}

extension [TextCell] {
    /// Bytes `ReservedWriter.write(cells)` can take at the most.
    var bound: Int {
        var bound = ReservedWriter.numberBound
        for i in indices { bound += ReservedWriter.bound(self[i].text) + ReservedWriter.numberBound }
        return bound
    }
}

extension ReservedWriter {
    mutating func write(_ cells: [TextCell]) {
        write(UInt64(cells.count))
        for i in cells.indices {
            write(cells[i].text)
            write(cells[i].line)
        }
    }
}

/// Finds codes' positions in a template list, trying first the code before, the one after and the
/// first: cells come in template order, so a hash of the code is rarely needed.
struct CodeCursor {
    let codes: [String]
    let index: [String: Int]
    private var last = 0

    init(_ codes: [String], _ index: [String: Int]) {
        self.codes = codes
        self.index = index
    }

    /// Inlined so that the code is read in place from its cell, not retained for the call.
    @inline(__always)
    mutating func position(of code: String) -> Int {
        if Self.same(codes[last], code) { return last }
        if last + 1 < codes.count && Self.same(codes[last + 1], code) {
            last += 1
            return last
        }
        last = search(code)
        return last
    }

    /// A jump in the template order: a scan for the same string is cheaper than hashing the code,
    /// which is left for codes that are equal to a template code without being its string.
    @inline(never)
    private func search(_ code: String) -> Int {
        codes.firstIndex { Self.same($0, code) } ?? index[code]!
    }

    /// Whether two strings are the same value bit for bit (the same storage): cells are built from
    /// the template's own strings, so this settles most lookups without comparing bytes.
    private static func same(_ a: String, _ b: String) -> Bool {
        unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }
}

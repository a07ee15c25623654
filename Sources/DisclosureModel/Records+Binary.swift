/// Binary forms of the stage results the work store keeps. Codes of the template are stored as
/// their index in `Template`, so a record is small and decoding allocates little.
extension CalendarDate {
    func encode(into writer: inout BinaryWriter) {
        writer.write(year * 10_000 + month * 100 + day)
    }

    static func decode(from reader: inout BinaryReader) throws -> CalendarDate? {
        let packed = try reader.readInt()
        return CalendarDate(year: packed / 10_000, month: packed / 100 % 100, day: packed % 100)
    }
}

extension Optional where Wrapped == CalendarDate {
    func encode(into writer: inout BinaryWriter) {
        if let date = self { writer.write(true); date.encode(into: &writer) } else { writer.write(false) }
    }

    static func decode(from reader: inout BinaryReader) throws -> CalendarDate? {
        try reader.readBool() ? try CalendarDate.decode(from: &reader) : nil
    }
}

extension ReportIdentity {
    func encode(into writer: inout BinaryWriter) {
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
struct SourceHeader {
    var reportId, sourcePath, sourceFormat, encoding: String
    var identity: ReportIdentity

    func encode(into writer: inout BinaryWriter) {
        for field in [reportId, sourcePath, sourceFormat, encoding] { writer.write(field) }
        identity.encode(into: &writer)
    }

    static func decode(from reader: inout BinaryReader) throws -> SourceHeader {
        SourceHeader(reportId: try reader.readString(), sourcePath: try reader.readString(),
                     sourceFormat: try reader.readString(), encoding: try reader.readString(),
                     identity: try ReportIdentity.decode(from: &reader))
    }
}

extension Diagnostic {
    static let stages: [Stage] = [.extract, .transform, .load]

    func encode(into writer: inout BinaryWriter) {
        writer.write(UInt64(Self.stages.firstIndex(of: stage)!))
        writer.write(UInt64(Code.allCases.firstIndex(of: code)!))
        writer.write(detail)
    }

    static func decode(from reader: inout BinaryReader) throws -> Diagnostic {
        let stage = stages[try reader.readIndex(below: stages.count, what: "stage")]
        let code = Code.allCases[try reader.readIndex(below: Code.allCases.count, what: "diagnostic")]
        return Diagnostic(stage, code, try reader.readString())
    }
}

extension Reject {
    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 128)
        writer.write(sourcePath)
        writer.write(UInt64(Reason.allCases.firstIndex(of: reason)!))
        writer.write(detail)
        return writer.bytes
    }

    public init(encoded bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes)
        sourcePath = try reader.readString()
        reason = Reason.allCases[try reader.readIndex(below: Reason.allCases.count, what: "reject reason")]
        detail = try reader.readString()
    }
}

extension ExtractedReport {
    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 8192)
        SourceHeader(reportId: reportId, sourcePath: sourcePath, sourceFormat: sourceFormat, encoding: encoding,
                     identity: identity).encode(into: &writer)
        let present = TableKind.allCases.filter { tables[$0] != nil }
        writer.write(UInt64(present.count))
        for kind in present {
            writer.write(UInt64(TableKind.allCases.firstIndex(of: kind)!))
            let rows = tables[kind] ?? []
            writer.write(UInt64(rows.count))
            for row in rows {
                writer.write(row.labels)
                writer.write(row.values)
            }
        }
        writer.write(UInt64(diagnostics.count))
        for diagnostic in diagnostics { diagnostic.encode(into: &writer) }
        writer.write(lineOrigins != nil)
        if let lineOrigins {
            writer.write(UInt64(lineOrigins.count))
            for origin in lineOrigins { writer.write(origin) }
        }
        return writer.bytes
    }

    public init(encoded bytes: [UInt8]) throws {
        var reader = BinaryReader(bytes)
        let header = try SourceHeader.decode(from: &reader)
        (reportId, sourcePath, sourceFormat, encoding) = (header.reportId, header.sourcePath, header.sourceFormat, header.encoding)
        identity = header.identity
        tables = [:]
        for _ in 0..<(try reader.readUInt64()) {
            let kind = TableKind.allCases[try reader.readIndex(below: TableKind.allCases.count, what: "table")]
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
    private static let measureIndex = Template.index(StoredCodes.measures)

    public func encoded() -> [UInt8] {
        var writer = BinaryWriter(capacity: 4096)
        SourceHeader(reportId: reportId, sourcePath: sourcePath, sourceFormat: sourceFormat, encoding: encoding,
                     identity: identity).encode(into: &writer)
        var items = CodeCursor(StoredCodes.items, Template.proactiveItemIndex), measures = CodeCursor(StoredCodes.measures, Self.measureIndex)
        writer.write(UInt64(proactive.count))
        for cell in proactive {
            writer.write(UInt64(items.position(of: cell.item)))
            writer.write(UInt64(measures.position(of: cell.measure)))
            writer.write(cell.value)
        }
        var rows = CodeCursor(Template.applicationRows, Template.applicationRowIndex)
        var applicants = CodeCursor(Template.applicants, Template.applicantIndex)
        writer.write(UInt64(applications.count))
        for cell in applications {
            writer.write(UInt64(rows.position(of: cell.row)))
            writer.write(UInt64(applicants.position(of: cell.applicant)))
            writer.write(cell.value)
        }
        var proceedings = CodeCursor(Template.proceedings, Template.proceedingIndex)
        var outcomes = CodeCursor(Template.outcomes, Template.outcomeIndex)
        writer.write(UInt64(appeals.count))
        for cell in appeals {
            writer.write(UInt64(proceedings.position(of: cell.proceeding)))
            writer.write(UInt64(outcomes.position(of: cell.outcome)))
            writer.write(cell.value)
        }
        writer.write(UInt64(checkFailures.count))
        for failure in checkFailures {
            writer.write(failure.rule)
            writer.write(failure.subject)
            writer.write(failure.expected)
            writer.write(failure.actual)
        }
        writer.write(UInt64(diagnostics.count))
        for diagnostic in diagnostics { diagnostic.encode(into: &writer) }
        return writer.bytes
    }
}

extension BinaryWriter {
    mutating func write(_ cells: [TextCell]) {
        write(UInt64(cells.count))
        for cell in cells {
            write(cell.text)
            write(cell.line)
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

    mutating func position(of code: String) -> Int {
        if codes[last] != code {
            if last + 1 < codes.count && codes[last + 1] == code { last += 1 }
            else if codes[0] == code { last = 0 }
            else { last = index[code]! }
        }
        return last
    }
}

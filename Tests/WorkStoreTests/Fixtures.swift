import DisclosureModel
import Extract
import Foundation
import Transform
import WorkStore

/// Reports to store: read from the repository's samples, written out with every field set, or drawn at random.
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func extract(_ relative: String) throws -> ExtractedReport {
        let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
        guard case .report(let report) = Extractor.extract(bytes: bytes, sourcePath: relative) else { throw Rejected(path: relative) }
        return report
    }

    static func transform(_ relative: String) throws -> TransformedReport {
        let dictionary = try LabelDictionary.load(path: root.appendingPathComponent("pipelines/labels.toml").path)
        return Transformer(dictionary: dictionary).transform(try extract(relative))
    }

    struct Rejected: Error { let path: String }

    static let identity = ReportIdentity(agency: "某市某局", reportYear: 2023, reportDate: CalendarDate(year: 2024, month: 1, day: 8),
                                         postedDate: CalendarDate(year: 2024, month: 2, day: 29))
    static let diagnostics = [
        Diagnostic(.extract, .cellEmpty, "空", at: .init(table: .applications, line: 12, page: 3, label: "（一）"))
    ]

    /// Every field set, every optional present, every list non-empty (`StoredRecordTests` checks that
    /// nothing is left blank).
    static let extracted = ExtractedReport(
        reportId: "ab12", sourcePath: "dir/a.pdf", sourceFormat: "pdf", encoding: "utf-8", identity: identity,
        tables: [.proactive: [RawRow(labels: [TextCell("规章", line: 3)], values: [TextCell("5", line: 3)])],
                 .appeals: [RawRow(labels: [TextCell("行政复议", line: 40)], values: [TextCell("-", line: 41)])]],
        diagnostics: diagnostics, lineOrigins: ["page 1, y=800.0", "page 2, y=431.2"])

    static let transformed = TransformedReport(
        reportId: "cd34", sourcePath: "dir/b.docx", sourceFormat: "docx", encoding: "utf-8", identity: identity,
        proactive: [ProactiveCell(item: "procurement", measure: "amount", value: 12.5)],
        applications: [ApplicationCell(row: "other", applicant: "natural_person", value: 7)],
        appeals: [AppealCell(proceeding: "litigation_after_review", outcome: "pending", value: 2)],
        checkFailures: [CheckFailure(rule: "applications_balance", subject: "total", expected: 10, actual: 9)],
        diagnostics: diagnostics, template: .national2019)

    static let reject = Reject(sourcePath: "dir/c.doc", reason: .legacyDoc, detail: "convert it to .docx")

    /// The same reports with every optional absent and every list empty.
    static let emptyExtracted = ExtractedReport(
        reportId: "", sourcePath: "", sourceFormat: "", encoding: "",
        identity: ReportIdentity(agency: "", reportYear: 0, reportDate: nil, postedDate: nil), tables: [:],
        diagnostics: [Diagnostic(.load, .agencyMissing, "")])
    static let emptyTransformed = TransformedReport(
        reportId: "", sourcePath: "", sourceFormat: "", encoding: "",
        identity: ReportIdentity(agency: "", reportYear: 0, reportDate: nil, postedDate: nil),
        proactive: [], applications: [], appeals: [], checkFailures: [], diagnostics: [Diagnostic(.transform, .checkSkipped, "")])
}

/// A seeded generator (SplitMix64): the same random reports on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random reports of every shape: any number of each list, optionals present or not, numbers and
/// strings of every length (on both sides of the small-string limit, with multi-byte characters).
struct RandomReports {
    var random = SeededGenerator(state: 16)

    mutating func count(_ most: Int) -> Int { Int.random(in: 0...most, using: &random) }
    mutating func flip() -> Bool { Bool.random(using: &random) }

    mutating func int() -> Int {
        switch count(3) {
        case 0: 0
        case 1: Int.random(in: -200...200, using: &random)
        case 2: [Int.min, Int.max, -1, 127, 128][count(4)]
        default: Int(bitPattern: UInt(random.next()))
        }
    }

    mutating func string() -> String {
        let pieces = ["", "a", "公开", "fifteen bytes!!", "sixteen bytes!!!", "\u{0}", "𝄞"]
        return (0..<count(6)).map { _ in pieces[count(pieces.count - 1)] }.joined()
    }

    mutating func date() -> CalendarDate? { flip() ? CalendarDate(year: 1900 + count(300), month: 1 + count(11), day: 1 + count(27)) : nil }

    mutating func identity() -> ReportIdentity { ReportIdentity(agency: string(), reportYear: int(), reportDate: date(), postedDate: date()) }

    mutating func optionalInt() -> Int? { flip() ? int() : nil }

    mutating func diagnostics() -> [Diagnostic] {
        (0..<count(4)).map { _ in
            Diagnostic(Diagnostic.Stage.allCases.randomElement(using: &random)!, Diagnostic.Code.allCases.randomElement(using: &random)!, string(),
                       at: .init(table: flip() ? TableKind.allCases.randomElement(using: &random) : nil, line: optionalInt(),
                                 page: optionalInt(), label: flip() ? string() : nil))
        }
    }

    mutating func cells() -> [TextCell] { (0..<count(4)).map { _ in TextCell(string(), line: int()) } }

    mutating func extracted() -> ExtractedReport {
        var tables: [TableKind: [RawRow]] = [:]
        for kind in TableKind.allCases where flip() { tables[kind] = (0..<count(5)).map { _ in RawRow(labels: cells(), values: cells()) } }
        return ExtractedReport(reportId: string(), sourcePath: string(), sourceFormat: string(), encoding: string(), identity: identity(),
                               tables: tables, diagnostics: diagnostics(), lineOrigins: flip() ? (0..<count(3)).map { _ in string() } : nil)
    }

    mutating func code(_ list: [String]) -> String { list.randomElement(using: &random)! }

    mutating func int64() -> Int64 { Int64(int()) }

    mutating func transformed() -> TransformedReport {
        let doubles: [Double] = [0, -0.0, 1.5, -.greatestFiniteMagnitude, .infinity, .leastNonzeroMagnitude]
        return TransformedReport(
            reportId: string(), sourcePath: string(), sourceFormat: string(), encoding: string(), identity: identity(),
            proactive: (0..<count(30)).map { _ in ProactiveCell(item: code(StoredCodes.items), measure: code(StoredCodes.measures), value: doubles[count(5)]) },
            applications: (0..<count(30)).map { _ in ApplicationCell(row: code(StoredCodes.applicationRows), applicant: code(StoredCodes.applicants), value: int64()) },
            appeals: (0..<count(30)).map { _ in AppealCell(proceeding: code(StoredCodes.proceedings), outcome: code(StoredCodes.outcomes), value: int64()) },
            checkFailures: (0..<count(3)).map { _ in CheckFailure(rule: string(), subject: string(), expected: int64(), actual: int64()) },
            diagnostics: diagnostics(), template: Template.all.randomElement(using: &random)!)
    }
}

/// Builds the `TransformedReport` a record holds from what `TransformedReport.read(encoded:into:)`
/// hands over, so the visitor's reading can be compared with the declaration's.
struct ReportAssembler: TransformedRecordVisitor {
    var report = TransformedReport.blank

    private func string(_ utf8: UnsafeRawBufferPointer) -> String { String(decoding: utf8, as: UTF8.self) }

    static func read(_ bytes: [UInt8]) throws -> TransformedReport {
        var assembler = ReportAssembler()
        try TransformedReport.read(encoded: bytes, into: &assembler)
        return assembler.report
    }

    mutating func header(_ header: StoredReportHeader) {
        report.reportId = string(header.reportId)
        report.sourcePath = string(header.sourcePath)
        report.sourceFormat = string(header.sourceFormat)
        report.encoding = string(header.encoding)
        report.identity = ReportIdentity(agency: string(header.agency), reportYear: header.reportYear,
                                         reportDate: header.reportDate, postedDate: header.postedDate)
        report.template = Template.all[header.template]
    }

    mutating func begin(_ section: StoredReportSection, count: Int) {}

    mutating func proactive(_ cells: StoredCells<Double>) {
        for i in 0..<cells.count {
            report.proactive.append(ProactiveCell(item: StoredCodes.items[Int(cells.first[i])],
                                                  measure: StoredCodes.measures[Int(cells.second[i])], value: cells.values[i]))
        }
    }

    mutating func applications(_ cells: StoredCells<Int64>) {
        for i in 0..<cells.count {
            report.applications.append(ApplicationCell(row: StoredCodes.applicationRows[Int(cells.first[i])],
                                                       applicant: StoredCodes.applicants[Int(cells.second[i])], value: cells.values[i]))
        }
    }

    mutating func appeals(_ cells: StoredCells<Int64>) {
        for i in 0..<cells.count {
            report.appeals.append(AppealCell(proceeding: StoredCodes.proceedings[Int(cells.first[i])],
                                             outcome: StoredCodes.outcomes[Int(cells.second[i])], value: cells.values[i]))
        }
    }

    mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) {
        report.checkFailures.append(CheckFailure(rule: string(rule), subject: string(subject), expected: expected, actual: actual))
    }

    mutating func diagnostic(_ stored: StoredDiagnostic) {
        let place = Diagnostic.Place(table: stored.table.map { TableKind.storedOrder[$0] }, line: stored.line,
                                     page: stored.page, label: stored.label.map(string))
        report.diagnostics.append(Diagnostic(Diagnostic.Stage.storedOrder[stored.stage], Diagnostic.Code.storedOrder[stored.code],
                                             string(stored.detail), at: place))
    }
}

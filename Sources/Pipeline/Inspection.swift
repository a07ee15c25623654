import DisclosureModel
import Extract
import Foundation
import Transform

/// How one document was read: what it was taken for, where its tables were, each row as printed
/// (labels, then values, with the line and where that line came from), the cells in the
/// template's order, the checks that failed and every diagnostic.
///
/// What a user looks at first when a report's numbers look wrong; it reads the file alone, with no
/// pipeline, work folder or output.
public struct Inspection: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        public let line: Int
        public let origin: String?
        public let labels: [String]
        public let values: [String]
    }

    public struct Table: Sendable, Encodable {
        public let table: String
        public let rows: [Row]
    }

    public struct Cell: Sendable, Encodable {
        public let table: String
        public let row: String
        public let column: String
        public let value: Double
    }

    public struct Note: Sendable, Encodable {
        public let stage: String
        public let code: String
        public let detail: String
    }

    public let file: String
    /// `report` or `reject`.
    public let outcome: String
    public let rejectReason: String?
    public let rejectDetail: String?
    public let sourceFormat: String?
    /// The template the tables follow (`2021` or `2019`).
    public let template: String?
    public let encoding: String?
    public let agency: String?
    public let reportYear: Int?
    public let reportDate: String?
    public let postedDate: String?
    public let status: String?
    public let tables: [Table]
    public let cells: [Cell]
    /// Cells the template has and the document did not give, as `table row column`.
    public let missing: [String]
    public let failedChecks: [String]
    public let diagnostics: [Note]

    /// Reads `path` and maps it with the dictionary the `labels` files make (the first, then each
    /// overlay, as a pipeline's `labels` list).
    public static func inspect(path: String, labels: [String]) throws -> Inspection {
        let dictionary = try LabelFiles.load(labels).dictionary
        return try inspect(path: path, dictionary: dictionary)
    }

    /// Reads and maps `path` with `dictionary`.
    public static func inspect(path: String, dictionary: LabelDictionary) throws -> Inspection {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PipelineError.configuration("\(path): cannot read the file (missing or unreadable)")
        }
        let bytes = [UInt8](data)
        switch Extractor.extract(bytes: bytes, sourcePath: path, file: path) {
        case .reject(let reject):
            return Inspection(file: path, outcome: "reject", rejectReason: reject.reason.rawValue, rejectDetail: reject.detail,
                              sourceFormat: nil, template: nil, encoding: nil, agency: nil, reportYear: nil, reportDate: nil, postedDate: nil,
                              status: nil, tables: [], cells: [], missing: [], failedChecks: [], diagnostics: [])
        case .report(let extracted):
            let report = Transformer(dictionary: dictionary).transform(extracted)
            let tables = TableKind.allCases.compactMap { kind in
                extracted.tables[kind].map { rows in
                    Table(table: kind.sectionNumber, rows: rows.map { row in
                        let line = row.labels.first?.line ?? row.values.first?.line ?? 0
                        return Row(line: line, origin: origin(extracted, line), labels: row.labels.map(\.text), values: row.values.map(\.text))
                    })
                }
            }
            let (cells, missing) = templateCells(report)
            return Inspection(
                file: path, outcome: "report", rejectReason: nil, rejectDetail: nil,
                sourceFormat: report.sourceFormat, template: report.template.id, encoding: report.encoding, agency: report.identity.agency,
                reportYear: report.identity.reportYear, reportDate: report.identity.reportDate?.description,
                postedDate: report.identity.postedDate?.description, status: report.status.rawValue, tables: tables,
                cells: cells, missing: missing,
                failedChecks: report.checkFailures.map { "\($0.rule) \($0.subject): expected \($0.expected), printed \($0.actual)" },
                diagnostics: report.diagnostics.map { Note(stage: $0.stage.rawValue, code: $0.code.rawValue, detail: $0.detail) })
        }
    }

    private static func origin(_ report: ExtractedReport, _ line: Int) -> String? {
        guard let origins = report.lineOrigins, origins.indices.contains(line - 1) else { return nil }
        return origins[line - 1]
    }

    /// Every cell in printed order, and the ones the document did not give.
    private static func templateCells(_ report: TransformedReport) -> ([Cell], [String]) {
        var cells: [Cell] = []
        var missing: [String] = []
        let proactive = Dictionary(report.proactive.map { ("\($0.item) \($0.measure)", $0.value) }, uniquingKeysWith: { a, _ in a })
        for item in report.template.proactiveItems {
            for measure in item.measures {
                if let value = proactive["\(item.code) \(measure)"] { cells.append(Cell(table: "二", row: item.code, column: measure, value: value)) } else { missing.append("二 \(item.code) \(measure)") }
            }
        }
        let applications = Dictionary(report.applications.map { ("\($0.row) \($0.applicant)", $0.value) }, uniquingKeysWith: { a, _ in a })
        for row in report.template.applicationRows {
            for applicant in report.template.applicants {
                if let value = applications["\(row) \(applicant)"] { cells.append(Cell(table: "三", row: row, column: applicant, value: Double(value))) } else { missing.append("三 \(row) \(applicant)") }
            }
        }
        let appeals = Dictionary(report.appeals.map { ("\($0.proceeding) \($0.outcome)", $0.value) }, uniquingKeysWith: { a, _ in a })
        for proceeding in report.template.proceedings {
            for outcome in report.template.outcomes {
                if let value = appeals["\(proceeding) \(outcome)"] { cells.append(Cell(table: "四", row: proceeding, column: outcome, value: Double(value))) } else { missing.append("四 \(proceeding) \(outcome)") }
            }
        }
        return (cells, missing)
    }
}

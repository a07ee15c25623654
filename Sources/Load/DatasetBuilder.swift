import DisclosureModel
import WorkStore

/// Turns transformed reports and rejects into the eight datasets of docs/datasets.md.
///
/// Rows are ordered by report_id, then printed order (rejects by source_path), so the same inputs
/// give byte-identical files whatever order the documents were processed in.
public struct DatasetBuilder: Sendable {
    private var reports = ReportRows()
    private var rejects = DatasetTable(schema: Datasets.rejects)

    public init() {}

    /// The datasets by name.
    public var tables: [String: DatasetTable] {
        Dictionary(uniqueKeysWithValues: (reports.tables + [rejects]).map { ($0.schema.name, $0) })
    }

    /// Appends reports in report_id order and rejects in source_path order, with the checks
    /// across the reports.
    public mutating func add(reports: [TransformedReport], rejects: [Reject]) {
        let sorted = reports.sorted(by: { ($0.reportId, $0.sourcePath) < ($1.reportId, $1.sourcePath) })
        let records = sorted.map { $0.encoded() }
        // Records just encoded are whole.
        var facts = ContinuityCheck.Table()
        for record in records { facts.append(try! ContinuityFactsReader.facts(record: record)) }
        let continuity = ContinuityCheck.failures(facts) { sorted[$0].reportId }
        for (index, (report, record)) in zip(sorted, records).enumerated() {
            try! add(record: record, sourcePath: report.sourcePath, continuity: continuity[index] ?? [])
        }
        for reject in rejects.sorted(by: { $0.sourcePath < $1.sourcePath }) {
            add(reject)
        }
    }

    /// Appends one reject's row.
    public mutating func add(_ reject: Reject) {
        rejects.append([.string(reject.sourcePath), .string(reject.reason.rawValue), .string(reject.detail)])
    }

    /// Appends one report's rows to every dataset it has rows in.
    public mutating func add(_ report: TransformedReport, continuity: [ContinuityCheck.Failure] = []) {
        // Through its stored form, so rows are made one way; a record just encoded is whole.
        try! add(record: report.encoded(), sourcePath: report.sourcePath, continuity: continuity)
    }

    /// Appends the rows of a stored report (`TransformedReport.encoded()`), under `sourcePath`,
    /// with its failures of the checks across reports (`ContinuityCheck.failures`).
    /// Throws `RecordReader.OtherVersion`, with none of its rows added, for a record of another
    /// format version; `RecordReader.Damaged` for a damaged record, and then holds part of its rows.
    public mutating func add(record: [UInt8], sourcePath: String, continuity: [ContinuityCheck.Failure] = []) throws {
        try reports.add(record: record, sourcePath: sourcePath, continuity: continuity)
    }
}

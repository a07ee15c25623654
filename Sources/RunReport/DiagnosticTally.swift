import Parquet

/// What the page shows of the `diagnostics` dataset, gathered a run of rows at a time: counts by
/// code, each code's severity, the unrecognized labels, and which reports have identity doubts
/// (by report_id, for the pass over `reports` to pick up).
struct DiagnosticTally {
    /// The codes whose rows are looked at; the other rows are only counted.
    static let listedCodes = Set(["label_unrecognized"] + identityDoubts)
    /// In the order the page lists them.
    static let identityDoubts = ["agency_inferred", "agency_missing", "year_inferred"]

    private var codes = TextCounts()
    private var severityOfCode: [String: Severity] = [:]
    /// Whether some rows came without the `severity` column (datasets written before it).
    private var severityMissing = false
    private var labels: [LabelKey: RunFacts.UnrecognizedLabel] = [:]
    /// Per report_id, its identity doubts: bit `i` for `identityDoubts[i]`.
    private(set) var doubts: [ReportIdKey: UInt8] = [:]

    private struct LabelKey: Hashable {
        var table: String
        var label: String
    }

    mutating func add(_ rows: RowRun) throws {
        let codeValues = try rows.text("code"), severities = try rows.text("severity")
        codes.add(codeValues)
        let names = (0..<codeValues.entryCount).map { codeValues.entryString($0) }
        if severities.rowCount != codeValues.rowCount {
            severityMissing = true
        } else {
            // Each code's severity is that of its first row with both.
            var settled = names.map { severityOfCode[$0] != nil }
            var unsettled = settled.count { !$0 }
            var row = 0
            while unsettled > 0, row < codeValues.rowCount {
                let code = Int(codeValues.entryOfRow[row]), severity = Int(severities.entryOfRow[row])
                row += 1
                guard code >= 0, severity >= 0, !settled[code] else { continue }
                settled[code] = true
                unsettled -= 1
                if severityOfCode[names[code]] == nil { severityOfCode[names[code]] = Severity(rawValue: severities.entryString(severity)) }
            }
        }

        // Only the listed rows are read for their id and detail.
        let listed: [String?] = names.map { Self.listedCodes.contains($0) ? $0 : nil }
        let keep = codeValues.entryOfRow.map { $0 >= 0 && listed[Int($0)] != nil }
        let ids = try rows.text("report_id", keep: keep), details = try rows.text("detail", keep: keep)
        for row in 0..<min(codeValues.rowCount, ids.rowCount) {
            let entry = codeValues.entryOfRow[row]
            guard entry >= 0, let code = listed[Int(entry)], ids.entryOfRow[row] >= 0 else { continue }
            let id = ids.entryBytes(Int(ids.entryOfRow[row]))
            if code == "label_unrecognized" {
                let (table, label, citation) = RunFacts.unrecognizedLabel(row < details.rowCount ? details[row] ?? "" : "")
                let key = LabelKey(table: table, label: label)
                // The first occurrence is the example; its report_id stands in for its path until the reports are read.
                labels[key, default: RunFacts.UnrecognizedLabel(table: table, label: label, count: 0, exampleSource: String(decoding: id, as: UTF8.self),
                                                                exampleCitation: citation)].count += 1
            } else if let bit = Self.identityDoubts.firstIndex(of: code) {
                doubts[ReportIdKey(ids, entry: Int(ids.entryOfRow[row])), default: 0] |= 1 << bit
            }
        }
    }

    var diagnosticsByCode: [RunFacts.DiagnosticCount] {
        codes.sorted.map {
            RunFacts.DiagnosticCount(code: $0.key, severity: (severityMissing ? nil : severityOfCode[$0.key]) ?? Severity(code: $0.key), count: $0.count)
        }
        .sorted { ($0.severity, -$0.count, $0.code) < ($1.severity, -$1.count, $1.code) }
    }

    var distinctUnrecognized: Int { labels.count }

    /// The most frequent labels, `exampleSource` still a report_id.
    func unrecognized(limit: Int) -> [RunFacts.UnrecognizedLabel] {
        Array(labels.values.sorted { ($1.count, $0.table, $0.label) < ($0.count, $1.table, $1.label) }.prefix(limit))
    }

    static func doubtCodes(_ bits: UInt8) -> [String] {
        identityDoubts.indices.filter { bits & 1 << $0 != 0 }.map { identityDoubts[$0] }
    }
}

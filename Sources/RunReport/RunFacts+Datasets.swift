import Parquet

extension RunFacts {
    /// Counts what the report shows from the `reports`, `checks`, `diagnostics` and `rejects`
    /// datasets, a run of rows at a time, so memory stays small whatever the number of reports.
    /// The diagnostics are read first: they name the reports the pass over `reports` must pick
    /// out (identity doubts, examples of unrecognized labels). Codes are counted by entry (a
    /// Parquet dictionary holds each once), and only the rows that can be listed become `String`s.
    init(folder: inout OutputFolder) throws {
        format = folder.format
        // Every row keeps its code and severity; only the listed rows keep their id and detail.
        var diagnostics = DiagnosticTally()
        try folder.read("diagnostics", columns: ["report_id", "code", "severity", "detail"], keep: ("code", DiagnosticTally.listedCodes),
                        codes: ["severity"]) { try diagnostics.add($0) }
        diagnosticsByCode = diagnostics.diagnosticsByCode
        distinctUnrecognized = diagnostics.distinctUnrecognized
        unrecognized = diagnostics.unrecognized(limit: Self.labelLimit)

        var reports = ReportTally(doubts: diagnostics.doubts, wantedPaths: Set(unrecognized.map { ReportIdKey($0.exampleSource.utf8) }))
        try folder.read("reports", columns: ["report_id", "source_path", "source_format", "agency", "report_year", "status", "checks_failed"]) {
            try reports.add($0)
        }
        reportsOK = reports.ok
        reportsPartial = reports.partial
        byYear = reports.byYear
        byFormat = reports.byFormat
        reportsToLook = reports.toLook.first
        reportsToLookCount = reports.toLook.count
        for index in unrecognized.indices {
            unrecognized[index].exampleSource = reports.pathOfReport[ReportIdKey(unrecognized[index].exampleSource.utf8)] ?? unrecognized[index].exampleSource
        }

        var rules = TextCounts()
        try folder.read("checks", columns: ["rule"]) { checks in
            rules.add(try checks.text("rule"))
            checksFailed += checks.rowCount
        }
        checksByRule = rules.sorted

        var reasons = TextCounts()
        try folder.read("rejects", columns: ["source_path", "reason", "detail"]) { rows in
            let paths = try rows.text("source_path"), reasonValues = try rows.text("reason"), details = try rows.text("detail")
            reasons.add(reasonValues)
            for row in 0..<min(rows.rowCount, Self.rowLimit - rejects.count) {
                rejects.append(RejectRow(sourcePath: row < paths.rowCount ? paths[row] ?? "" : "", reason: row < reasonValues.rowCount ? reasonValues[row] ?? "" : "",
                                         detail: row < details.rowCount ? details[row] ?? "" : ""))
            }
        }
        rejectsByReason = reasons.sorted

        // The footers' version and pipeline: the last of the datasets read in this order.
        let datasets = ["reports", "checks", "diagnostics", "rejects"]
        version = datasets.compactMap { folder.versions[$0] }.last
        pipeline = datasets.compactMap { folder.pipelines[$0] }.last
    }

    /// The table, the printed label and the line cited, from a `label_unrecognized` detail:
    /// `table 三, line 56: "社会组织" matches no label of the dictionary`. A detail of another
    /// shape (values without a label) is kept whole as the label.
    static func unrecognizedLabel(_ detail: String) -> (table: String, label: String, citation: String) {
        guard detail.hasPrefix("table "), let comma = detail.firstIndex(of: ","), let colon = detail.range(of: ": ") else {
            return ("", detail, "")
        }
        let table = String(detail[detail.index(detail.startIndex, offsetBy: 6)..<comma])
        let citation = String(detail[detail.index(after: comma)..<colon.lowerBound]).trimmingPrefix(" ")
        let rest = detail[colon.upperBound...]
        let suffix = "\" matches no label of the dictionary"
        if rest.hasPrefix("\""), rest.hasSuffix(suffix), rest.count > suffix.count {
            return (table, String(rest.dropFirst().dropLast(suffix.count)), String(citation))
        }
        return (table, String(rest), String(citation))
    }
}

extension RunFacts.Stacked {
    mutating func add(ok: Bool) { if ok { self.ok += 1 } else { partial += 1 } }
}

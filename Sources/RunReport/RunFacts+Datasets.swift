import Parquet

extension RunFacts {
    /// Counts what the report shows from the `reports`, `checks`, `diagnostics` and `rejects`
    /// datasets. Codes are counted by entry (a Parquet dictionary holds each once), and only the
    /// rows that are listed become `String`s.
    init(folder: inout OutputFolder) throws {
        format = folder.format
        let reports = try folder.read("reports", columns: ["report_id", "source_path", "source_format", "agency", "report_year", "status", "checks_failed"])
        let checks = try folder.read("checks", columns: ["rule"])
        let listedCodes: Set<String> = ["label_unrecognized", "year_inferred", "agency_inferred", "agency_missing"]
        // Every row keeps its code and severity; only the listed rows keep their id and detail.
        let diagnostics = try folder.read("diagnostics", columns: ["report_id", "code", "severity", "detail"], keep: ("code", listedCodes),
                                          codes: ["severity"])
        let rejectRows = try folder.read("rejects", columns: ["source_path", "reason", "detail"])
        version = folder.version
        pipeline = folder.pipeline

        // Reports by year and by format, stacked ok / partial.
        let status = reports.text("status")
        let years = reports.integers("report_year")
        let formats = reports.text("source_format")
        let checksFailedByReport = reports.integers("checks_failed")
        var yearCounts: [Int64: Stacked] = [:]
        var formatCounts: [String: Stacked] = [:]
        let formatNames = (0..<formats.entryCount).map { formats.entryString($0) }
        let okEntries = Set((0..<status.entryCount).filter { status.entryBytes($0).elementsEqual("ok".utf8) }.map(Int32.init))
        var partial = [Bool](repeating: false, count: reports.rowCount)
        for row in 0..<reports.rowCount {
            let ok = okEntries.contains(status.entryOfRow[row])
            partial[row] = !ok
            if ok { reportsOK += 1 } else { reportsPartial += 1 }
            let year = row < years.count ? years[row] ?? 0 : 0
            let format = formats.entryOfRow[row] < 0 ? "" : formatNames[Int(formats.entryOfRow[row])]
            yearCounts[year, default: Stacked(key: String(year))].add(ok: ok)
            formatCounts[format, default: Stacked(key: format)].add(ok: ok)
        }
        byYear = yearCounts.keys.sorted().map { yearCounts[$0]! }
        byFormat = formatCounts.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) }

        checksByRule = Self.counts(checks.text("rule"))
        checksFailed = checks.rowCount
        rejectsByReason = Self.counts(rejectRows.text("reason"))

        // Diagnostics by code; the rows of identity doubts and unrecognized labels are looked at.
        let codes = diagnostics.text("code")
        let severityOfCode = Self.severityOfCode(codes: codes, severities: diagnostics.text("severity"))
        diagnosticsByCode = Self.counts(codes).map {
            DiagnosticCount(code: $0.key, severity: severityOfCode[$0.key] ?? Severity(code: $0.key), count: $0.count)
        }
            .sorted { ($0.severity, -$0.count, $0.code) < ($1.severity, -$1.count, $1.code) }
        let codeOfEntry: [String?] = (0..<codes.entryCount).map { let code = codes.entryString($0); return listedCodes.contains(code) ? code : nil }
        let reportIds = reports.text("report_id")
        var rowOfReport: [String: Int] = [:]
        rowOfReport.reserveCapacity(reports.rowCount)
        for row in 0..<reports.rowCount { if let id = reportIds[row] { rowOfReport[id] = row } }
        let sourcePaths = reports.text("source_path")
        let diagnosticIds = diagnostics.text("report_id")
        let details = diagnostics.text("detail")
        var doubts: [Int: [String]] = [:]
        var labels: [LabelKey: UnrecognizedLabel] = [:]
        for row in 0..<diagnostics.rowCount {
            let entry = codes.entryOfRow[row]
            guard entry >= 0, let code = codeOfEntry[Int(entry)], let id = diagnosticIds[row] else { continue }
            let reportRow = rowOfReport[id]
            if code == "label_unrecognized" {
                let (table, label, citation) = Self.unrecognizedLabel(details[row] ?? "")
                let key = LabelKey(table: table, label: label)
                if labels[key] == nil {
                    labels[key] = UnrecognizedLabel(table: table, label: label, count: 0,
                                                    exampleSource: reportRow.flatMap { sourcePaths[$0] } ?? id, exampleCitation: citation)
                }
                labels[key]!.count += 1
            } else if let reportRow, doubts[reportRow]?.contains(code) != true {
                doubts[reportRow, default: []].append(code)
            }
        }
        distinctUnrecognized = labels.count
        unrecognized = Array(labels.values.sorted { ($1.count, $0.table, $0.label) < ($0.count, $1.table, $1.label) }.prefix(Self.labelLimit))

        // Reports that need a look: partial, failed checks or a doubtful identity.
        let agencies = reports.text("agency")
        var toLook: [ReportToLook] = []
        for row in 0..<reports.rowCount {
            let failed = Int(row < checksFailedByReport.count ? checksFailedByReport[row] ?? 0 : 0)
            guard partial[row] || failed > 0 || doubts[row] != nil else { continue }
            toLook.append(ReportToLook(sourcePath: sourcePaths[row] ?? "", agency: agencies[row] ?? "", year: row < years.count ? years[row] : nil,
                                       status: status[row] ?? "", checksFailed: failed, identityDoubts: (doubts[row] ?? []).sorted()))
        }
        reportsToLookCount = toLook.count
        // Partial first, then the most failed checks, then by path.
        toLook.sort { a, b in
            if (a.status == "partial") != (b.status == "partial") { return a.status == "partial" }
            if a.checksFailed != b.checksFailed { return a.checksFailed > b.checksFailed }
            return a.sourcePath.utf8.lexicographicallyPrecedes(b.sourcePath.utf8)
        }
        reportsToLook = Array(toLook.prefix(Self.rowLimit))

        let rejectPaths = rejectRows.text("source_path"), reasons = rejectRows.text("reason"), rejectDetails = rejectRows.text("detail")
        rejects = (0..<min(rejectRows.rowCount, Self.rowLimit)).map {
            RejectRow(sourcePath: rejectPaths[$0] ?? "", reason: reasons[$0] ?? "", detail: rejectDetails[$0] ?? "")
        }
    }

    private struct LabelKey: Hashable {
        var table: String
        var label: String
    }

    /// Rows per value of a text column, most frequent first, then by value.
    static func counts(_ values: ByteArrayValues) -> [Count] {
        var perEntry = [Int](repeating: 0, count: values.entryCount)
        for entry in values.entryOfRow where entry >= 0 { perEntry[Int(entry)] += 1 }
        var perValue: [String: Int] = [:]
        for (entry, count) in perEntry.enumerated() where count > 0 { perValue[values.entryString(entry), default: 0] += count }
        return perValue.map { Count(key: $0.key, count: $0.value) }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }

    /// Each code's severity as the `severity` column gives it (one per code); empty when the
    /// datasets predate the column.
    static func severityOfCode(codes: ByteArrayValues, severities: ByteArrayValues) -> [String: Severity] {
        guard severities.rowCount == codes.rowCount else { return [:] }
        var severityOfEntry = [Severity?](repeating: nil, count: codes.entryCount)
        var unknown = codes.entryCount
        for row in 0..<codes.rowCount where unknown > 0 {
            let code = codes.entryOfRow[row], severity = severities.entryOfRow[row]
            guard code >= 0, severity >= 0, severityOfEntry[Int(code)] == nil else { continue }
            severityOfEntry[Int(code)] = Severity(rawValue: severities.entryString(Int(severity)))
            unknown -= 1
        }
        var result: [String: Severity] = [:]
        for (entry, severity) in severityOfEntry.enumerated() { if let severity { result[codes.entryString(entry)] = severity } }
        return result
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

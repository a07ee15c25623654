import Parquet

/// What the page shows of the `reports` dataset, gathered a run of rows at a time: reports by
/// status, year and format, the reports to look at, and the paths of the few reports the
/// diagnostics named (the examples of unrecognized labels).
struct ReportTally {
    /// Per report_id, its identity doubts (`DiagnosticTally.doubts`).
    let doubts: [String: UInt8]
    /// The report_ids whose `source_path` is wanted.
    let wantedPaths: Set<String>
    private(set) var pathOfReport: [String: String] = [:]
    private(set) var ok = 0
    private(set) var partial = 0
    private var yearCounts: [Int64: RunFacts.Stacked] = [:]
    private var formatCounts: [String: RunFacts.Stacked] = [:]
    private(set) var toLook = ReportsToLook(limit: RunFacts.rowLimit)

    init(doubts: [String: UInt8], wantedPaths: Set<String>) {
        self.doubts = doubts
        self.wantedPaths = wantedPaths
    }

    mutating func add(_ rows: DatasetColumns) {
        let status = rows.text("status"), years = rows.integers("report_year"), formats = rows.text("source_format")
        let checksFailed = rows.integers("checks_failed"), ids = rows.text("report_id")
        let sourcePaths = rows.text("source_path"), agencies = rows.text("agency")
        let formatNames = (0..<formats.entryCount).map { formats.entryString($0) }
        let okEntries = Set((0..<status.entryCount).filter { status.entryBytes($0).elementsEqual("ok".utf8) }.map(Int32.init))
        let lookUpIds = !doubts.isEmpty || !wantedPaths.isEmpty
        for row in 0..<rows.rowCount {
            let isOK = row < status.rowCount && okEntries.contains(status.entryOfRow[row])
            if isOK { ok += 1 } else { partial += 1 }
            let year = row < years.count ? years[row] ?? 0 : 0
            let formatEntry = row < formats.rowCount ? formats.entryOfRow[row] : -1
            let format = formatEntry < 0 ? "" : formatNames[Int(formatEntry)]
            yearCounts[year, default: RunFacts.Stacked(key: String(year))].add(ok: isOK)
            formatCounts[format, default: RunFacts.Stacked(key: format)].add(ok: isOK)

            let id = lookUpIds && row < ids.rowCount ? ids[row] : nil
            if let id, wantedPaths.contains(id), row < sourcePaths.rowCount, let path = sourcePaths[row] { pathOfReport[id] = path }
            let doubtBits = id.flatMap { doubts[$0] }
            let failed = Int(row < checksFailed.count ? checksFailed[row] ?? 0 : 0)
            guard !isOK || failed > 0 || doubtBits != nil else { continue }
            toLook.add(RunFacts.ReportToLook(
                sourcePath: row < sourcePaths.rowCount ? sourcePaths[row] ?? "" : "", agency: row < agencies.rowCount ? agencies[row] ?? "" : "",
                year: row < years.count ? years[row] : nil, status: row < status.rowCount ? status[row] ?? "" : "", checksFailed: failed,
                identityDoubts: DiagnosticTally.doubtCodes(doubtBits ?? 0)))
        }
    }

    var byYear: [RunFacts.Stacked] { yearCounts.keys.sorted().map { yearCounts[$0]! } }
    var byFormat: [RunFacts.Stacked] { formatCounts.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) } }
}

import Parquet

/// What the page shows of the `reports` dataset, gathered a run of rows at a time: reports by
/// status, year and format, the reports to look at, and the paths of the few reports the
/// diagnostics named (the examples of unrecognized labels).
struct ReportTally {
    /// Per report_id, its identity doubts (`DiagnosticTally.doubts`).
    let doubts: [ReportIdKey: UInt8]
    /// The report_ids whose `source_path` is wanted.
    let wantedPaths: Set<ReportIdKey>
    private(set) var pathOfReport: [ReportIdKey: String] = [:]
    private(set) var ok = 0
    private(set) var partial = 0
    private var yearCounts: [Int64: RunFacts.Stacked] = [:]
    private var formatCounts: [String: RunFacts.Stacked] = [:]
    private(set) var toLook = ReportsToLook(limit: RunFacts.rowLimit)

    init(doubts: [ReportIdKey: UInt8], wantedPaths: Set<ReportIdKey>) {
        self.doubts = doubts
        self.wantedPaths = wantedPaths
    }

    /// Reads the columns one after another, each let go once what the page needs of it is kept.
    mutating func add(_ rows: RowRun) throws {
        let count = rows.rowCount
        let status = try rows.text("status")
        let okEntries = Set((0..<status.entryCount).filter { status.entryBytes($0).elementsEqual("ok".utf8) }.map(Int32.init))
        let isOK = (0..<count).map { $0 < status.rowCount && okEntries.contains(status.entryOfRow[$0]) }
        let failed = try Self.checksFailed(rows)
        // Per row, its doubts (0 for none), and the ids of the rows whose path is wanted.
        var doubtBits = [UInt8](repeating: 0, count: count)
        var wantedRows: [Int: ReportIdKey] = [:]
        do {
            // Only the ids the diagnostics named are read.
            let ids = try rows.text("report_id", keepValue: { [doubts, wantedPaths] in
                let key = ReportIdKey($0)
                return doubts[key] != nil || wantedPaths.contains(key)
            })
            for row in 0..<min(count, ids.rowCount) where ids.entryOfRow[row] >= 0 {
                let key = ReportIdKey(ids, entry: Int(ids.entryOfRow[row]))
                doubtBits[row] = doubts[key] ?? 0
                if wantedPaths.contains(key) { wantedRows[row] = key }
            }
        }
        // The text of the rows that can be listed only.
        let listable = (0..<count).map { !isOK[$0] || failed[$0] > 0 || doubtBits[$0] != 0 }
        let years = try rows.integers("report_year")
        let sourcePaths = try rows.text("source_path", keep: (0..<count).map { listable[$0] || wantedRows[$0] != nil })
        let agencies = try rows.text("agency", keep: listable)
        for (row, key) in wantedRows where row < sourcePaths.rowCount { if let path = sourcePaths[row] { pathOfReport[key] = path } }
        for row in 0..<count where listable[row] {
            toLook.add(RunFacts.ReportToLook(
                sourcePath: row < sourcePaths.rowCount ? sourcePaths[row] ?? "" : "", agency: row < agencies.rowCount ? agencies[row] ?? "" : "",
                year: row < years.count ? years[row] : nil, status: row < status.rowCount ? status[row] ?? "" : "", checksFailed: failed[row],
                identityDoubts: DiagnosticTally.doubtCodes(doubtBits[row])))
        }

        let formats = try rows.text("source_format")
        let formatNames = (0..<formats.entryCount).map { formats.entryString($0) }
        for row in 0..<count {
            if isOK[row] { ok += 1 } else { partial += 1 }
            let year = row < years.count ? years[row] ?? 0 : 0
            let formatEntry = row < formats.rowCount ? formats.entryOfRow[row] : -1
            let format = formatEntry < 0 ? "" : formatNames[Int(formatEntry)]
            yearCounts[year, default: RunFacts.Stacked(key: String(year))].add(ok: isOK[row])
            formatCounts[format, default: RunFacts.Stacked(key: format)].add(ok: isOK[row])
        }
    }

    private static func checksFailed(_ rows: RowRun) throws -> [Int] {
        let values = try rows.integers("checks_failed")
        return (0..<rows.rowCount).map { Int($0 < values.count ? values[$0] ?? 0 : 0) }
    }

    var byYear: [RunFacts.Stacked] { yearCounts.keys.sorted().map { yearCounts[$0]! } }
    var byFormat: [RunFacts.Stacked] { formatCounts.values.sorted { ($0.total, $1.key) > ($1.total, $0.key) } }
}

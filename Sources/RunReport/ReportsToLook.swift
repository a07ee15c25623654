/// The reports the page lists to look at, in one pass over any number of reports: every one is
/// counted, and only the first `limit` in the page's order are kept (at most twice that many
/// are held between trims).
struct ReportsToLook {
    let limit: Int
    private(set) var count = 0
    private var kept: [RunFacts.ReportToLook] = []

    init(limit: Int) { self.limit = limit }

    mutating func add(_ report: RunFacts.ReportToLook) {
        count += 1
        kept.append(report)
        if kept.count >= 2 * limit { trim() }
    }

    var first: [RunFacts.ReportToLook] {
        var result = self
        result.trim()
        return result.kept
    }

    private mutating func trim() {
        kept.sort(by: Self.precedes)
        kept.removeLast(max(0, kept.count - limit))
    }

    /// Partial first, then the most failed checks, then by path.
    static func precedes(_ a: RunFacts.ReportToLook, _ b: RunFacts.ReportToLook) -> Bool {
        if (a.status == "partial") != (b.status == "partial") { return a.status == "partial" }
        if a.checksFailed != b.checksFailed { return a.checksFailed > b.checksFailed }
        return a.sourcePath.utf8.lexicographicallyPrecedes(b.sourcePath.utf8)
    }
}

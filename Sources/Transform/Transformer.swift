import DisclosureModel

/// The transform stage: raw rows to canonical cells, checks and diagnostics, through a dictionary.
public struct Transformer: Sendable {
    /// Bumped whenever transformation changes what it produces; stored results of another version are redone.
    public static let version = "transform-4"

    public let dictionary: LabelDictionary

    public init(dictionary: LabelDictionary) {
        self.dictionary = dictionary
    }

    /// Transforms one report. A worker that transforms many passes the same `memo` to each call
    /// (one memo per worker: it is not thread-safe); without one, the call has a memo of its own.
    public func transform(_ report: ExtractedReport, memo: LabelMemo = LabelMemo()) -> TransformedReport {
        var diagnostics = report.diagnostics
        for kind in TableKind.allCases where report.tables[kind] == nil {
            diagnostics.append(Diagnostic(.transform, .tableMissing, "table \(kind.sectionNumber) (\(kind.rawValue)) not found in the source",
                                          at: Diagnostic.Place(table: kind)))
        }
        let cite = Citation(report)
        let proactive = ProactiveMapper(dictionary: dictionary, cite: cite, memo: memo).map(report.tables[.proactive] ?? [], diagnostics: &diagnostics)
        let applications = ApplicationsMapper(dictionary: dictionary, cite: cite, memo: memo).map(report.tables[.applications] ?? [], diagnostics: &diagnostics)
        let appeals = AppealsMapper(dictionary: dictionary, cite: cite, memo: memo).map(report.tables[.appeals] ?? [], diagnostics: &diagnostics)
        let failures = Checks.run(applications: applications.grid, appeals: appeals.grid, diagnostics: &diagnostics)
        return TransformedReport(
            reportId: report.reportId, sourcePath: report.sourcePath, sourceFormat: report.sourceFormat,
            encoding: report.encoding, identity: report.identity, proactive: proactive,
            applications: applications.cells, appeals: appeals.cells, checkFailures: failures, diagnostics: diagnostics)
    }
}

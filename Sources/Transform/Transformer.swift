import DisclosureModel

/// The transform stage: raw rows to canonical cells, checks and diagnostics, through a dictionary.
public struct Transformer: Sendable {
    /// Bumped whenever transformation changes what it produces; stored results of another version are redone.
    public static let version = "transform-1"

    public let dictionary: LabelDictionary

    public init(dictionary: LabelDictionary) {
        self.dictionary = dictionary
    }

    public func transform(_ report: ExtractedReport) -> TransformedReport {
        var diagnostics = report.diagnostics
        for kind in TableKind.allCases where report.tables[kind] == nil {
            diagnostics.append(Diagnostic(.transform, .tableMissing, "table \(kind.sectionNumber) (\(kind.rawValue)) not found in the source"))
        }
        let proactive = ProactiveMapper(dictionary: dictionary).map(report.tables[.proactive] ?? [], diagnostics: &diagnostics)
        let applications = ApplicationsMapper(dictionary: dictionary).map(report.tables[.applications] ?? [], diagnostics: &diagnostics)
        let appeals = AppealsMapper(dictionary: dictionary).map(report.tables[.appeals] ?? [], diagnostics: &diagnostics)
        let failures = Checks.run(applications: applications, appeals: appeals, diagnostics: &diagnostics)
        return TransformedReport(
            reportId: report.reportId, sourcePath: report.sourcePath, sourceFormat: report.sourceFormat,
            encoding: report.encoding, identity: report.identity, proactive: proactive,
            applications: applications, appeals: appeals, checkFailures: failures, diagnostics: diagnostics)
    }
}

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
            diagnostics.append(Diagnostic(.transform, .tableMissing, "table \(kind.sectionNumber) (\(kind.rawValue)) not found in the source"))
        }
        let cite = Citation(report)
        // Table 3 is read before the template is known (its diagnostics kept to follow table 2's).
        var applicationDiagnostics: [Diagnostic] = []
        let applicationsMapper = ApplicationsMapper(dictionary: dictionary, cite: cite, memo: memo)
        let printed = applicationsMapper.read(report.tables[.applications] ?? [], diagnostics: &applicationDiagnostics)
        let choice = TemplateChoice(proactive: report.tables[.proactive] ?? [], applications: printed,
                                    year: report.identity.reportYear, dictionary: dictionary)
        let template = choice.template
        if let mixed = choice.mixed { diagnostics.append(Diagnostic(.transform, .templateMixed, mixed)) }
        let proactive = ProactiveMapper(template: template, dictionary: dictionary, cite: cite, memo: memo).map(report.tables[.proactive] ?? [], diagnostics: &diagnostics)
        diagnostics += applicationDiagnostics
        let applications = applicationsMapper.cells(printed, template: template, diagnostics: &diagnostics)
        let appeals = AppealsMapper(dictionary: dictionary, cite: cite, memo: memo).map(report.tables[.appeals] ?? [], diagnostics: &diagnostics)
        let failures = Checks.run(template, applications: applications.grid, appeals: appeals.grid, diagnostics: &diagnostics)
        return TransformedReport(
            reportId: report.reportId, sourcePath: report.sourcePath, sourceFormat: report.sourceFormat,
            encoding: report.encoding, identity: report.identity, proactive: proactive,
            applications: applications.cells, appeals: appeals.cells, checkFailures: failures, diagnostics: diagnostics,
            template: template)
    }
}

import DisclosureModel

/// The transform stage: raw rows to canonical cells, checks and diagnostics, through a dictionary.
public struct Transformer: Sendable {
    /// Bumped whenever transformation changes what it produces; stored results of another version are redone.
    public static let version = "transform-9"

    public let dictionary: LabelDictionary

    public init(dictionary: LabelDictionary) {
        self.dictionary = dictionary
    }

    /// Transforms one report. A worker that transforms many uses a `Worker`, which remembers the
    /// labels it has resolved.
    public func transform(_ report: ExtractedReport) -> TransformedReport {
        transform(report, memo: LabelMemo())
    }

    /// One worker's transformer: it keeps the labels it has resolved (a `LabelMemo`), so a worker
    /// that transforms many reports looks each printed label up once. Not thread-safe: one per worker.
    public struct Worker: Sendable {
        public let transformer: Transformer
        let memo = LabelMemo()

        public init(_ transformer: Transformer) {
            self.transformer = transformer
        }

        public func transform(_ report: ExtractedReport) -> TransformedReport {
            transformer.transform(report, memo: memo)
        }
    }

    func transform(_ report: ExtractedReport, memo: LabelMemo) -> TransformedReport {
        var diagnostics = report.diagnostics
        for kind in TableKind.allCases where report.tables[kind] == nil {
            diagnostics.append(Diagnostic(.transform, .tableMissing, "table \(kind.sectionNumber) (\(kind.rawValue)) not found in the source",
                                          at: Diagnostic.Place(table: kind)))
        }
        let cite = Citation(report)
        // Tables 2 and 3 are read before the template is known (table 3's diagnostics kept to follow table 2's).
        let proactiveMapper = ProactiveMapper(dictionary: dictionary, cite: cite, memo: memo)
        let printedProactive = proactiveMapper.read(report.tables[.proactive] ?? [])
        var applicationDiagnostics: [Diagnostic] = []
        let applicationsMapper = ApplicationsMapper(dictionary: dictionary, cite: cite, memo: memo)
        let printedApplications = applicationsMapper.read(report.tables[.applications] ?? [], diagnostics: &applicationDiagnostics)
        let choice = TemplateChoice(proactiveNamed: printedProactive.named, applications: printedApplications, year: report.identity.reportYear)
        let template = choice.template
        if let mixed = choice.mixed { diagnostics.append(Diagnostic(.transform, .templateMixed, mixed)) }
        let proactive = proactiveMapper.cells(printedProactive, template: template, diagnostics: &diagnostics)
        diagnostics += applicationDiagnostics
        let applications = applicationsMapper.cells(printedApplications, template: template, diagnostics: &diagnostics)
        let appeals = AppealsMapper(dictionary: dictionary, cite: cite, memo: memo).map(report.tables[.appeals] ?? [], diagnostics: &diagnostics)
        let failures = Checks.run(template, applications: applications.grid, appeals: appeals.grid, diagnostics: &diagnostics)
        return TransformedReport(
            reportId: report.reportId, sourcePath: report.sourcePath, sourceFormat: report.sourceFormat,
            encoding: report.encoding, identity: report.identity, proactive: proactive,
            applications: applications.cells, appeals: appeals.cells, checkFailures: failures, diagnostics: diagnostics,
            template: template)
    }
}

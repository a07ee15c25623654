/// The lists whose positions stand for codes: a stored report holds these positions instead of
/// the codes' text, and the datasets' code columns are written from them. The codes of every
/// template (`Template.union`), so a 2021 code has the same position in every report.
public enum StoredCodes {
    public static let items = Template.union { $0.proactiveItems.map(\.code) }
    public static let measures = Template.union { $0.proactiveItems.flatMap(\.measures) }
    public static let applicationRows = Template.union(\.applicationRows)
    public static let applicants = Template.union(\.applicants)
    public static let proceedings = Template.union(\.proceedings)
    public static let outcomes = Template.union(\.outcomes)
    public static let templates = Template.all.map(\.id)
    public static let diagnosticStages = Diagnostic.Stage.storedOrder.map(\.rawValue)
    public static let diagnosticCodes = Diagnostic.Code.storedOrder.map(\.rawValue)
    public static let severities = Diagnostic.Severity.allCases.map(\.rawValue)
    /// The severity of each diagnostic code, by position in `diagnosticCodes` and `severities`.
    public static let severityOfCode = Diagnostic.Code.storedOrder.map { severities.firstIndex(of: $0.severity.rawValue)! }
}

/// What the extract stage read from one source file: identity and the three tables as raw rows.
public struct ExtractedReport: Sendable, Hashable, Codable {
    /// SHA-256 hex of the source bytes.
    public var reportId: String
    /// Relative to the input root, with `/` separators.
    public var sourcePath: String
    public var sourceFormat: String
    public var encoding: String
    public var identity: ReportIdentity
    /// Raw rows per table; a table absent from the source has no entry.
    public var tables: [TableKind: [RawRow]]
    public var diagnostics: [Diagnostic]

    public init(
        reportId: String, sourcePath: String, sourceFormat: String, encoding: String,
        identity: ReportIdentity, tables: [TableKind: [RawRow]], diagnostics: [Diagnostic]
    ) {
        self.reportId = reportId
        self.sourcePath = sourcePath
        self.sourceFormat = sourceFormat
        self.encoding = encoding
        self.identity = identity
        self.tables = tables
        self.diagnostics = diagnostics
    }
}

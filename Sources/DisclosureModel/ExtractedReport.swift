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
    /// For HTML, DOCX and PDF sources, where each line that `TextCell.line` counts came from
    /// (`page 2, y=431.2; values at x=…`, `docx table 2, row 5`); index 0 is line 1. Nil for text.
    public var lineOrigins: [String]? = nil

    public init(
        reportId: String, sourcePath: String, sourceFormat: String, encoding: String,
        identity: ReportIdentity, tables: [TableKind: [RawRow]], diagnostics: [Diagnostic],
        lineOrigins: [String]? = nil
    ) {
        self.reportId = reportId
        self.sourcePath = sourcePath
        self.sourceFormat = sourceFormat
        self.encoding = encoding
        self.identity = identity
        self.tables = tables
        self.diagnostics = diagnostics
        self.lineOrigins = lineOrigins
    }

    /// Where a line of the source came from, for diagnostics: `line 45 (page 2, y=800.1)`.
    public func cite(line: Int) -> String {
        guard let origins = lineOrigins, origins.indices.contains(line - 1) else { return "line \(line)" }
        return "line \(line) (\(origins[line - 1]))"
    }
}

import DisclosureModel

/// Why a structured source yields no text: becomes a `rejects` row with the reason and a detail
/// that says what the user can do.
struct FormatFailure: Error, Sendable {
    let reason: Reject.Reason
    let detail: String

    init(_ reason: Reject.Reason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}

/// A structured source read into lines, with how it was read.
struct StructuredText: Sendable {
    var text: VirtualText
    /// `html`, `pdf` or `docx`: the `source_format` column.
    var format: String
    /// The character encoding the text was read in.
    var encoding: String
    /// Extract diagnostics found while reading (none is fatal).
    var diagnostics: [Diagnostic] = []
}

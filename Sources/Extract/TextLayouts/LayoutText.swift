import DisclosureModel

/// `pdftotext -layout` and tools like it: columns aligned with spaces (a CJK character two columns wide).
enum LayoutText {
    static let format = "pdf_text_layout"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        nil
    }
}

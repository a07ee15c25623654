import DisclosureModel

/// `pdftotext` in its default mode and PyPDF-like tools: the text in reading order, cells one per line or in blocks.
enum FlowText {
    static let format = "pdf_text_flow"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        nil
    }
}

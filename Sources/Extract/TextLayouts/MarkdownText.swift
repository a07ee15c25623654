import DisclosureModel

/// Markdown and OCR conversions: tables as `| a | b |` rows under a `|---|` separator, headed `表二`, `## 表3` or the template's headings, with generic column headers (`数据1` … `数据6`, `类别`).
enum MarkdownText {
    static let format = "markdown"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        nil
    }
}

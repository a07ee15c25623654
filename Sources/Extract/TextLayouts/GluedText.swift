import DisclosureModel

/// A crawler's text with the table cells glued together without separators (`规章000行政规范性文件8855698`), often on one long line.
enum GluedText {
    static let format = "web_text_glued"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        nil
    }
}

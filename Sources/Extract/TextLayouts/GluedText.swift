import DisclosureModel

/// A crawler's text with the table cells glued together without separators (`规章000行政规范性文件8855698`), often on one long line.
///
/// The text is cut at the template's section headings; each table's text into rows of label text
/// and digit runs; each run into the row's numbers, accepted only when one split alone fits the
/// template's identities (and, in table 2, the report's own prose). See `GluedReport`.
enum GluedText {
    static let format = "web_text_glued"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        guard looksGlued(lines.bytes) else { return nil }
        return GluedReport(lines).converted()
    }

    static let proactiveHeading = Array("主动公开政府信息情况".utf8)

    /// Row labels that, glued, are followed at once by three or more digits (规章000, 属于国家秘密0000000).
    static let anchors = ["规章", "规范性文件", "属于国家秘密", "予以公开", "部分公开", "重复申请", "继续办理", "总计"].map { Array($0.utf8) }

    /// Table 2's heading, and after it two of the anchors glued to a run of three or more digits:
    /// the row layouts (tabs, pipes, a cell a line) and text aligned with spaces never glue them.
    /// One search for the heading decides most files; the anchors are searched only after it.
    static func looksGlued(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { text in
            guard let heading = ByteText.firstIndex(of: proactiveHeading, in: text, 0..<text.count) else { return false }
            var glued = 0
            for anchor in anchors {
                var from = heading
                while let hit = ByteText.firstIndex(of: anchor, in: text, from..<text.count) {
                    from = hit + anchor.count
                    var digits = 0
                    while from + digits < text.count, text[from + digits] >= 0x30, text[from + digits] <= 0x39 { digits += 1 }
                    if digits >= 3 { glued += 1; break }
                }
                if glued >= 2 { return true }
            }
            return false
        }
    }
}

import DisclosureModel

/// How a converter laid out the tables in a text file; recorded as `source_format`.
public enum Layout: String, Sendable, CaseIterable {
    /// A scraped web page: one row per line, cells separated by `|` (seed 001).
    case pipeRows = "web_text_pipe"
    /// PDF text: one row per line, cells separated by tabs (seeds 002, 003).
    case tabRows = "pdf_text_tab"
    /// A Word export: one cell per line, each indented by a tab (seeds 000, 004).
    case cellPerLine = "word_text_cells"

    /// Picks the layout from the lines of the table sections (or the whole text when none is found).
    static func sniff(_ lines: SourceLines, in ranges: some Sequence<Range<Int>>) -> Layout {
        var pipeRows = 0, tabRows = 0, indentedCells = 0
        lines.bytes.withUnsafeBufferPointer { text in
            for range in ranges {
                for index in range {
                    let line = lines.ranges[index]
                    // Only whether there are none, one or more matters: separators are found by memchr.
                    let tabs = ByteText.count(of: 0x09, in: text, line, upTo: 2)
                    if ByteText.count(of: 0x7C, in: text, line, upTo: 2) >= 2 { pipeRows += 1 }
                    let indented = tabs > 0 && text[line.lowerBound] == 0x09
                    if indented && tabs == 1 { indentedCells += 1 } else if tabs >= 2 || (tabs == 1 && !indented) { tabRows += 1 }
                }
            }
        }
        if pipeRows >= tabRows && pipeRows >= indentedCells && pipeRows > 0 { return .pipeRows }
        if indentedCells > tabRows { return .cellPerLine }
        return .tabRows
    }
}

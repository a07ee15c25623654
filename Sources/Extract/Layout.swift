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
    static func sniff(_ lines: SourceLines, in ranges: [Range<Int>]) -> Layout {
        var pipeRows = 0, tabRows = 0, indentedCells = 0
        for range in ranges {
            for index in range {
                let line = lines[index]
                var tabs = 0, pipes = 0
                for byte in line {
                    if byte == 0x09 { tabs += 1 } else if byte == 0x7C { pipes += 1 }
                }
                if pipes >= 2 { pipeRows += 1 }
                if line.first == 0x09 && tabs == 1 { indentedCells += 1 } else if tabs >= 2 || (tabs == 1 && line.first != 0x09) { tabRows += 1 }
            }
        }
        if pipeRows >= tabRows && pipeRows >= indentedCells && pipeRows > 0 { return .pipeRows }
        if indentedCells > tabRows { return .cellPerLine }
        return .tabRows
    }
}

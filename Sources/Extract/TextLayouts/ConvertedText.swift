import DisclosureModel

/// Text whose tables a converter laid out without tabs or pipes between cells (`pdftotext -layout`,
/// `pdftotext` in reading order, markdown from OCR, a crawler's text with cells glued together, a
/// Word document saved as text cell by cell), rewritten as the lines the text path reads: a table
/// row per line, its cells separated by tabs.
///
/// Each layout is recognized from the text's content and read by its own reader; a text in one of
/// the three row layouts (`Layout`) is left as it is.
struct ConvertedText {
    /// The rewritten lines, each with where it came from (`line 42` of the file).
    var text: VirtualText
    /// The layout, recorded as `source_format` (`pdf_text_layout`, …).
    var format: String
    /// What the reader left out or doubted, as extract diagnostics.
    var diagnostics: [Diagnostic] = []

    /// The text rewritten by the reader of its layout, or nil when it is in a row layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        // The row layouts separate cells with tabs: most files are decided by a few byte searches.
        if hasTabbedLines(lines) { return nil }
        // pandoc's grid tables (`+---+`, rows over several lines) become its simple tables.
        if GridTables.mayHold(lines), let simple = GridTables.rewritten(lines), let layout = LayoutText.read(simple) { return layout }
        if let markdown = MarkdownText.read(lines) { return markdown }
        if ByteText.firstIndex(of: 0x7C, in: lines.bytes[...]) != nil { return nil }
        if let glued = GluedText.read(lines) { return glued }
        if let layout = LayoutText.read(lines) { return layout }
        if let office = OfficeText.read(lines) { return office }
        if let spaced = SpacedText.read(lines) { return spaced }
        return FlowText.read(lines)
    }

    /// `flow`'s lines kept as paragraphs (blank ones dropped), each table's heading too, and the
    /// lines of each table's region after it given to `table` to rewrite: the frame of the readers
    /// that find the tables by their headings in lines (`FlowRegions`).
    static func rewrite(_ flow: FlowLines, _ regions: FlowRegions, format: String,
                        table: (FlowRegions.Region, inout VirtualText, inout [Diagnostic]) -> Void) -> ConvertedText {
        var text = VirtualText()
        var diagnostics: [Diagnostic] = []
        var index = 0
        while index < flow.lines.count {
            let line = flow.lines[index]
            if line.kind != .blank { text.paragraph(line.text, origin: origin(line: line.line)) }
            if let region = regions.region(startingAfter: index) {
                table(region, &text, &diagnostics)
                index = region.range.upperBound
            } else {
                index += 1
            }
        }
        return ConvertedText(text: text, format: format, diagnostics: diagnostics)
    }

    /// Whether ten or more lines are a row layout's: text, a tab, text (a row of cells), or one
    /// tab then text (a Word export's cell). Tabs left from a web page's indentation (a page's text
    /// taken with BeautifulSoup: `\t\t\t\t—`, or a tab in prose) do not make one; read as one, such
    /// text would give values to the labels before them, its blank cells lost.
    static func hasTabbedLines(_ lines: SourceLines, atLeast count: Int = 10) -> Bool {
        guard ByteText.firstIndex(of: 0x09, in: lines.bytes[...]) != nil else { return false }
        var found = 0
        return lines.bytes.withUnsafeBufferPointer { text in
            let isText = { (byte: UInt8) in byte != 0x09 && byte != 0x20 && byte != 0x0D }
            for range in lines.ranges {
                guard let tab = ByteText.firstIndex(of: 0x09, in: text, range),
                      let first = text[range].firstIndex(where: isText) else { continue }
                // One tab, then text: a cell; a tab with text before and after it: a row.
                let cell = tab == range.lowerBound && first == tab + 1
                let row = ByteText.firstIndex(of: 0x09, in: text, first..<range.upperBound).map { inner in
                    text[(inner + 1)..<range.upperBound].contains(where: isText)
                } ?? false
                guard cell || row else { continue }
                found += 1
                if found >= count { return true }
            }
            return false
        }
    }

    /// `line N` of the file, for a rewritten line's origin.
    static func origin(line index: Int) -> String { "line \(index + 1)" }
}

import DisclosureModel

/// PDF text with a table row's cells on one line, one space apart and not aligned (pdfplumber's
/// `extract_text()`, `pdftotext -raw`: `规 章 0 0 10`, `一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0`),
/// labels wrapped over the lines around their values.
///
/// Nothing tells which column a value stands in, so a row is read only when it prints all its
/// cells: between the first line of its label and the first line of the next row's, exactly one
/// line ends with values, exactly as many as the template's row has, no other value stands there,
/// and that line is within the label (beside a piece of it, or with a piece of it below): digits
/// set higher than the label's characters come out on a line above a one-line label, where they
/// would look like the row before's. Table 2's one-line labels are read only with their values
/// on their own line, and table 3 not at all when values stand above its first row's label. A
/// row left out gets a diagnostic. Recognized by five or more lines of table 3 ending with seven
/// values after a row label (`pdftotext` in reading order prints none so, on the office corpora).
enum SpacedText {
    static let format = "pdf_text_spaced"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        let flow = FlowLines(lines)
        let regions = FlowRegions(flow)
        guard regions.count == 3, let applications = regions.region(of: .applications) else { return nil }
        let rowLines = flow.lines[applications.range].filter { line in
            let split = SpacedLine(line)
            return split.values.count == FlowApplications.columns && !FlowRowLabels.rows(in: split.label).isEmpty
        }
        guard rowLines.count >= 5 else { return nil }
        return ConvertedText.rewrite(flow, regions, format: format) { region, text, diagnostics in
            let slice = flow.lines[region.range].filter { $0.kind != .blank }.map(SpacedLine.init)
            switch region.table {
            case .proactive: SpacedTables.readProactive(slice, into: &text, diagnostics: &diagnostics)
            case .applications: SpacedTables.readApplications(slice, into: &text, diagnostics: &diagnostics)
            case .appeals: SpacedTables.readAppeals(slice, into: &text, diagnostics: &diagnostics)
            }
        }
    }
}

/// A line cut into its label words (joined, spaces dropped, brackets full-width) and the values
/// that end it (`规 章 0 0 10` → `规章`, `0 0 10`).
struct SpacedLine {
    let label: String
    let values: [String]
    /// The file line.
    let line: Int
    let text: String

    init(_ line: FlowLine) {
        var words = line.text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        var values: [String] = []
        while let last = words.last, FlowLines.isValue(last) {
            values.insert(last, at: 0)
            words.removeLast()
        }
        self.values = values
        let key = FlowLines.key(words.joined())
        label = FlowLines.isPageMark(key) ? "" : key
        self.line = line.line
        text = line.text
    }
}

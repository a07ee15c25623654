import DisclosureModel

/// `pdftotext` in its default mode and PyPDF-like tools: the text in reading order, cells one per line or in blocks.
///
/// Reading order scrambles a table: labels wrapped over lines, header words stacked, values in blocks
/// after several labels, page footers between cells. The tables are rebuilt from the template's order
/// only where the sequence of values admits one reading; the rest is left out with a `cell_missing`
/// diagnostic that says why, so a report is partial rather than shifted. Text outside the three
/// tables is kept line for line (the title, dates and headings are read from it).
enum FlowText {
    static let format = "pdf_text_flow"

    /// The text rewritten as tab-separated rows. Any text without tabs or pipes that no other
    /// converter's layout fits is read so: a row layout would take each line for a cell and give
    /// values to the label before them, which reading order (values above their labels, page
    /// numbers between cells) does not allow.
    static func read(_ lines: SourceLines) -> ConvertedText {
        let flow = FlowLines(lines)
        return ConvertedText.rewrite(flow, FlowRegions(flow), format: format) { region, text, diagnostics in
            let slice = region.read.flatMap { flow.lines[$0] }
            switch region.table {
            case .proactive: FlowProactive.read(slice, into: &text, diagnostics: &diagnostics)
            case .applications: FlowApplications.read(slice, into: &text, diagnostics: &diagnostics)
            case .appeals: FlowAppeals.read(slice, headerFirst: !region.hasLead, into: &text, diagnostics: &diagnostics)
            }
        }
    }
}

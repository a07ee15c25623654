import DisclosureModel

/// A Word document saved as plain text by LibreOffice (`soffice --convert-to txt`, the usual way
/// to turn old `.doc` files into something a script reads): every paragraph a line, and every table
/// cell a line of its own, with an empty cell (a zero printed as blank) an empty line and a cell
/// merged into the one above an empty line too; nothing marks where a row ends.
///
/// Unlike reading-order text, an empty cell leaves its line, so the template's tables are read by
/// counting: a row label, then exactly as many lines as the row has cells. A row is read only when
/// those lines are all values or empty and no value comes after them before the next label (a
/// row with a cell more or less would put one there); otherwise its cells are left out with a
/// diagnostic. Recognized by table 3's header as this export writes the template's
/// (`OfficeTables.applicationsHeader`), in a file without page breaks (`pdftotext` ends every page
/// with a form feed). docx2txt's text is the same once its paragraphs, each followed by an empty
/// line, are taken as the lines.
enum OfficeText {
    static let format = "office_text_lines"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        guard mayBeOffice(lines) else { return nil }
        if let read = read(FlowLines(lines, unbrokenPageNumbers: false)) { return read }
        return paragraphs(lines).flatMap(read)
    }

    /// docx2txt's text of a Word file: each paragraph (and table cell) followed by an empty line,
    /// an empty cell an empty paragraph. Its paragraphs as lines (a line break inside one joined),
    /// numbered by the file line each starts on.
    static func paragraphs(_ lines: SourceLines) -> FlowLines? {
        var text = String(decoding: lines.bytes, as: UTF8.self)
        text = text.replacingOccurrences(of: "\r\n", with: "\n")
        let pieces = text.components(separatedBy: "\n\n")
        guard pieces.count > 1 else { return nil }
        var starts: [Int] = []
        var line = 0
        for piece in pieces {
            starts.append(line)
            line += piece.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } + 2
        }
        let joined = pieces.map { $0.replacingOccurrences(of: "\n", with: "") }.joined(separator: "\n")
        // A line break the splitting above did not see as one (a damaged file: a break joined to
        // the character after it) would leave lines without a start: not this export.
        guard joined.utf8.reduce(1, { $0 + ($1 == 0x0A ? 1 : 0) }) == pieces.count else { return nil }
        var flow = FlowLines(SourceLines(utf8: Array(joined.utf8)), unbrokenPageNumbers: false)
        flow.renumber { starts[$0] }
        return flow
    }

    /// The tables of `flow`, read by counting, or nil when table 3's header is not this export's.
    private static func read(_ flow: FlowLines) -> ConvertedText? {
        let regions = FlowRegions(flow)
        guard regions.count == 3, let applications = regions.region(of: .applications),
              OfficeTables.applicationsHeader(in: Array(flow.lines[applications.range])) != nil else { return nil }
        return ConvertedText.rewrite(flow, regions, format: format) { region, text, diagnostics in
            let slice = Array(flow.lines[region.range])
            switch region.table {
            case .proactive: OfficeTables.readProactive(slice, into: &text, diagnostics: &diagnostics)
            case .applications: OfficeTables.readApplications(slice, into: &text, diagnostics: &diagnostics)
            case .appeals: OfficeTables.readAppeals(slice, into: &text, diagnostics: &diagnostics)
            }
        }
    }

    /// No form feed and table 3's header word 申请人情况: bytes only, so other text pays two searches.
    private static func mayBeOffice(_ lines: SourceLines) -> Bool {
        ByteText.firstIndex(of: 0x0C, in: lines.bytes[...]) == nil
            && ByteText.firstIndex(of: applicantsWord, in: lines.bytes[...]) != nil
    }

    private static let applicantsWord = Array("申请人情况".utf8)
}

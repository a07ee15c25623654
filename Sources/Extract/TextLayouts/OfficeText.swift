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
/// (`OfficeTables.isApplicationsHeader`), in a file without page breaks (`pdftotext` ends every page
/// with a form feed).
enum OfficeText {
    static let format = "office_text_lines"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        guard mayBeOffice(lines) else { return nil }
        let flow = FlowLines(lines, unbrokenPageNumbers: false)
        let regions = FlowRegions(flow)
        var tables: [(start: Int, region: FlowRegions.Region)] = []
        for index in flow.lines.indices {
            if let region = regions.region(startingAfter: index) { tables.append((index, region)) }
        }
        guard tables.count == 3, let applications = tables.first(where: { $0.region.table == .applications }),
              OfficeTables.applicationsHeader(in: Array(flow.lines[applications.region.range])) != nil else { return nil }
        var text = VirtualText()
        var diagnostics: [Diagnostic] = []
        var index = 0
        for (start, region) in tables {
            while index <= start {
                let line = flow.lines[index]
                if line.kind != .blank { text.paragraph(line.text, origin: ConvertedText.origin(line: line.line)) }
                index += 1
            }
            let slice = Array(flow.lines[region.range])
            switch region.table {
            case .proactive: OfficeTables.readProactive(slice, into: &text, diagnostics: &diagnostics)
            case .applications: OfficeTables.readApplications(slice, into: &text, diagnostics: &diagnostics)
            case .appeals: OfficeTables.readAppeals(slice, into: &text, diagnostics: &diagnostics)
            }
            index = region.range.upperBound
        }
        while index < flow.lines.count {
            let line = flow.lines[index]
            if line.kind != .blank { text.paragraph(line.text, origin: ConvertedText.origin(line: line.line)) }
            index += 1
        }
        return ConvertedText(text: text, format: format, diagnostics: diagnostics)
    }

    /// No form feed and table 3's header word 申请人情况: bytes only, so other text pays two searches.
    private static func mayBeOffice(_ lines: SourceLines) -> Bool {
        ByteText.firstIndex(of: 0x0C, in: lines.bytes[...]) == nil
            && ByteText.firstIndex(of: applicantsWord, in: lines.bytes[...]) != nil
    }

    private static let applicantsWord = Array("申请人情况".utf8)
}

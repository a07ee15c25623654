import DisclosureModel

/// Orders a PDF's words into lines: prose line by line, and each table (from its template heading
/// to the next heading) rebuilt from coordinates by `PDFTableRebuilder`. Page numbers between
/// paragraphs are dropped; inside a table they stay as lines, so the text path reports them.
enum PDFLayout {
    static func text(_ words: [PDFWord]) -> VirtualText {
        var text = VirtualText()
        var region: [PDFLine] = []
        var inTable = false
        func closeTable() {
            if !region.isEmpty { PDFTableRebuilder(lines: region).emit(into: &text) }
            region = []
        }
        for line in PDFLine.lines(words) {
            let printed = line.text
            let key = SectionLocator.headingKey(Array(printed.utf8)[...])
            if printed.utf8.count < 150, SectionLocator.tableKind(ofHeadingKey: key) != nil {
                closeTable()
                inTable = true
            } else if inTable, SectionLocator.isLaterSection(key) {
                closeTable()
                inTable = false
            } else if inTable {
                region.append(line)
                continue
            } else if PageArtifact.isPageArtifact(printed) {
                continue
            }
            text.paragraph(printed, origin: origin(page: line.page, y: line.yMin))
        }
        closeTable()
        return text
    }

    static func origin(page: Int, y: Double) -> String {
        "page \(page), y=\(format(y))"
    }

    /// One decimal, enough to find a word on the page.
    static func format(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}

import DisclosureModel

/// Orders a PDF's content into lines: prose line by line, and tables row by row.
///
/// A table drawn with rules is read as its grid of cells (`RuledTable`): that is how it was made,
/// and it holds wherever the text inside the cells sits. A table without rules (from its template
/// heading to the next heading) is rebuilt from word positions by `PDFTableRebuilder`. Page
/// numbers between paragraphs are dropped; inside a table they stay as lines, so the text path
/// reports them.
enum PDFLayout {
    static func text(_ trace: MuPDFTrace) -> (text: VirtualText, diagnostics: [Diagnostic]) {
        var text = VirtualText()
        var furniture: [String] = []
        var region: [PDFLine] = []
        var inTable = false
        var table = PDFTableAssembler()
        func closeRegion() {
            if !region.isEmpty { PDFTableRebuilder(lines: region).emit(into: &text) }
            region = []
        }
        for unit in units(trace) {
            switch unit {
            case .table(let part):
                if !table.continues(with: part) { table.emit(into: &text) }
                closeRegion()
                table.add(part)
            case .pageNumber(let line):
                furniture.append("\"\(line.text)\" (\(origin(page: line.page, y: line.yMin)))")
            case .line(let line):
                let printed = line.text
                let bytes = Array(printed.utf8)[...]
                if PageArtifact.isPageArtifact(bytes) {
                    // Page furniture between two parts of a table does not end it.
                    if inTable { region.append(line) }
                    continue
                }
                table.emit(into: &text)
                let key = SectionLocator.headingKey(bytes)
                if printed.utf8.count < 150, SectionLocator.tableKind(ofHeadingKey: key) != nil {
                    closeRegion()
                    inTable = true
                } else if inTable, SectionLocator.isLaterSection(key) {
                    closeRegion()
                    inTable = false
                } else if inTable {
                    region.append(line)
                    continue
                }
                text.paragraph(printed, origin: origin(page: line.page, y: line.yMin))
            }
        }
        table.emit(into: &text)
        closeRegion()
        var diagnostics: [Diagnostic] = []
        if !furniture.isEmpty {
            diagnostics.append(Diagnostic(.extract, .pageArtifactSkipped,
                "page numbers printed alone in the page margin skipped: \(furniture.joined(separator: ", "))"))
        }
        if !trace.overprinted.isEmpty {
            let runs = trace.overprinted.map { "\"\($0.text)\" (page \($0.page))" }
            diagnostics.append(Diagnostic(.extract, .textOverprinted,
                "characters drawn on top of each other, unreadable, skipped: \(runs.joined(separator: ", "))",
                at: Diagnostic.Place(page: trace.overprinted[0].page)))
        }
        return (text, diagnostics)
    }

    private enum Unit {
        case line(PDFLine)
        case table(RuledTable)
        /// A bare number alone in the top or bottom margin (a footer `3`): page furniture, which
        /// read as a line would be taken for a value.
        case pageNumber(PDFLine)
    }

    /// Each page's ruled tables, and the lines of the text outside them, top to bottom.
    private static func units(_ trace: MuPDFTrace) -> [Unit] {
        var glyphsByPage = [[PDFGlyph]](repeating: [], count: trace.pageCount + 1)
        var rulesByPage = [[PDFRule]](repeating: [], count: trace.pageCount + 1)
        for glyph in trace.glyphs where glyphsByPage.indices.contains(glyph.page) { glyphsByPage[glyph.page].append(glyph) }
        for rule in trace.rules where rulesByPage.indices.contains(rule.page) { rulesByPage[rule.page].append(rule) }
        var units: [Unit] = []
        for page in 1..<glyphsByPage.count {
            var tables = RuledTable.tables(page: page, rules: rulesByPage[page])
            let height = trace.pageHeights.indices.contains(page - 1) ? trace.pageHeights[page - 1] : 842
            var loose: [PDFGlyph] = []
            for glyph in glyphsByPage[page] where !tables.indices.contains(where: { tables[$0].place(glyph) }) {
                loose.append(glyph)
            }
            if !tables.isEmpty { loose = placeOverflow(loose, into: &tables, pageHeight: height) }
            var pageUnits: [(y: Double, unit: Unit)] = tables.map { ($0.top, .table($0)) }
            for line in PDFLine.lines(PDFWord.words(from: loose)) {
                pageUnits.append((line.yMin, isMarginPageNumber(line.text, top: line.yMin, bottom: line.yMax, pageHeight: height) ? .pageNumber(line) : .line(line)))
            }
            units += pageUnits.sorted { $0.y < $1.y }.map(\.unit)
        }
        return units
    }

    /// A bare number (1–4 digits) alone in the top or bottom margin: a page number.
    private static func isMarginPageNumber(_ text: String, top: Double, bottom: Double, pageHeight: Double) -> Bool {
        (top > 0.9 * pageHeight || bottom < 0.08 * pageHeight) && (1...4).contains(text.utf8.count)
            && text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// The characters left after lines overflowing a table's last row joined their cell.
    private static func placeOverflow(_ glyphs: [PDFGlyph], into tables: inout [RuledTable], pageHeight: Double) -> [PDFGlyph] {
        var lines: [[PDFGlyph]] = []
        for glyph in glyphs.sorted(by: { $0.y < $1.y }) {
            if let anchor = lines.last?.first, abs(glyph.y - anchor.y) < 0.3 * glyph.size {
                lines[lines.count - 1].append(glyph)
            } else {
                lines.append([glyph])
            }
        }
        return lines.flatMap { line in
            guard let first = line.first, tables.contains(where: { first.y > $0.bottom && first.y - $0.bottom < 1.2 * first.size }) else { return line }
            // A page number under the table is furniture, not the end of its last label.
            let text = String(String.UnicodeScalarView(line.sorted { $0.x < $1.x }.map(\.scalar)))
            let top = line.map(\.yMin).min() ?? 0, bottom = line.map(\.yMax).max() ?? 0
            if PageArtifact.isPageArtifact(Array(text.utf8)[...]) || isMarginPageNumber(text, top: top, bottom: bottom, pageHeight: pageHeight) { return line }
            return tables.indices.contains { tables[$0].placeOverflow(line) } ? [] : line
        }
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

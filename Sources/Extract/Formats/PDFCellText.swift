/// The text of a table cell from its characters: lines in reading order, joined.
///
/// Lines are found across the writing direction, so rotated text (a merged label cell written
/// top to bottom) reads as it is printed. Wrapped lines join without a break (a label wrapped over
/// three lines is one label), except between two digits: two numbers stacked in one cell, or side
/// by side with a gap, are joined by ` | `, so a cell whose dividing rule was not drawn never reads
/// as one bigger number (the text path takes the cell for a label and reports it).
enum PDFCellText {
    static func text(_ glyphs: [PDFGlyph]) -> String {
        guard let first = glyphs.first else { return "" }
        // The direction most characters are written in.
        let upright = glyphs.count { $0.isUpright } * 2 >= glyphs.count
        let turned = glyphs.first { !$0.isUpright } ?? first
        let direction: (dx: Double, dy: Double) = upright ? (1, 0) : (turned.dx, turned.dy)
        func along(_ g: PDFGlyph) -> Double { g.x * direction.dx + g.y * direction.dy }
        func across(_ g: PDFGlyph) -> Double { -g.x * direction.dy + g.y * direction.dx }

        var lines: [[PDFGlyph]] = []
        for glyph in glyphs.sorted(by: { across($0) < across($1) }) {
            if let last = lines.indices.last, let anchor = lines[last].first,
               abs(across(glyph) - across(anchor)) < 0.45 * max(glyph.size, anchor.size) {
                lines[last].append(glyph)
            } else {
                lines.append([glyph])
            }
        }
        var out = String.UnicodeScalarView()
        for var line in lines {
            line.sort { along($0) < along($1) }
            if let previous = out.last, let next = line.first(where: { !$0.isSpace })?.scalar {
                if isDigit(previous) && isDigit(next) {
                    out.append(contentsOf: " | ".unicodeScalars)
                } else if isLetter(previous) && isLetter(next) {
                    out.append(" ")
                }
            }
            var previous: PDFGlyph?
            var gap = false
            for glyph in line {
                if glyph.isSpace {
                    gap = true
                    continue
                }
                if let previous, along(glyph) - along(previous) - (glyph.width + previous.width) / 2 > 0.25 * glyph.size {
                    gap = true
                }
                if gap, let last = out.last {
                    out.append(contentsOf: (isDigit(last) && isDigit(glyph.scalar) ? " | " : " ").unicodeScalars)
                }
                gap = false
                out.append(glyph.scalar)
                previous = glyph
            }
        }
        return String(out).trimmingSpaces
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
}

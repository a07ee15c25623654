/// The text of a table cell from its characters: lines in reading order, joined.
///
/// Lines are found across the writing direction, so rotated text (a merged label cell written
/// top to bottom) reads as it is printed, and so does vertical writing with upright characters
/// stacked in columns read right to left (as LibreOffice prints `tbRl` cells). Wrapped lines join
/// without a break (a label wrapped over three lines is one label), except between two digits: two
/// numbers stacked in one cell, or side by side with a gap, are joined by ` | `, so a cell whose
/// dividing rule was not drawn never reads as one bigger number (the text path takes the cell for
/// a label and reports it).
enum PDFCellText {
    /// Between two numbers found in one cell: not a digit, space or separator a number may hold.
    static let numberSeparator = " | "

    static func text(_ glyphs: [PDFGlyph]) -> String {
        guard let first = glyphs.first else { return "" }
        // The direction most characters are written in.
        let upright = glyphs.count { $0.isUpright } * 2 >= glyphs.count
        let turned = glyphs.first { !$0.isUpright } ?? first
        let direction: (dx: Double, dy: Double) = !upright ? (turned.dx, turned.dy) : isStacked(glyphs) ? (0, 1) : (1, 0)
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
                    out.append(contentsOf: numberSeparator.unicodeScalars)
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
                    out.append(contentsOf: (isDigit(last) && isDigit(glyph.scalar) ? numberSeparator : " ").unicodeScalars)
                }
                gap = false
                out.append(glyph.scalar)
                previous = glyph
            }
        }
        return String(out).trimmingSpaces
    }

    /// Upright characters written in columns: each one's nearest neighbour below (in its column)
    /// is closer than its nearest neighbour to the right (on its line). Horizontal text wrapped
    /// in a narrow cell has its neighbours side by side and its lines a line-height apart.
    /// Only text with Chinese characters is taken as vertical: stacked digits are numbers printed
    /// one per line, never one number. Text on a single line (most cells) is not.
    static func isStacked(_ glyphs: [PDFGlyph]) -> Bool {
        guard glyphs.count >= 2, let first = glyphs.first,
              glyphs.contains(where: { abs($0.y - first.y) > 0.3 * first.size }),
              glyphs.contains(where: { (0x4E00...0x9FFF).contains($0.scalar.value) }) else { return false }
        var below = 0.0, right = 0.0, belowCount = 0, rightCount = 0
        for glyph in glyphs {
            var down = Double.infinity, across = Double.infinity
            for other in glyphs {
                let dx = other.x - glyph.x, dy = other.y - glyph.y
                if abs(dx) < 0.3 * glyph.size, dy > 0.3 * glyph.size { down = min(down, dy) }
                if abs(dy) < 0.3 * glyph.size, dx > 0.3 * glyph.size { across = min(across, dx) }
            }
            if down.isFinite { below += down / glyph.size; belowCount += 1 }
            if across.isFinite { right += across / glyph.size; rightCount += 1 }
        }
        guard belowCount > 0 else { return false }
        guard rightCount > 0 else { return belowCount >= 2 }
        return below / Double(belowCount) < right / Double(rightCount) - 0.1
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
}

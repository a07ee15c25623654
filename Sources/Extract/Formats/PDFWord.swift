/// A word of a PDF page, joined from its characters (points, origin at the top left).
struct PDFWord: Sendable {
    var page: Int
    var xMin: Double
    var yMin: Double
    var xMax: Double
    var yMax: Double
    var text: String

    var height: Double { yMax - yMin }
    var width: Double { xMax - xMin }
    var yMid: Double { (yMin + yMax) / 2 }

    /// Upright characters outside the ruled tables joined into words: characters on one baseline
    /// with less than a quarter of their size between them (a space or a wider gap ends a word).
    static func words(from glyphs: [PDFGlyph]) -> [PDFWord] {
        let upright = glyphs.filter(\.isUpright)
        var lines: [[PDFGlyph]] = []
        for glyph in upright.sorted(by: { ($0.page, $0.y) < ($1.page, $1.y) }) {
            if let last = lines.indices.last, let anchor = lines[last].first, anchor.page == glyph.page,
               abs(glyph.y - anchor.y) < 0.3 * max(glyph.size, anchor.size) {
                lines[last].append(glyph)
            } else {
                lines.append([glyph])
            }
        }
        var words: [PDFWord] = []
        for var line in lines {
            line.sort { $0.x < $1.x }
            // The word being built: its box, and its characters (a String made once, at its end).
            var box: (page: Int, xMin: Double, yMin: Double, xMax: Double, yMax: Double)?
            var scalars = String.UnicodeScalarView()
            func finish() {
                if let box { words.append(PDFWord(page: box.page, xMin: box.xMin, yMin: box.yMin, xMax: box.xMax, yMax: box.yMax, text: String(scalars))) }
                box = nil
                scalars = String.UnicodeScalarView()
            }
            for glyph in line {
                if glyph.isSpace {
                    finish()
                } else if let current = box, glyph.xMin - current.xMax < 0.25 * glyph.size {
                    scalars.append(glyph.scalar)
                    box = (current.page, current.xMin, min(current.yMin, glyph.yMin), max(current.xMax, glyph.xMax), max(current.yMax, glyph.yMax))
                } else {
                    finish()
                    scalars.append(glyph.scalar)
                    box = (glyph.page, glyph.xMin, glyph.yMin, glyph.xMax, glyph.yMax)
                }
            }
            finish()
        }
        return words
    }
}

/// Words that share a baseline band on one page: a printed line (of prose, or across a table).
struct PDFLine: Sendable {
    var page: Int
    var words: [PDFWord]

    var yMin: Double { words.map(\.yMin).min() ?? 0 }
    var yMax: Double { words.map(\.yMax).max() ?? 0 }

    /// Words left to right, a space where the gap is wider than a fifth of the text height.
    var text: String {
        var out = ""
        var previous: PDFWord?
        for word in words {
            if let previous, word.xMin - previous.xMax > 0.2 * max(word.height, 1) { out += " " }
            out += word.text
            previous = word
        }
        return out
    }

    /// Groups a document's words into lines: a word joins the line its vertical middle falls in.
    static func lines(_ words: [PDFWord]) -> [PDFLine] {
        var lines: [PDFLine] = []
        let sorted = words.sorted { ($0.page, $0.yMin, $0.xMin) < ($1.page, $1.yMin, $1.xMin) }
        var open: [Int] = []
        for word in sorted {
            open.removeAll { lines[$0].page != word.page || lines[$0].yMax < word.yMin }
            if let index = open.first(where: { word.yMid >= lines[$0].words[0].yMin && word.yMid <= lines[$0].words[0].yMax }) {
                lines[index].words.append(word)
            } else {
                lines.append(PDFLine(page: word.page, words: [word]))
                open.append(lines.count - 1)
            }
        }
        for index in lines.indices { lines[index].words.sort { $0.xMin < $1.xMin } }
        return lines
    }
}

/// A word as poppler placed it on a page (points, origin at the top left).
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

    /// Reads `pdftotext -bbox-layout` output: `<page>` elements holding `<word xMin=… yMin=…>`.
    static func words(fromBBoxLayout bytes: [UInt8]) -> (pages: Int, words: [PDFWord])? {
        guard let tree = XMLTree.xml(bytes), let root = tree.root else { return nil }
        var words: [PDFWord] = []
        let pages = root.descendants("page")
        for (index, page) in pages.enumerated() {
            for node in page.descendants("word") {
                let text = node.children.filter(\.isText).map(\.content).joined().trimmingSpaces
                guard !text.isEmpty,
                      let xMin = node.attribute("xmin").flatMap(Double.init), let yMin = node.attribute("ymin").flatMap(Double.init),
                      let xMax = node.attribute("xmax").flatMap(Double.init), let yMax = node.attribute("ymax").flatMap(Double.init)
                else { continue }
                words.append(PDFWord(page: index + 1, xMin: xMin, yMin: yMin, xMax: xMax, yMax: yMax, text: text))
            }
        }
        return (pages.count, words)
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

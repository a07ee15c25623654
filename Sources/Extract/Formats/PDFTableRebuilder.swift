/// Rebuilds a table's rows from word positions, where reading order fails: `pdftotext` prints a
/// row's label away from its numbers, merged cells as one character per line, and long labels
/// over two or three lines.
///
/// Numbers make the skeleton: numbers sharing a baseline band are a row, and numbers overlapping
/// horizontally across rows are a column (so a blank cell becomes an empty slot, not a shift).
/// Label text is gathered into cell blocks: pieces stacked in one column with no more than line
/// spacing between them (a wrapped label, or vertical text one character per line, also across a
/// page break). Blocks and rows are then ordered by position; a block beside a row goes on the
/// row's line, before its values, and the text path reads that line as a label run and a value run.
struct PDFTableRebuilder {
    let lines: [PDFLine]

    /// Numbers on one baseline band of one page.
    struct ValueRow {
        var page: Int
        var words: [PDFWord]
        var yMin: Double
        var yMax: Double
    }

    /// Label text of one cell: one or more pieces stacked in a column.
    struct Block {
        var page: Int
        var pieces: [PDFWord]
        /// Extent on its own page (vertical text continued on the next page is read with it).
        var yMin: Double { pieces.filter { $0.page == page }.map(\.yMin).min() ?? 0 }
        var yMax: Double { pieces.filter { $0.page == page }.map(\.yMax).max() ?? 0 }
        var xMin: Double { pieces.map(\.xMin).min() ?? 0 }
        var text: String { pieces.map(\.text).joined() }
        /// Vertical text: every piece one or two characters wide.
        var isVertical: Bool { pieces.allSatisfy(PDFTableRebuilder.isNarrow) }
    }

    func emit(into text: inout VirtualText) {
        let artifacts = lines.filter { PageArtifact.isPageArtifact($0.text) }
        let words = lines.filter { !PageArtifact.isPageArtifact($0.text) }.flatMap(\.words)
        let rows = Self.valueRows(words.filter(Self.isValue))
        let columns = Self.columns(rows.flatMap(\.words))
        let blocks = Self.blocks(Self.pieces(words.filter { !Self.isValue($0) }), rows: rows)

        enum Unit {
            case row(ValueRow), block(Block), artifact(PDFLine)
        }
        var units: [(page: Int, y: Double, x: Double, unit: Unit)] = []
        for row in rows { units.append((row.page, row.yMin, row.words.first?.xMin ?? 0, .row(row))) }
        for block in blocks {
            // A label sorts a little above its own numbers, which may share its top edge.
            let height = block.pieces.first?.height ?? 0
            units.append((block.page, block.yMin - 0.3 * height, block.xMin, .block(block)))
        }
        for line in artifacts { units.append((line.page, line.yMin, 0, .artifact(line))) }
        units.sort { ($0.page, $0.y, $0.x) < ($1.page, $1.y, $1.x) }

        var pending: [Block] = []
        func flushPending() {
            for block in pending {
                text.row([block.text], origin: PDFLayout.origin(page: block.page, y: block.yMin))
            }
            pending = []
        }
        for (_, _, _, unit) in units {
            switch unit {
            case .block(let block):
                pending.append(block)
            case .artifact(let line):
                flushPending()
                text.paragraph(line.text, origin: PDFLayout.origin(page: line.page, y: line.yMin))
            case .row(let row):
                var beside: [Block] = [], above: [Block] = []
                for block in pending {
                    if block.page == row.page && block.yMax > row.yMin && block.yMin < row.yMax { beside.append(block) } else { above.append(block) }
                }
                pending = above
                flushPending()
                var cells = beside.sorted { $0.xMin < $1.xMin }.map(\.text)
                var slots = Array(repeating: "", count: columns.count)
                for word in row.words {
                    let middle = (word.xMin + word.xMax) / 2
                    let index = columns.firstIndex { middle >= $0.lowerBound && middle <= $0.upperBound }
                        ?? columns.indices.min { abs(columns[$0].lowerBound - middle) < abs(columns[$1].lowerBound - middle) } ?? 0
                    if slots.indices.contains(index) { slots[index] += word.text }
                }
                cells += slots
                let positions = row.words.map { PDFLayout.format($0.xMin) }.joined(separator: ", ")
                text.row(cells, origin: PDFLayout.origin(page: row.page, y: row.yMin) + "; values at x=\(positions)")
            }
        }
        flushPending()
    }

    static func isValue(_ word: PDFWord) -> Bool {
        RuledTable.isValue(word.text)
    }

    static func isNarrow(_ word: PDFWord) -> Bool {
        word.text.count <= 2 && word.width <= 2.2 * max(word.height, 1)
    }

    /// Numbers grouped by baseline band, top to bottom.
    static func valueRows(_ values: [PDFWord]) -> [ValueRow] {
        var rows: [ValueRow] = []
        for word in values.sorted(by: { ($0.page, $0.yMid, $0.xMin) < ($1.page, $1.yMid, $1.xMin) }) {
            if let last = rows.indices.last, rows[last].page == word.page,
               word.yMid >= rows[last].yMin, word.yMid <= rows[last].yMax {
                rows[last].words.append(word)
                rows[last].yMin = min(rows[last].yMin, word.yMin)
                rows[last].yMax = max(rows[last].yMax, word.yMax)
            } else {
                rows.append(ValueRow(page: word.page, words: [word], yMin: word.yMin, yMax: word.yMax))
            }
        }
        for index in rows.indices { rows[index].words.sort { $0.xMin < $1.xMin } }
        return rows
    }

    /// Column extents: the horizontal spans of numbers, merged where they overlap.
    static func columns(_ values: [PDFWord]) -> [ClosedRange<Double>] {
        var columns: [ClosedRange<Double>] = []
        for word in values.sorted(by: { $0.xMin < $1.xMin }) {
            if let last = columns.last, word.xMin <= last.upperBound + 0.5 {
                columns[columns.count - 1] = last.lowerBound...max(last.upperBound, word.xMax)
            } else {
                columns.append(word.xMin...word.xMax)
            }
        }
        return columns
    }

    /// Label words joined with their neighbours on the same baseline when nearly touching.
    static func pieces(_ words: [PDFWord]) -> [PDFWord] {
        var pieces: [PDFWord] = []
        for word in words.sorted(by: { ($0.page, $0.yMin, $0.xMin) < ($1.page, $1.yMin, $1.xMin) }) {
            if let last = pieces.indices.last, pieces[last].page == word.page,
               abs(pieces[last].yMin - word.yMin) < 0.3 * word.height,
               word.xMin - pieces[last].xMax < 0.3 * word.height, word.xMin >= pieces[last].xMin {
                pieces[last].text += word.text
                pieces[last].xMax = max(pieces[last].xMax, word.xMax)
                pieces[last].yMax = max(pieces[last].yMax, word.yMax)
            } else {
                pieces.append(word)
            }
        }
        return pieces
    }

    /// Pieces stacked into cell blocks (see the type's comment).
    static func blocks(_ pieces: [PDFWord], rows: [ValueRow]) -> [Block] {
        func row(of piece: PDFWord) -> Int? {
            rows.firstIndex { $0.page == piece.page && piece.yMid >= $0.yMin && piece.yMid <= $0.yMax }
        }
        var blocks: [Block] = []
        for piece in pieces {
            var best: (index: Int, gap: Double)?
            for index in blocks.indices where blocks[index].page == piece.page {
                guard let last = blocks[index].pieces.last else { continue }
                let gap = piece.yMin - last.yMax
                let overlaps = piece.xMin < last.xMax && last.xMin < piece.xMax
                guard overlaps, gap > -0.6 * piece.height, gap <= 0.3 * piece.height else { continue }
                let stackedCharacters = isNarrow(piece) && isNarrow(last) && abs(piece.xMin - last.xMin) < 0.3 * piece.height
                if !stackedCharacters, let a = row(of: piece), let b = row(of: last), a != b { continue }
                if best.map({ gap < $0.gap }) ?? true { best = (index, gap) }
            }
            if let best {
                blocks[best.index].pieces.append(piece)
            } else {
                blocks.append(Block(page: piece.page, pieces: [piece]))
            }
        }
        return joinVerticalTextAcrossPages(blocks)
    }

    /// A merged cell's vertical text that a page break cut in two (三、本年度办理 | 结果) reads whole.
    static func joinVerticalTextAcrossPages(_ blocks: [Block]) -> [Block] {
        var out: [Block] = []
        for block in blocks {
            if block.isVertical,
               let previous = out.lastIndex(where: { $0.page == block.page - 1 && $0.isVertical && $0.pieces.count >= 2
                   && abs($0.xMin - block.xMin) < 2 }) {
                out[previous].pieces += block.pieces
            } else {
                out.append(block)
            }
        }
        return out
    }
}

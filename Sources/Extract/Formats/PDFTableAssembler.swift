/// Joins the parts of a ruled table that page breaks cut, then writes its rows.
///
/// A part on the next page with the same columns, and nothing but page furniture between, continues
/// the table. Its repeated header rows are dropped; a merged label cell cut by the break (三、本年度办
/// | 理结果) reads as one cell; and a row that the break split (its label wrapped over both pages,
/// its values on one of them) reads as one row. A row is taken as split when the template's
/// enumerated row labels (1., （二）, 四、) are in use and the part's first row label carries none:
/// it can only be the rest of the row above.
struct PDFTableAssembler {
    /// A cell of the table being assembled, in the row where it starts.
    struct Piece {
        /// Left and right edges on the page: parts on two pages may be divided into different
        /// grid columns (a column of merged cells drawn on one page only), never moved.
        var left: Double
        var right: Double
        var text: String
        var rowSpan: Int
        /// Whether it reaches the bottom edge of its part (it may go on on the next page).
        var reachesBottom: Bool
    }

    struct Row {
        var pieces: [Piece]
        var page: Int
        var y: Double
    }

    private var rows: [Row] = []
    private var columnEdges: [Double] = []
    /// Left edge of the leftmost value column.
    private var firstValueX: Double?
    private var header: [[String]] = []
    private var page = 0
    /// Rows of the last part (the only ones a continuation can join).
    private var lastPartStart = 0

    var isEmpty: Bool { rows.isEmpty }

    /// Whether `table` can continue the table assembled so far: the next page, the same outer
    /// edges, and every column edge of one part also an edge of the other (one part may have more).
    func continues(with table: RuledTable) -> Bool {
        guard !rows.isEmpty, table.page == page + 1, let first = columnEdges.first, let last = columnEdges.last,
              abs(table.columnEdges[0] - first) <= 2, abs(table.bottomRightX - last) <= 2 else { return false }
        let (fewer, more) = table.columnEdges.count < columnEdges.count ? (table.columnEdges, columnEdges) : (columnEdges, table.columnEdges)
        return fewer.allSatisfy { edge in more.contains { abs($0 - edge) <= 2 } }
    }

    /// Adds a part: the first, or one that `continues`.
    mutating func add(_ table: RuledTable) {
        let texts = table.texts
        let continuing = continues(with: table)
        if !continuing { self = PDFTableAssembler() }
        firstValueX = table.firstValueColumn(texts).map { table.columnEdges[$0] } ?? firstValueX
        var part = Self.rows(of: table, texts)
        if continuing {
            var repeated = 0
            while repeated < min(header.count, part.count), part[repeated].pieces.map(\.text) == header[repeated] { repeated += 1 }
            part.removeFirst(repeated)
            if !part.isEmpty { part[0].pieces = join(part[0].pieces) }
            part.removeAll { $0.pieces.isEmpty }
        } else {
            header = part.prefix { !$0.pieces.contains { RuledTable.isValue($0.text) } }.map { $0.pieces.map(\.text) }
        }
        lastPartStart = rows.count
        rows += part
        columnEdges = table.columnEdges
        page = table.page
    }

    /// Writes the rows: a merged cell once, in its first row; empty cells that carry no data left
    /// out (an empty cell spanning rows, an empty cell left of every value column); an empty cell
    /// among the values kept, since it is data (0).
    mutating func emit(into text: inout VirtualText) {
        for row in rows {
            let kept = row.pieces.filter { !$0.text.isEmpty || ($0.rowSpan == 1 && !isLabelSpace($0)) }
            guard !kept.isEmpty else { continue }
            let positions = kept.map { PDFLayout.format($0.left) }.joined(separator: ", ")
            text.row(kept.map(\.text), origin: PDFLayout.origin(page: row.page, y: row.y) + "; ruled table row, cells at x=\(positions)")
        }
        self = PDFTableAssembler()
    }

    /// The first row of a continuing part, with what belongs to the part above moved there.
    private mutating func join(_ pieces: [Piece]) -> [Piece] {
        // The open cells of the part above: those reaching its bottom edge, by column range.
        var open: [(row: Int, index: Int)] = []
        for row in rows.indices.dropFirst(lastPartStart) {
            for (index, piece) in rows[row].pieces.enumerated() where piece.reachesBottom { open.append((row, index)) }
        }
        func above(_ piece: Piece) -> (row: Int, index: Int)? {
            open.first { abs(rows[$0.row].pieces[$0.index].left - piece.left) <= 2 && abs(rows[$0.row].pieces[$0.index].right - piece.right) <= 2 }
        }
        let splitRow = isSplitRow(pieces) && pieces.allSatisfy { above($0) != nil }
        var kept: [Piece] = []
        for piece in pieces {
            guard let (row, index) = above(piece) else {
                kept.append(piece)
                continue
            }
            let above = rows[row].pieces[index]
            let mergedLabel = above.rowSpan > 1 && isLabelSpace(piece)
            guard splitRow || mergedLabel else {
                kept.append(piece)
                continue
            }
            rows[row].pieces[index].text = Self.joined(above.text, piece.text)
            if mergedLabel, !splitRow { rows[row].pieces[index].rowSpan += piece.rowSpan }
        }
        return kept
    }

    /// Whether a continuing part's first row is the rest of the row above: the table's row labels
    /// are enumerated and this one's is not (or is empty).
    private func isSplitRow(_ pieces: [Piece]) -> Bool {
        guard let label = pieces.last(where: isLabelSpace) else { return false }
        let enumerated = rows.count { row in
            row.pieces.last(where: isLabelSpace).map { Self.startsWithEnumerator($0.text) } ?? false
        }
        return enumerated >= 3 && !Self.startsWithEnumerator(label.text)
    }

    /// Whether a cell lies left of every value column (where the labels are).
    private func isLabelSpace(_ piece: Piece) -> Bool {
        firstValueX.map { piece.right <= $0 + 2 } ?? false
    }

    /// Text of one cell from two parts: a label joins without a break; two numbers stay two words.
    static func joined(_ first: String, _ second: String) -> String {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        if RuledTable.isValue(first) && RuledTable.isValue(second) { return first + " | " + second }
        return first + second
    }

    /// `1.` `1、` `（一）` `(二)` `一、` at the start of a label.
    static func startsWithEnumerator(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.prefix(4))
        guard let first = scalars.first else { return false }
        func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
            (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value) || "一二三四五六七八九十".unicodeScalars.contains(scalar)
        }
        if first == "（" || first == "(" {
            return scalars.count >= 3 && isNumeral(scalars[1]) && (scalars[2] == "）" || scalars[2] == ")")
        }
        guard isNumeral(first), scalars.count >= 2 else { return false }
        return ".．、,，".unicodeScalars.contains(scalars[1])
    }

    /// A part's cells grouped by the row where they start.
    private static func rows(of table: RuledTable, _ texts: [String]) -> [Row] {
        var byRow = [[Piece]](repeating: [], count: table.rowCount)
        for (index, cell) in table.cells.enumerated() {
            byRow[cell.row].append(Piece(left: table.columnEdges[cell.column], right: table.columnEdges[cell.column + cell.columnSpan],
                                         text: texts[index], rowSpan: cell.rowSpan, reachesBottom: cell.row + cell.rowSpan == table.rowCount))
        }
        return byRow.enumerated().compactMap { row, pieces in
            pieces.isEmpty ? nil : Row(pieces: pieces.sorted { $0.left < $1.left }, page: table.page, y: table.rowEdges[row])
        }
    }
}

/// Joins the parts of a ruled table that page breaks cut, then writes its rows.
///
/// A part on the next page with the same columns, and nothing but page furniture between, continues
/// the table. Its repeated header rows are dropped; a merged label cell cut by the break (三、本年度办
/// | 理结果) reads as one cell, unless a new one starts there (its label enumerated: （四）); a header
/// cell cut by the break (社会公益 | 组织) reads as one cell; and a row that the break split (its label
/// wrapped over both pages, its values on one of them) reads as one row. A row is taken as split
/// when the row label above is enumerated (1., （二）, 四、, as the template's are) and the part's
/// first row label is not: it can only be the rest of the row above. Whatever is not certain stays
/// as printed, and the text path reports a label it does not know.
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
    /// Right edge of the labels of rows that hold values: cells left of it are label space.
    private var labelEnd: Double?
    private var header: [[String]] = []
    private var page = 0
    /// The cells that reach the bottom of the last part: a continuation on the next page can
    /// join them. `carried` holds those that a continuation took in and carried to its own bottom.
    private var open: [(row: Int, index: Int)] = []
    private var carried: [(row: Int, index: Int)] = []

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
        var part = Self.rows(of: table, texts)
        labelEnd = Self.labelEnd(part) ?? labelEnd
        if continuing {
            var repeated = 0
            while repeated < min(header.count, part.count), part[repeated].pieces.map(\.text) == header[repeated] { repeated += 1 }
            part.removeFirst(repeated)
            if !part.isEmpty { part[0].pieces = join(part[0].pieces) }
            part.removeAll { $0.pieces.isEmpty }
        } else {
            header = part.prefix { !$0.pieces.contains { RuledTable.isValue($0.text) } }.map { $0.pieces.map(\.text) }
        }
        let partStart = rows.count
        rows += part
        open = carried
        carried = []
        for row in rows.indices.dropFirst(partStart) {
            for (index, piece) in rows[row].pieces.enumerated() where piece.reachesBottom { open.append((row, index)) }
        }
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
        func above(_ piece: Piece) -> (row: Int, index: Int)? {
            open.first { abs(rows[$0.row].pieces[$0.index].left - piece.left) <= 2 && abs(rows[$0.row].pieces[$0.index].right - piece.right) <= 2 }
        }
        // The whole row joins the row above when the break split it: every printed piece of it
        // continues a cell above, and it is the rest of an enumerated row.
        let matched = pieces.allSatisfy { $0.text.isEmpty || above($0) != nil }
        let splitRow = matched && isSplitRow(pieces, above: above)
        // A header row cut by the break (no value yet in the table, and header words over the value
        // columns: 社会公益 | 组织, 结 | 果维持): each piece under a cell of it goes on in that cell;
        // the others (a header row below it) stay.
        let headerSplit = !splitRow && !pieces.contains { RuledTable.isValue($0.text) }
            && !rows.contains { $0.pieces.contains { RuledTable.isValue($0.text) } }
            && !(pieces.last(where: isLabelSpace).map { Self.startsWithEnumerator($0.text) } ?? false)
            && pieces.contains { !$0.text.isEmpty && !isLabelSpace($0) && above($0) != nil }
        let rowLabel = pieces.last { isLabelSpace($0) && !$0.text.isEmpty }
        var kept: [Piece] = []
        var stillOpen: [(row: Int, index: Int)] = []
        for piece in pieces {
            guard let (row, index) = above(piece) else {
                if !(splitRow && piece.text.isEmpty) { kept.append(piece) }
                continue
            }
            let cell = rows[row].pieces[index]
            // A merged label cell cut by the break (a group: a row label follows it) goes on,
            // unless a new one starts here (（四）): the template's groups start enumerated.
            let mergedLabel = isLabelSpace(piece) && piece.right < (rowLabel?.left ?? -.infinity) + 2
                && !Self.startsWithEnumerator(piece.text)
            guard splitRow || headerSplit || mergedLabel else {
                kept.append(piece)
                continue
            }
            rows[row].pieces[index].text = Self.joined(cell.text, piece.text)
            if !splitRow { rows[row].pieces[index].rowSpan += piece.rowSpan }
            if piece.reachesBottom { stillOpen.append((row, index)) }
        }
        carried = stillOpen
        return kept
    }

    /// Whether a continuing part's first row is the rest of the row above: the row label above
    /// is enumerated (1., （二）, 四、, as the template's rows are) and this one's is not.
    private func isSplitRow(_ pieces: [Piece], above: (Piece) -> (row: Int, index: Int)?) -> Bool {
        guard let label = pieces.last(where: isLabelSpace), let (row, index) = above(label) else { return false }
        return Self.startsWithEnumerator(rows[row].pieces[index].text) && !Self.startsWithEnumerator(label.text)
    }

    /// Whether a cell lies where the labels of the value rows are.
    private func isLabelSpace(_ piece: Piece) -> Bool {
        labelEnd.map { piece.right <= $0 + 2 } ?? false
    }

    /// The right edge of the labels in rows that hold a value (table 4's row of values has none:
    /// then no cell is label space, and an empty cell is always a value).
    private static func labelEnd(_ rows: [Row]) -> Double? {
        rows.filter { $0.pieces.contains { RuledTable.isValue($0.text) } }
            .flatMap { $0.pieces.filter { !$0.text.isEmpty && !RuledTable.isValue($0.text) }.map(\.right) }.max()
    }

    /// Text of one cell from two parts: a label joins without a break; two numbers stay two words.
    static func joined(_ first: String, _ second: String) -> String {
        if first.isEmpty { return second }
        if second.isEmpty { return first }
        if RuledTable.isValue(first) && RuledTable.isValue(second) { return first + PDFCellText.numberSeparator + second }
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
        let isValue = { (index: Int) in texts[index].isEmpty || RuledTable.isValue(texts[index]) }
        for (index, cell) in table.cells.enumerated() {
            let left = table.columnEdges[cell.column], right = table.columnEdges[cell.column + cell.columnSpan]
            let bottom = cell.row + cell.rowSpan == table.rowCount
            if let split = table.textsByRow(ofCell: index, isValue: isValue) {
                // Labels stacked in one cell whose dividing rules were not drawn: one per row.
                for (offset, text) in split.enumerated() {
                    byRow[cell.row + offset].append(Piece(left: left, right: right, text: text, rowSpan: 1,
                                                          reachesBottom: bottom && offset == split.count - 1))
                }
                continue
            }
            byRow[cell.row].append(Piece(left: left, right: right, text: texts[index], rowSpan: cell.rowSpan, reachesBottom: bottom))
        }
        return byRow.enumerated().compactMap { row, pieces in
            pieces.isEmpty ? nil : Row(pieces: pieces.sorted { $0.left < $1.left }, page: table.page, y: table.rowEdges[row])
        }
    }
}

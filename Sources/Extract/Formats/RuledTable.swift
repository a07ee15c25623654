/// A table on one page as its drawn rules define it: the grid of row and column boundaries, and
/// the cells, each spanning the grid slots that no rule separates (a merged cell spans several).
///
/// This is the "lattice" reading: a character belongs to the cell whose box holds its centre, so a
/// label wrapped over three lines, a value vertically centred beside it, and a narrow merged cell
/// whose text wraps one character per line all read as the cells they are printed in.
struct RuledTable: Sendable {
    struct Cell: Sendable {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var glyphs: [PDFGlyph] = []
    }

    let page: Int
    /// Boundaries, top to bottom and left to right (one more than the rows and columns).
    let rowEdges: [Double]
    let columnEdges: [Double]
    private(set) var cells: [Cell]
    /// Grid slot (row * columns + column) → index into `cells`.
    private let slots: [Int]

    var top: Double { rowEdges[0] }
    var rowCount: Int { rowEdges.count - 1 }
    var columnCount: Int { columnEdges.count - 1 }

    var bottom: Double { rowEdges[rowEdges.count - 1] }
    var bottomRightX: Double { columnEdges[columnEdges.count - 1] }

    /// Puts a character into the cell holding it; false when it lies outside the table.
    ///
    /// A character is placed by the part of it that its text comes from: text that does not fit a
    /// narrow cell overflows it (browsers and LibreOffice draw it across the rule) in the writing
    /// direction and in the direction its lines follow one another. So a character is placed by the
    /// part of it before it on its line and towards the line before: an upright one by its upper
    /// left part.
    mutating func place(_ glyph: PDFGlyph) -> Bool {
        let x = glyph.x - 0.35 * glyph.width * glyph.dx + 0.35 * glyph.size * glyph.dy
        let y = glyph.y - 0.35 * glyph.width * glyph.dy - 0.35 * glyph.size * glyph.dx
        guard glyph.page == page, let row = Self.slot(of: y, in: rowEdges),
              let column = Self.slot(of: x, in: columnEdges) else { return false }
        cells[slots[row * columnCount + column]].glyphs.append(glyph)
        return true
    }

    /// Puts a line of characters printed just below the table, all within one column whose bottom
    /// cell holds a label, into that cell: the label's text overflowing the table's last row (as
    /// browsers print a merged cell cut by a page break). False when the line is not such overflow.
    mutating func placeOverflow(_ line: [PDFGlyph]) -> Bool {
        guard let first = line.first, first.page == page, first.y > bottom, first.y - bottom < 1.2 * first.size,
              let column = Self.slot(of: first.x, in: columnEdges),
              line.allSatisfy({ Self.slot(of: $0.x, in: columnEdges) == column }) else { return false }
        let index = slots[(rowCount - 1) * columnCount + column]
        let text = PDFCellText.text(cells[index].glyphs)
        guard !text.isEmpty, !RuledTable.isValue(text) else { return false }
        cells[index].glyphs += line
        return true
    }

    /// The cell covering a grid slot.
    func cellIndex(row: Int, column: Int) -> Int? {
        guard row >= 0, row < rowCount, column >= 0, column < columnCount else { return nil }
        return slots[row * columnCount + column]
    }

    /// The text of a label cell spanning several rows beside one-row value cells, split at the row
    /// edges inside it, when every line of it lies within one of those rows: a label column whose
    /// inner rules were not drawn, with each label still printed beside its values. Nil when the
    /// cell is not like that, or when a character sits on an inner edge (it cannot be told apart).
    func textsByRow(ofCell index: Int, isValue: (Int) -> Bool) -> [String]? {
        let cell = cells[index]
        guard cell.rowSpan > 1, cell.glyphs.allSatisfy(\.isUpright) else { return nil }
        for row in cell.row..<(cell.row + cell.rowSpan) {
            guard let right = cellIndex(row: row, column: cell.column + cell.columnSpan),
                  cells[right].row == row, cells[right].rowSpan == 1, isValue(right) else { return nil }
        }
        var groups = [[PDFGlyph]](repeating: [], count: cell.rowSpan)
        for glyph in cell.glyphs {
            guard let row = Self.slot(of: glyph.y, in: rowEdges), row >= cell.row, row < cell.row + cell.rowSpan,
                  row == cell.row || glyph.y - rowEdges[row] > 0.4 * glyph.size,
                  row == cell.row + cell.rowSpan - 1 || rowEdges[row + 1] - glyph.y > 0.4 * glyph.size else { return nil }
            groups[row - cell.row].append(glyph)
        }
        let texts = groups.map { PDFCellText.text($0) }
        return texts.count { !$0.isEmpty } >= 2 ? texts : nil
    }

    private static func slot(of value: Double, in edges: [Double]) -> Int? {
        guard let first = edges.first, let last = edges.last, value >= first, value < last else { return nil }
        var low = 0, high = edges.count - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if edges[middle] <= value { low = middle } else { high = middle }
        }
        return low
    }

    /// The tables drawn on one page: rules that touch form one table; a table needs at least two
    /// cells (a single framed box is a text frame or a page border, not a table).
    static func tables(page: Int, rules: [PDFRule]) -> [RuledTable] {
        let horizontal = merged(rules.filter(\.isHorizontal)), vertical = merged(rules.filter { !$0.isHorizontal })
        guard horizontal.count >= 2, vertical.count >= 2 else { return [] }
        // Rules that cross or touch are one table (horizontal rules first, then vertical ones).
        var sets = UnionFind(count: horizontal.count + vertical.count)
        for (h, across) in horizontal.enumerated() {
            for (v, down) in vertical.enumerated() where across.covers(down.position, tolerance: 2) && down.covers(across.position, tolerance: 2) {
                sets.join(h, horizontal.count + v)
            }
        }
        var groups: [Int: (h: [PDFRule], v: [PDFRule])] = [:]
        for (index, rule) in horizontal.enumerated() { groups[sets.root(index), default: ([], [])].h.append(rule) }
        for (index, rule) in vertical.enumerated() { groups[sets.root(horizontal.count + index), default: ([], [])].v.append(rule) }
        return groups.values.compactMap { table(page: page, horizontal: $0.h, vertical: $0.v) }
            .sorted { ($0.top, $0.columnEdges[0]) < ($1.top, $1.columnEdges[0]) }
    }

    private static func table(page: Int, horizontal: [PDFRule], vertical: [PDFRule]) -> RuledTable? {
        guard horizontal.count >= 2, vertical.count >= 2 else { return nil }
        // Boundaries where rules run, and where they end (a table open at its sides).
        let rowEdges = clustered(horizontal.map(\.position) + vertical.flatMap { [$0.start, $0.end] })
        let columnEdges = clustered(vertical.map(\.position) + horizontal.flatMap { [$0.start, $0.end] })
        let rows = rowEdges.count - 1, columns = columnEdges.count - 1
        guard rows >= 1, columns >= 1 else { return nil }

        func ruled(_ rules: [PDFRule], at position: Double, across point: Double) -> Bool {
            rules.contains { abs($0.position - position) <= 2 && $0.covers(point, tolerance: 0) }
        }
        // Grid slots that no rule separates are one cell.
        var sets = UnionFind(count: rows * columns)
        for row in 0..<rows {
            let middleY = (rowEdges[row] + rowEdges[row + 1]) / 2
            for column in 0..<columns {
                let middleX = (columnEdges[column] + columnEdges[column + 1]) / 2
                let slot = row * columns + column
                if column + 1 < columns, !ruled(vertical, at: columnEdges[column + 1], across: middleY) {
                    sets.join(slot + 1, slot)
                }
                if row + 1 < rows, !ruled(horizontal, at: rowEdges[row + 1], across: middleX) {
                    sets.join(slot + columns, slot)
                }
            }
        }
        var cellOfRoot: [Int: Int] = [:]
        var cells: [Cell] = []
        var slots = Array(repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns {
                let slot = row * columns + column, key = sets.root(slot)
                if let index = cellOfRoot[key] {
                    cells[index].rowSpan = max(cells[index].rowSpan, row - cells[index].row + 1)
                    cells[index].columnSpan = max(cells[index].columnSpan, column - cells[index].column + 1)
                    slots[slot] = index
                } else {
                    cellOfRoot[key] = cells.count
                    slots[slot] = cells.count
                    cells.append(Cell(row: row, column: column, rowSpan: 1, columnSpan: 1))
                }
            }
        }
        guard cells.count >= 2 else { return nil }
        return RuledTable(page: page, rowEdges: rowEdges, columnEdges: columnEdges, cells: cells, slots: slots)
    }

    /// Collinear pieces of one border (Word draws a border per cell edge) joined into one rule.
    static func merged(_ rules: [PDFRule]) -> [PDFRule] {
        // Rules within a point of each other are one line; along it, pieces that touch are joined.
        var lines: [[PDFRule]] = []
        for rule in rules.sorted(by: { $0.position < $1.position }) {
            if let last = lines.last?.last, rule.position - last.position <= 1 {
                lines[lines.count - 1].append(rule)
            } else {
                lines.append([rule])
            }
        }
        var out: [PDFRule] = []
        for line in lines {
            let start = out.count
            for rule in line.sorted(by: { $0.start < $1.start }) {
                if out.count > start, rule.start <= out[out.count - 1].end + 1.5 {
                    out[out.count - 1].end = max(out[out.count - 1].end, rule.end)
                } else {
                    out.append(rule)
                }
            }
        }
        return out
    }

    /// Positions closer than 2 points are one boundary (borders of neighbouring cells drawn a
    /// little apart, double lines).
    static func clustered(_ positions: [Double]) -> [Double] {
        var edges: [Double] = []
        var group: [Double] = []
        for position in positions.sorted() {
            if let last = group.last, position - last > 2 {
                edges.append(group.reduce(0, +) / Double(group.count))
                group = []
            }
            group.append(position)
        }
        if !group.isEmpty { edges.append(group.reduce(0, +) / Double(group.count)) }
        return edges
    }
}

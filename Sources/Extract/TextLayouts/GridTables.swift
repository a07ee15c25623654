/// pandoc's grid tables (`+------+------+` borders, `| a    | b    |` rows, a cell's text wrapped
/// over the row's lines), which its plain text and markdown write for tables whose cells hold
/// several lines, rewritten as the simple tables `LayoutText` reads: each row on its first line,
/// every cell's pieces joined, under a rule of dash runs, one a column. The other lines of a grid
/// become empty, so every line keeps its number and diagnostics cite the file's own lines.
enum GridTables {
    /// The text with its grid tables rewritten; nil when it has none, or one whose rows do not
    /// split into its border's columns (then it is not read as a grid at all).
    static func rewritten(_ lines: SourceLines) -> SourceLines? {
        var output: [String] = []
        var index = 0
        var found = false
        while index < lines.count {
            guard let columns = borderColumns(lines.string(index)), let end = gridEnd(lines, from: index) else {
                output.append(lines.string(index))
                index += 1
                continue
            }
            guard let table = grid(lines, index..<end, columns: columns) else { return nil }
            output += table
            found = true
            index = end
        }
        return found ? SourceLines(utf8: Array(output.joined(separator: "\n").utf8)) : nil
    }

    /// Whether the text may hold a grid table: a line starting `+-` or `+=` (a cheap test first).
    static func mayHold(_ lines: SourceLines) -> Bool {
        var start = lines.bytes.startIndex
        while let plus = ByteText.firstIndex(of: 0x2B, in: lines.bytes[start...]) {
            let next = plus + 1
            if next < lines.bytes.endIndex, lines.bytes[next] == 0x2D || lines.bytes[next] == 0x3D,
               plus == lines.bytes.startIndex || lines.bytes[plus - 1] == 0x0A || lines.bytes[plus - 1] == 0x20 {
                return true
            }
            start = next
        }
        return false
    }

    /// The number of columns of a border line (`+---+----+`, `+===+====+`), or nil.
    static func borderColumns(_ line: String) -> Int? {
        let bare = line.trimmingSpaces
        guard bare.count >= 3, bare.hasPrefix("+"), bare.hasSuffix("+"),
              bare.allSatisfy({ "+-=:".contains($0) }), bare.contains("-") || bare.contains("=") else { return nil }
        let columns = bare.filter { $0 == "+" }.count - 1
        return columns >= 2 ? columns : nil
    }

    /// One past the grid's last border line: its lines are borders and rows (`|` at both ends).
    private static func gridEnd(_ lines: SourceLines, from start: Int) -> Int? {
        var index = start + 1
        var lastBorder = start
        while index < lines.count {
            let line = lines.string(index).trimmingSpaces
            if borderColumns(line) != nil {
                lastBorder = index
            } else if !(line.hasPrefix("|") && line.hasSuffix("|")) {
                break
            }
            index += 1
        }
        return lastBorder > start ? lastBorder + 1 : nil
    }

    /// The grid's lines rewritten, as many as it had; nil when a row does not split into
    /// `columns` cells.
    private static func grid(_ lines: SourceLines, _ range: Range<Int>, columns: Int) -> [String]? {
        var rows: [(line: Int, cells: [String])] = []
        var open: (line: Int, cells: [String])?
        for index in range {
            let line = lines.string(index).trimmingSpaces
            if borderColumns(line) != nil {
                if let row = open { rows.append(row) }
                open = nil
                continue
            }
            let pieces = line.dropFirst().dropLast().split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard pieces.count == columns else { return nil }
            if open == nil { open = (index, Array(repeating: "", count: columns)) }
            for (column, piece) in pieces.enumerated() where !piece.isEmpty {
                open!.cells[column] = joined(open!.cells[column], piece)
            }
        }
        // Each column as wide as its widest cell (five at least: a rule has a run that long), two
        // spaces between: cells left-aligned in their rule's run, as pandoc writes a simple table.
        var widths = Array(repeating: 5, count: columns)
        for row in rows {
            for (column, cell) in row.cells.enumerated() { widths[column] = max(widths[column], displayWidth(cell)) }
        }
        var output = Array(repeating: "", count: range.count)
        let rule = "  " + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")
        output[0] = rule
        output[range.count - 1] = rule
        for row in rows {
            var text = "  "
            for (column, cell) in row.cells.enumerated() {
                text += cell
                if column < columns - 1 { text += String(repeating: " ", count: widths[column] - displayWidth(cell) + 2) }
            }
            output[row.line - range.lowerBound] = text
        }
        return output
    }

    /// A cell's pieces over the row's lines: joined directly (wrapped CJK text), with a space
    /// between two Latin letters or digits.
    private static func joined(_ text: String, _ piece: String) -> String {
        guard let last = text.unicodeScalars.last, let first = piece.unicodeScalars.first else { return text + piece }
        return last.isASCII && first.isASCII && last.properties.isAlphabetic && first.properties.isAlphabetic ? text + " " + piece : text + piece
    }

    /// Columns a terminal gives the text: two for an East Asian wide character, as pandoc pads.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (LayoutLine.isWide(Array(String(scalar).utf8)[...]) ? 2 : 1)
        }
    }
}

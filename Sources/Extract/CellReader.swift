import DisclosureModel

/// Reads the rows of a table region in source order, whatever the layout.
///
/// Delimited layouts split each line on their separator; in the one-cell-per-line layout a line
/// indented by a tab starts a cell and an unindented line continues the cell before it (Word breaks
/// long header words over lines: 商业 / 企业). Page furniture and rule lines are dropped and reported.
/// Cells are found and classified on the text's bytes as `CellSpan`s; `RowSegmenter` makes the rows.
struct CellReader {
    let lines: SourceLines
    let layout: Layout
    let strings: CellStrings?
    /// Structured sources (HTML, PDF, Word) write a row whose cells are all blank as a line of
    /// tabs: it is a row of empty cells (zeros), not a blank line.
    let keepsBlankRows: Bool
    /// The current table's cells, and the bytes of those not found as such in the text; kept for
    /// all the tables of a report so their capacity is reused.
    private var cells: [CellSpan] = []
    private var extra: [UInt8] = []

    init(lines: SourceLines, layout: Layout, strings: CellStrings?, keepsBlankRows: Bool = false) {
        self.lines = lines
        self.layout = layout
        self.strings = strings
        self.keepsBlankRows = keepsBlankRows
    }

    struct Output {
        var rows: [RawRow] = []
        var skippedArtifactLines: [Int] = []
    }

    mutating func read(_ range: Range<Int>) -> Output {
        var output = Output()
        cells.removeAll(keepingCapacity: true)
        // Delimited rows hold up to ten cells; most lines fewer.
        cells.reserveCapacity(layout == .cellPerLine ? range.count : 6 * range.count)
        extra.removeAll(keepingCapacity: true)
        lines.bytes.withUnsafeBufferPointer { text in
            for index in range {
                let line = lines.ranges[index]
                let indented = !line.isEmpty && text[line.lowerBound] == 0x09
                if ByteText.trimmed(text, line).isEmpty && !(layout == .cellPerLine && indented)
                    && !(keepsBlankRows && indented) { continue }
                let lineNumber = index + 1
                if !indented, ByteText.firstIndex(of: 0x09, in: text, line) == nil, ByteText.firstIndex(of: 0x7C, in: text, line) == nil,
                   PageArtifact.isPageArtifact(lines[index]) {
                    output.skippedArtifactLines.append(lineNumber)
                    continue
                }
                // Bold marks are rare: cells look for them only on lines that have a `*`.
                let marked = ByteText.firstIndex(of: 0x2A, in: text, line) != nil
                switch layout {
                case .pipeRows: split(line, on: 0x7C, lineNumber, marked: marked, in: text)
                case .tabRows: split(line, on: 0x09, lineNumber, marked: marked, in: text)
                case .cellPerLine: readIndentedCell(line, indented: indented, lineNumber, marked: marked, in: text)
                }
            }
            output.rows = extra.withUnsafeBufferPointer { RowSegmenter.rows(cells, text, $0, strings: strings) }
        }
        return output
    }

    /// Walks the fields in place rather than splitting the line into an array of slices.
    private mutating func split(_ line: Range<Int>, on separator: UInt8, _ lineNumber: Int, marked: Bool, in text: UnsafeBufferPointer<UInt8>) {
        // A trailing separator closes the last cell rather than opening an empty one.
        let end = text[line.upperBound - 1] == separator ? line.upperBound - 1 : line.upperBound
        var start = line.lowerBound
        while true {
            var stop = start
            while stop < end && text[stop] != separator { stop += 1 }
            add(CellSpan(start..<stop, of: text, line: lineNumber, marked: marked, extra: &extra))
            if stop == end { break }
            start = stop + 1
        }
    }

    private mutating func readIndentedCell(_ line: Range<Int>, indented: Bool, _ lineNumber: Int, marked: Bool, in text: UnsafeBufferPointer<UInt8>) {
        if indented {
            add(CellSpan((line.lowerBound + 1)..<line.upperBound, of: text, line: lineNumber, marked: marked, extra: &extra))
            return
        }
        let cell = CellSpan(line, of: text, line: lineNumber, marked: marked, extra: &extra)
        if let last = cells.indices.last, cells[last].kind != .empty, cells[last].kind != .number {
            // Keep the line break visible so Transform can report the label as split over lines.
            let start = extra.count
            copyToExtra(cells[last], from: text)
            extra.append(0x0A)
            copyToExtra(cell, from: text)
            // A line break makes any text a label.
            cells[last] = CellSpan(bytes: start..<extra.count, inExtra: true, line: cells[last].line, kind: .label)
        } else {
            add(cell)
        }
    }

    /// Appends a cell's bytes to `extra`; from `extra` itself a byte at a time, since appending a
    /// slice of the array to it would copy the whole array first.
    private mutating func copyToExtra(_ cell: CellSpan, from text: UnsafeBufferPointer<UInt8>) {
        if !cell.inExtra {
            extra.append(contentsOf: UnsafeBufferPointer(rebasing: text[cell.bytes]))
            return
        }
        for index in cell.bytes { extra.append(extra[index]) }
    }

    private mutating func add(_ cell: CellSpan) {
        if cell.kind != .rule { cells.append(cell) }
    }
}

import DisclosureModel

/// Tables 2 and 4 in space-aligned text, read line by line under their header words.
///
/// Table 2 is blocks of a header line (信息内容 and one word per value column) and item lines
/// (规章 0 0 5). Table 4 is header words stacked over 15 columns (结 / 果 / 维 / 持) and one line of
/// values. A line with all its columns printed reads in order; one with blanks is placed under the
/// header's columns, and left out when a value's column is unsure (unless its values are all zeros,
/// which read the same in any column).
struct LayoutGridTable {
    typealias Line = (index: Int, line: LayoutLine)

    let lines: [Line]
    let kind: TableKind
    /// The dash runs of the table's rule line, a column each (pandoc's text); empty without one.
    let rule: [Range<Int>]
    /// The text has pages (form feeds), so a number alone at a page's foot is its number.
    let paged: Bool

    init(_ lines: [Line], kind: TableKind, rule: [Range<Int>] = [], paged: Bool = true) {
        self.lines = lines
        self.kind = kind
        self.rule = rule
        self.paged = paged
    }

    func emit(into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        var skipped: [Int] = []
        var body: [Line] = []
        for (position, (index, line)) in lines.enumerated() where !line.words.isEmpty {
            if LayoutText.isPageFurniture(line) || LayoutText.isPageNumber(lines, at: position, paged: paged) {
                skipped.append(index)
            } else {
                body.append((index, line))
            }
        }
        if kind == .appeals { emitAppeals(body, into: &text, diagnostics: &diagnostics) } else { emitProactive(body, into: &text, diagnostics: &diagnostics) }
        if !skipped.isEmpty {
            diagnostics.append(Diagnostic(.extract, .pageArtifactSkipped,
                "table \(kind.sectionNumber): page furniture skipped at \(skipped.map { ConvertedText.origin(line: $0) }.joined(separator: ", "))", at: Diagnostic.Place(table: kind)))
        }
    }

    /// Header lines set the columns. An item line with fewer values than columns is placed under
    /// the block's columns; an item printed with no value at all is a row of blank cells, unless a
    /// line of values no label claims is in the table (then its cells are left out). A line of
    /// values alone belongs to the item label on the line before it, and a label line right after
    /// such a line ends that label (行政规范性 / 0  0  41 / 文件: a label wrapped around its values).
    private func emitProactive(_ body: [Line], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        struct Item {
            var index: Int
            var labels: [String]
            var values: [LayoutLine.Word]? = nil
            var isHeader = false
            var wrapsValues = false
            var labelColumn = 0
        }
        var items: [Item] = []
        for (index, line) in body {
            let labels = line.labels.map(\.text), values = line.values
            let last = items.indices.last
            if values.isEmpty {
                let isHeader = labels.contains { $0.hasPrefix("信息内容") || $0.hasPrefix("第二十条") }
                // The rest of a label: after a line of values without one, or indented under it
                // (a centred label column), or a single character.
                let continues = last.map { last in
                    !items[last].isHeader && !items[last].labels.isEmpty && (items[last].wrapsValues || !Self.startsItem(labels.joined()))
                } ?? false
                if !isHeader, continues, let last {
                    items[last].labels[items[last].labels.count - 1] += labels.joined()
                    items[last].wrapsValues = false
                } else {
                    items.append(Item(index: index, labels: labels, isHeader: isHeader, labelColumn: line.labels.first?.start ?? 0))
                }
            } else if labels.isEmpty, let last, !items[last].isHeader, items[last].values == nil {
                items[last].values = values
                items[last].wrapsValues = true
            } else {
                items.append(Item(index: index, labels: labels, values: values, labelColumn: line.labels.first?.start ?? 0))
            }
        }
        // A line of values no label claimed may be the rest of any row's: then no row is surely
        // printed short.
        let strayValues = items.contains { $0.labels.isEmpty && $0.values != nil }
        var header: [String] = []
        let tableValues = body.flatMap(\.line.values)
        for item in items {
            let origin = ConvertedText.origin(line: item.index)
            if item.isHeader {
                if let start = item.labels.firstIndex(where: { $0.hasPrefix("信息内容") }) { header = Array(item.labels[(start + 1)...]) }
                text.row(item.labels, origin: origin)
                continue
            }
            guard let values = item.values else {
                if strayValues {
                    // Printed above its label (pdfplumber's layout text), a value would be that line's.
                    // The label is not written: alone on its line, the text path would join it to the next.
                    diagnostics.append(Diagnostic(.extract, .cellMissing,
                        "table 二, \(origin): \(item.labels.joined(separator: " ")) has no values on its line, and a line of values no label claims is in the table: its cells may be those; left out", at: Diagnostic.Place(table: .proactive)))
                } else {
                    text.row(item.labels + Array(repeating: "", count: header.count), origin: origin)
                }
                continue
            }
            if values.count == header.count && !header.isEmpty || header.isEmpty && Self.isFullRow(item.labels, values.count) {
                text.row(item.labels + values.map(\.text), origin: origin)
            } else if !header.isEmpty, let slots = (LayoutColumns.rule(rule, expected: header.count, values: tableValues)
                        ?? blockColumns(around: item.index, body: body, count: header.count))?.slots(values) {
                text.row(item.labels + slots, origin: origin)
            } else if values.count < header.count, values.allSatisfy(\.isZero), !strayValues {
                text.row(item.labels + Array(repeating: "", count: header.count), origin: origin)
                diagnostics.append(Self.zeroRow("table 二, \(origin)", values, table: .proactive))
            } else {
                diagnostics.append(Diagnostic(.extract, .cellMissing,
                    "table 二, \(origin): \(values.count) value(s) (\(values.map(\.text).joined(separator: " "))) \(header.isEmpty ? "without a header line, not all the item's cells" : "under \(header.count) column(s)") whose places cannot be told for certain; left out", at: Diagnostic.Place(table: .proactive)))
            }
        }
    }

    /// Without a header line (its words not found), whether `count` values are all of an item's
    /// cells in one of the templates (`ProactiveItems`). Fewer could stand in any of its columns.
    static func isFullRow(_ labels: [String], _ count: Int) -> Bool {
        guard let item = ProactiveItems.item(startingWith: labels.joined().replacingOccurrences(of: " ", with: "")) else { return false }
        return count == item.cells2021 || count == item.cells2019
    }

    /// Table 2's items all start 规章, 规范性 or 行政 (行政许可 … 行政事业性收费): another label line is the
    /// rest of the one before (文件, 收费).
    static func startsItem(_ label: String) -> Bool {
        let bare = label.replacingOccurrences(of: " ", with: "")
        return ["规章", "规范性", "行政"].contains { bare.hasPrefix($0) }
    }

    /// The columns of the header block holding line `index` (from its header line to the next
    /// one), from where all its numbers stand: header words are no guide, since a converter
    /// pushes them aside on lines crowded with characters.
    private func blockColumns(around index: Int, body: [Line], count: Int) -> LayoutColumns? {
        let isHeader = { (line: LayoutLine) in line.values.isEmpty && line.labels.contains { $0.text.hasPrefix("信息内容") } }
        guard let position = body.firstIndex(where: { $0.index == index }) else { return nil }
        let start = body[..<position].lastIndex { isHeader($0.line) } ?? 0
        let end = body[(position + 1)...].firstIndex { isHeader($0.line) } ?? body.count
        let lines = body[start..<end].map(\.line.values)
        return LayoutColumns(words: lines.flatMap { $0 }, expected: count, fullLines: lines.filter { $0.count == count })
    }

    /// The one row of values printed over several lines: pdftotext sets an em dash cell (`——`)
    /// apart from its line, above or below it (or both, one dash each), at the cell's own column.
    /// A dash standing within a column of a dash on another line is that cell again; nil unless
    /// every other word stands at a column of its own.
    static func mergedDashLines(_ lines: [[LayoutLine.Word]]) -> [LayoutLine.Word]? {
        var cells: [LayoutLine.Word] = []
        var lineOf: [Int] = []
        for (number, line) in lines.enumerated() {
            for word in line {
                if let same = cells.indices.first(where: { abs(cells[$0].start - word.start) <= 1 }) {
                    guard lineOf[same] != number, ByteText.isDash(word.text), ByteText.isDash(cells[same].text) else { return nil }
                    continue
                }
                cells.append(word)
                lineOf.append(number)
            }
        }
        return cells.sorted { $0.start < $1.start }
    }

    /// Where blank cells are zeros, a row printing fewer values than columns, all zeros, is all
    /// zeros whichever columns they stand in.
    static func zeroRow(_ place: String, _ zeros: [LayoutLine.Word], table: TableKind) -> Diagnostic {
        Diagnostic(.extract, .cellEmpty,
            "\(place): only zeros (\(zeros.map(\.text).joined(separator: " "))) and blank cells; every cell read as 0, whichever columns the zeros stand in", at: Diagnostic.Place(table: table))
    }

    /// The 15 values: one line of them, in order when all are printed, else under the columns of
    /// the stacked header words.
    private func emitAppeals(_ body: [Line], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        let width = 15
        var headerWords: [LayoutLine.Word] = []
        let valueLines = body.filter { !$0.line.values.isEmpty }
        var pieces = StackedPieces.appeals
        for (index, line) in body {
            if line.values.isEmpty {
                let kept = pieces.keep(line.labels.map(\.text))
                if !kept.isEmpty { text.row(kept, origin: ConvertedText.origin(line: index)) }
                headerWords += line.labels.filter { word in !["复议", "诉讼", "起诉"].contains { word.text.contains($0) } }
            }
        }
        if let skipped = pieces.diagnostic(table: .appeals) { diagnostics.append(skipped) }
        guard let (index, line) = valueLines.first else { return }
        let origin = ConvertedText.origin(line: index)
        let values = line.values
        let allValues = valueLines.flatMap(\.line.values)
        if allValues.count < width, allValues.allSatisfy(\.isZero) {
            text.row(Array(repeating: "", count: width), origin: origin)
            diagnostics.append(Self.zeroRow("table 四, \(origin)", allValues, table: .appeals))
        } else if valueLines.count > 1, let merged = Self.mergedDashLines(valueLines.map(\.line.values)), merged.count == width {
            text.row(merged.map(\.text), origin: origin)
        } else if valueLines.count > 1 {
            diagnostics.append(Diagnostic(.extract, .cellMissing,
                "table 四: values on \(valueLines.count) lines (\(valueLines.map { ConvertedText.origin(line: $0.index) }.joined(separator: ", "))); left out", at: Diagnostic.Place(table: .appeals)))
        } else if values.count == width {
            text.row(values.map(\.text), origin: origin)
        } else if let slots = (LayoutColumns.rule(rule, expected: width, values: allValues)
                    ?? LayoutColumns(words: headerWords, expected: width, evenly: false))?.slots(values) {
            text.row(slots, origin: origin)
        } else {
            diagnostics.append(Diagnostic(.extract, .cellMissing,
                "table 四, \(origin): \(values.count) value(s) (\(values.map(\.text).joined(separator: " "))) whose columns cannot be told for certain; left out", at: Diagnostic.Place(table: .appeals)))
        }
    }
}

import DisclosureModel

/// Table 3 in space-aligned text: 25 rows of 7 values, labels wrapped over lines with the values
/// printed beside any of them, and the merged group cells (三、本年度办理结果, （三）不予公开 …) broken
/// into pieces on the lines of the rows they span.
///
/// A row starts at a numbered label (`1.`, `（二）`, `四、` and some text): the block runs to the next
/// one. Label pieces in the row label's column (or to its right) continue it; pieces to its left
/// are the group cells' fragments and are left out. The block's values are those of its one value
/// line, placed in the columns found from the whole table part (`LayoutColumns`). A block with no
/// value line is a row of blank cells when the table prints zeros as blanks; two value lines in a
/// block, or a value whose column is unsure, leave the row's values out, with a diagnostic; but a
/// row that can own only zeros is all zeros where blanks are zeros, whatever its columns, and the
/// top rows on squeezed lines are placed when the table's sums confirm them.
struct LayoutApplicationsTable {
    typealias Line = (index: Int, line: LayoutLine)

    struct Block {
        var firstLine: Int
        var groups: [String]
        var label: String
        var labelColumn: Int
        /// Where the row label's first line ends: header words right of every row label are
        /// column headers.
        var labelEnd: Int
        /// The last line holding a piece of the row label.
        var lastLabelLine: Int
        /// The page part the row starts in: the next page may set the label column elsewhere.
        var part = 0
        var valueLines: [ValueLine] = []

        /// A row numbered 1., 2. …: its label stays in the row-label column.
        var isNumbered: Bool { label.unicodeScalars.first { $0 != " " }.map { ("0"..."9").contains($0) } ?? false }
    }

    struct ValueLine {
        var index: Int
        var words: [LayoutLine.Word]
        var part: Int
        /// The line holds a piece of the row's label too.
        var besideLabel: Bool
    }

    let lines: [Line]
    /// The dash runs of the table's rule line, a column each (pandoc's text); empty without one.
    let rule: [Range<Int>]
    /// The text has pages (form feeds), so a number alone at a page's foot is its number.
    let paged: Bool
    static let width = 7

    init(_ lines: [Line], rule: [Range<Int>] = [], paged: Bool = true) {
        self.lines = lines
        self.rule = rule
        self.paged = paged
    }

    func emit(into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        var header: [Line] = []
        var blocks: [Block] = []
        var part = 0
        // Each part's header lines (the first, and any repeated on the next page): from the line
        // naming 申请人情况 to the next row.
        var headers: [Int: [LayoutLine]] = [:]
        var inHeader = true
        var skipped: [Int] = []
        let partLabelColumns = Self.labelColumns(lines)
        // Where the numbered rows' labels end so far: a repeated header's words stand right of it.
        var labelsEnd = 0
        // The last group label printed in the table part: its vertical text's next character may
        // stand under it, inside a row label's lines.
        var groupPiece: (word: LayoutLine.Word, part: Int)?
        for (position, (index, line)) in lines.enumerated() {
            if line.startsPage { part += 1 }
            guard !line.words.isEmpty else { continue }
            if LayoutText.isPageFurniture(line) || LayoutText.isPageNumber(lines, at: position, paged: paged) {
                skipped.append(index)
                continue
            }
            let labels = line.labels
            if let group = line.labelPieces.last(where: { Self.isGroup($0.text) }) { groupPiece = (group, part) }
            if labels.contains(where: { $0.text.contains("申请人情况") }) {
                inHeader = true
                headers[part] = []
            }
            if inHeader { headers[part, default: []].append(line) }
            // A line's last label may be a row's number alone, its text on the next line.
            if let start = labels.indices.last(where: { LayoutLine.startsNumberedLabel(Array(labels[$0].text.utf8))
                || $0 == labels.count - 1 && LayoutLine.isBareRowNumber(Array(labels[$0].text.utf8)) }),
               !continuesLabel(labels[start], line: line, of: blocks.last),
               !isGroupInsideRow(labels[start], line: line, of: blocks.last) {
                var block = Block(firstLine: index, groups: labels[..<start].map(\.text),
                                  label: labels[start...].map(\.text).joined(), labelColumn: labels[start].start,
                                  labelEnd: labels[labels.count - 1].end, lastLabelLine: index, part: part)
                if block.isNumbered { labelsEnd = max(labelsEnd, block.labelEnd) }
                if !line.values.isEmpty { block.valueLines.append(ValueLine(index: index, words: line.values, part: part, besideLabel: true)) }
                blocks.append(block)
                if inHeader { headers[part]?.removeLast() }
                inHeader = false
            } else if blocks.isEmpty {
                header.append((index, line))
                continue
            } else {
                let last = blocks.count - 1
                // In the label's column or right of it; a lone bracket or comma there is a piece of
                // a group's vertical text beside it. A label already whole takes nothing more: what
                // follows is a group's text. On a later page (a label broken over pages) the columns
                // may have moved: the rightmost of the line's pieces continues it (the others are
                // group cells'), a piece alone in the old column or that page's numbered labels' one;
                // a header repeated there is no part of it. A line's rightmost piece starting left
                // of the column but reaching well into it continues the label too (a centred
                // label's line pushed left; a group's text ends before the label's column).
                let newPage = part != blocks[last].part
                let column = newPage ? min(blocks[last].labelColumn, partLabelColumns[part] ?? .max) : blocks[last].labelColumn
                var continuing = Self.isWhole(blocks[last].label) ? [] : line.labelPieces.filter { piece in
                    !Self.isGroup(piece.text) && !piece.text.unicodeScalars.allSatisfy { "（）()、".unicodeScalars.contains($0) }
                        && !(inHeader && Self.isHeaderWord(piece, labelsEnd: labelsEnd))
                        && !Self.isUnderGroup(piece, groupPiece.flatMap { $0.part == part ? $0.word : nil }, labelColumn: column)
                }
                if newPage, continuing.count > 1 {
                    continuing = continuing.suffix(1)
                } else if let last = continuing.last, last.start < column - 1, last.end >= column + 2, !Self.isGroupFragment(last.text) {
                    continuing = [last]
                } else {
                    continuing.removeAll { $0.start < column - 1 }
                }
                blocks[last].label += continuing.map(\.text).joined()
                if !continuing.isEmpty { blocks[last].lastLabelLine = index }
                if !line.values.isEmpty {
                    blocks[last].valueLines.append(ValueLine(index: index, words: line.values, part: part, besideLabel: !continuing.isEmpty))
                }
            }
        }
        var pieces = StackedPieces.applications
        for (index, line) in header {
            let kept = pieces.keep(line.labels.map(\.text))
            if !kept.isEmpty { text.row(kept, origin: ConvertedText.origin(line: index)) }
        }
        // A rule line draws the columns exactly, for every row and page part alike. Otherwise each
        // page's part of the table has its columns, from the numbered rows' values only: a
        // converter squeezes the lines of the rows whose label spans the label columns (一、, （一）).
        let ruled = LayoutColumns.rule(rule, expected: Self.width, values: blocks.flatMap { $0.valueLines.flatMap(\.words) })
        let columns = (0...part).map { part -> LayoutColumns? in
            if let ruled { return ruled }
            let lines = blocks.filter(\.isNumbered).flatMap(\.valueLines).filter { $0.part == part }
            let full = lines.filter { $0.words.count == Self.width }.map(\.words)
            return LayoutColumns(words: lines.flatMap(\.words), expected: Self.width, fullLines: full)
                ?? headers[part].flatMap { LayoutColumns(header: Self.columnHeaderWords($0, blocks: blocks), numbers: lines.flatMap(\.words),
                                                         expected: Self.width, fullLines: full) }
        }
        let printsBlanks = blocks.contains { $0.valueLines.contains { $0.words.count < Self.width } }
        // Fewer values than the rows have cells: blanks for certain, not one row's values broken
        // over two lines (which would still add up to seven a row).
        let rows = blocks.filter { !Self.isGroup($0.label) }.count
        let surelyBlanks = printsBlanks && blocks.map { $0.valueLines.map(\.words.count).reduce(0, +) }.reduce(0, +) < Self.width * rows
        Self.giveTrailingValuesToNextRow(&blocks)
        Self.giveGroupValuesToRow(&blocks)
        let settled = Self.identicalLineRuns(blocks, doubtful: Self.doubtfulRows(blocks))
        let doubtful = Self.doubtfulRows(blocks).filter { settled[$0.key] == nil }
        // Each row's cells (nil: labels only), and the top rows placed on squeezed lines, kept only
        // if the table's sums confirm them.
        var cells: [[String]?] = []
        var squeezed: [(position: Int, line: Int)] = []
        var unplaced: [Int: ValueLine] = [:]
        let shared = Self.sharedLines(blocks, doubtful: doubtful)
        let sharing = Set(shared.flatMap(\.owners))
        var deferred: [Int: String] = [:]
        for (position, block) in blocks.enumerated() {
            let origin = ConvertedText.origin(line: block.firstLine)
            let zeros = surelyBlanks && !Self.isGroup(block.label) ? Self.onlyZeros(blocks, around: position, doubtful: doubtful[position] != nil) : nil
            if let zeros {
                if doubtful[position] != nil || (block.valueLines.first.map { $0.words.count < Self.width && !(block.isNumbered && columns[$0.part]?.slots($0.words) != nil) } ?? false) {
                    cells.append(Array(repeating: "", count: Self.width))
                    diagnostics.append(Diagnostic(.extract, .cellEmpty,
                        "table 三, \(origin): the row \"\(block.label)\" can own only zeros (\(zeros)) and blank cells; every cell read as 0, whichever columns the zeros stand in", at: Diagnostic.Place(table: .applications)))
                    continue
                }
            }
            if let line = settled[position] {
                cells.append(line)
                continue
            }
            if let why = doubtful[position] {
                cells.append(nil)
                if !block.valueLines.isEmpty || printsBlanks {
                    let detail = "table 三, \(origin): the row \"\(block.label)\": \(why); left out"
                    if sharing.contains(position) { deferred[position] = detail } else { diagnostics.append(Diagnostic(.extract, .cellMissing, detail, at: Diagnostic.Place(table: .applications))) }
                }
                continue
            }
            guard let values = block.valueLines.first else {
                cells.append(printsBlanks && !Self.isGroup(block.label) ? Array(repeating: "", count: Self.width) : nil)
                continue
            }
            if values.words.count == Self.width {
                cells.append(values.words.map(\.text))
            } else if let slots = columns[values.part]?.slots(values.words) {
                cells.append(slots)
                if !block.isNumbered && ruled == nil { squeezed.append((position, values.index)) }
            } else {
                cells.append(nil)
                unplaced[position] = values
            }
        }
        Self.placeUncertainRows(blocks, &cells, squeezed: squeezed, unplaced: unplaced, shared: shared, deferred: deferred, diagnostics: &diagnostics)
        for (block, cells) in zip(blocks, cells) {
            // A group's label cut short with no cells of its own (（三）不予) is one more piece.
            let label = cells == nil && Self.isGroup(block.label) ? pieces.keep([block.label]) : [block.label]
            let row = pieces.keep(block.groups) + label + (cells ?? [])
            if !row.isEmpty { text.row(row, origin: ConvertedText.origin(line: block.firstLine)) }
        }
        if let skippedPieces = pieces.diagnostic(table: .applications) { diagnostics.append(skippedPieces) }
        if !skipped.isEmpty {
            diagnostics.append(Diagnostic(.extract, .pageArtifactSkipped,
                "table 三: page furniture skipped at \(skipped.map { ConvertedText.origin(line: $0) }.joined(separator: ", "))", at: Diagnostic.Place(table: .applications)))
        }
    }

    /// Rows placed on a squeezed line are kept when the table's sums confirm them; otherwise they
    /// and the rows whose columns are unsure are placed by the sums when only one placement of
    /// their printed values satisfies them, else left out.
    static func placeUncertainRows(_ blocks: [Block], _ cells: inout [[String]?], squeezed: [(position: Int, line: Int)],
                                   unplaced: [Int: ValueLine], shared: [(line: ValueLine, owners: [Int])], deferred: [Int: String],
                                   diagnostics: inout [Diagnostic]) {
        guard !squeezed.isEmpty || !unplaced.isEmpty || !shared.isEmpty else { return }
        let labels = blocks.map(\.label)
        var printed = unplaced.mapValues { $0.words.map(\.text) }
        // A line shared by numbered rows adds the same to the sums whichever owns it: it is placed
        // as the first's and both rows stay out; the sums decide only other owners.
        var undecided: [Int] = []
        for group in shared where group.owners.allSatisfy({ blocks[$0].isNumbered }) {
            printed[group.owners[0]] = group.line.words.map(\.text)
            for other in group.owners.dropFirst() { cells[other] = Array(repeating: "", count: width) }
            undecided += group.owners
        }
        let sharedWords = shared.filter { !$0.owners.allSatisfy { blocks[$0].isNumbered } }.map { ($0.line.words.map(\.text), $0.owners) }
        func read(_ placed: [Int: [String]]) {
            for position in undecided { cells[position] = nil }
            for (position, row) in placed.sorted(by: { $0.key < $1.key }) where !undecided.contains(position) {
                cells[position] = row
                let shown = row.filter { !$0.isEmpty }.joined(separator: " ")
                diagnostics.append(Diagnostic(.extract, .placedBySums,
                    "table 三, \(ConvertedText.origin(line: blocks[position].firstLine)): the row \"\(blocks[position].label)\" (\(shown.isEmpty ? "blank" : shown)) read by the table's sums, the one reading of the rows not placed for certain, their values in printed order, that makes every row and column add up (so the checks cannot confirm it again)", at: Diagnostic.Place(table: .applications)))
            }
            for position in undecided.sorted() { if let detail = deferred[position] { diagnostics.append(Diagnostic(.extract, .cellMissing, detail, at: Diagnostic.Place(table: .applications))) } }
        }
        // The squeezed rows where the columns put them, if the sums confirm that.
        if !squeezed.isEmpty, unplaced.isEmpty && shared.isEmpty ? sumsHold(labels, cells) : true,
           let placed = unplaced.isEmpty && shared.isEmpty ? [:] : placeBySums(labels, cells, printed: printed, shared: sharedWords) {
            for (position, line) in squeezed {
                diagnostics.append(Diagnostic(.extract, .placedBySums,
                    "table 三, \(ConvertedText.origin(line: line)): the row \"\(blocks[position].label)\" placed under the columns of the numbered rows, confirmed by the table's sums (which therefore cannot confirm it again)", at: Diagnostic.Place(table: .applications)))
            }
            read(placed)
            return
        }
        for (position, _) in squeezed {
            printed[position] = blocks[position].valueLines[0].words.map(\.text)
            cells[position] = nil
        }
        if let placed = placeBySums(labels, cells, printed: printed, shared: sharedWords) {
            read(placed)
            return
        }
        for position in undecided { cells[position] = nil }
        for (_, detail) in deferred.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.extract, .cellMissing, detail, at: Diagnostic.Place(table: .applications)))
        }
        for (position, line) in squeezed {
            diagnostics.append(Diagnostic(.extract, .cellMissing,
                "table 三, \(ConvertedText.origin(line: line)): the row \"\(blocks[position].label)\" is printed where a converter may squeeze a line, and the table's sums do not confirm its values under the columns; left out", at: Diagnostic.Place(table: .applications)))
        }
        for (_, values) in unplaced.sorted(by: { $0.key < $1.key }) {
            diagnostics.append(Diagnostic(.extract, .cellMissing,
                "table 三, \(ConvertedText.origin(line: values.index)): \(values.words.count) value(s) (\(values.words.map(\.text).joined(separator: " "))) whose columns cannot be told for certain; the row's values are left out", at: Diagnostic.Place(table: .applications)))
        }
    }

    /// Lines of values standing alone between a row's label and a neighbour's that has no values
    /// (either row's, so both rows are doubtful), with the rows that may own them; a row that
    /// could share two lines is in none.
    static func sharedLines(_ blocks: [Block], doubtful: [Int: String]) -> [(line: ValueLine, owners: [Int])] {
        var shared: [(line: ValueLine, owners: [Int])] = []
        for (position, block) in blocks.enumerated() where doubtful[position] != nil && block.valueLines.count == 1 {
            let line = block.valueLines[0]
            guard !line.besideLabel, line.index > block.lastLabelLine else { continue }
            let neighbours = [position - 1, position + 1].filter {
                blocks.indices.contains($0) && blocks[$0].valueLines.isEmpty && doubtful[$0] != nil && !isGroup(blocks[$0].label)
            }
            if !neighbours.isEmpty { shared.append((line, [position] + neighbours)) }
        }
        let owners = shared.flatMap(\.owners)
        return shared.filter { group in group.owners.allSatisfy { owner in owners.filter { $0 == owner }.count == 1 } }
    }

    /// The leftmost column a numbered row label (`1.`, `2.` …) starts in, per page part: a label
    /// broken over a page goes on in the new page's column, which pdftotext may set elsewhere.
    static func labelColumns(_ lines: [Line]) -> [Int: Int] {
        var columns: [Int: Int] = [:]
        var part = 0
        for (_, line) in lines {
            if line.startsPage { part += 1 }
            for piece in line.labelPieces where piece.text.first.map({ ("0"..."9").contains($0) }) == true
                && LayoutLine.startsNumberedLabel(Array(piece.text.utf8), orIsANumber: true) {
                columns[part] = min(columns[part] ?? piece.start, piece.start)
            }
        }
        return columns
    }

    /// The note printed in the header's label cell, in full-width punctuation.
    static let headerNote = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

    /// The header's column words, whole: a repeated header prints them in pieces (商业 / 企业).
    static let headerWords = ["自然人", "商业企业", "科研机构", "社会公益组织", "社会组织", "法律服务机构", "其他", "总计", "合计"]

    /// A word of a header repeated on the next page: its cells 申请人情况 and 法人或其他组织 (each
    /// on one line), a piece of its column words (a single character only right of every numbered
    /// row's label, where a label's last character is not), or a piece of its note.
    static func isHeaderWord(_ piece: LayoutLine.Word, labelsEnd: Int) -> Bool {
        let text = piece.text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "(", with: "（")
            .replacingOccurrences(of: ")", with: "）").replacingOccurrences(of: ":", with: "：").replacingOccurrences(of: ",", with: "，")
        if text.contains("申请人情况") || text.contains("法人或其他组织") { return true }
        if headerWords.contains(where: { $0.contains(text) }), text.count >= 2 || piece.start >= labelsEnd { return true }
        return text.count >= 2 && headerNote.contains(text)
    }

    /// The header's words over the value columns (自然 / 人, 商业 / 企业, …, 总计): right of every
    /// row label, without the headings that span several columns.
    ///
    /// Single characters one space apart are one word: pandoc's plain text writes a cell's stacked
    /// characters so (`自 然 人`, `合 计`). Longer pieces one space apart stay apart: pdftotext
    /// prints two columns' words so (`社会 法律`).
    static func columnHeaderWords(_ header: [LayoutLine], blocks: [Block]) -> [LayoutLine.Word] {
        guard let labelsEnd = blocks.filter(\.isNumbered).map(\.labelEnd).max() else { return [] }
        return header.flatMap { line in
            line.labelPieces.reduce(into: [LayoutLine.Word]()) { words, piece in
                if let last = words.last, piece.start - last.end == 1, piece.text.count == 1,
                   last.text.split(separator: " ").allSatisfy({ $0.count == 1 }) {
                    words[words.count - 1].text += " " + piece.text
                    words[words.count - 1].end = piece.end
                } else {
                    words.append(piece)
                }
            }
        }.filter { word in
            word.start > labelsEnd && !["申请人", "法人", "其他组织"].contains { word.text.contains($0) }
        }
    }

    /// Rows whose values cannot be told for certain, with why: values on two lines; or a line of
    /// values alone, outside its row's label lines, beside a row with no values (either row's); or
    /// no values beside such a row.
    static func doubtfulRows(_ blocks: [Block]) -> [Int: String] {
        var doubtful: [Int: String] = [:]
        for (position, block) in blocks.enumerated() {
            if block.valueLines.count > 1 {
                doubtful[position] = "values on \(block.valueLines.count) lines (\(block.valueLines.map { ConvertedText.origin(line: $0.index) }.joined(separator: ", ")))"
                continue
            }
            guard let line = block.valueLines.first, !line.besideLabel, line.index > block.lastLabelLine else { continue }
            for neighbour in [position - 1, position + 1] where blocks.indices.contains(neighbour) && blocks[neighbour].valueLines.isEmpty {
                let why = "the values at \(ConvertedText.origin(line: line.index)) stand between the labels of \"\(block.label)\" and \"\(blocks[neighbour].label)\" and may be either row's"
                doubtful[position] = why
                doubtful[neighbour] = why
            }
        }
        for (position, block) in blocks.enumerated() where block.valueLines.isEmpty && doubtful[position] == nil {
            if [position - 1, position + 1].contains(where: { blocks.indices.contains($0) && blocks[$0].valueLines.count > 1 }) {
                doubtful[position] = "no values of its own, and a row beside it has values on two lines, one of which may be this row's"
            }
        }
        return doubtful
    }

    /// Rows whose lines of values are unsure (on two lines, between two rows' labels) but whose
    /// run of neighbouring unsure rows holds exactly one full line per row, all printed alike
    /// (`0 0 0 0 0 0 0`): whichever line is whose, each row reads the same. By block position.
    static func identicalLineRuns(_ blocks: [Block], doubtful: [Int: String]) -> [Int: [String]] {
        var settled: [Int: [String]] = [:]
        var start = 0
        while start < blocks.count {
            guard doubtful[start] != nil else { start += 1; continue }
            var end = start
            while end + 1 < blocks.count, doubtful[end + 1] != nil || (isGroup(blocks[end + 1].label) && end + 2 < blocks.count && doubtful[end + 2] != nil) {
                end += 1
            }
            let run = start...end
            let rows = run.filter { !isGroup(blocks[$0].label) }
            let lines = run.flatMap { blocks[$0].valueLines.map { $0.words.map(\.text) } }
            if lines.count == rows.count, let first = lines.first, first.count == width, lines.allSatisfy({ $0 == first }) {
                for position in rows { settled[position] = first }
            }
            start = end + 1
        }
        return settled
    }

    /// The zeros a row may own, when a row that prints some values prints nothing but zeros, and
    /// so is all zeros in a table whose blank cells are zeros; nil otherwise. A doubtful row's
    /// values may be in its neighbours' lines: those must be all zeros too.
    static func onlyZeros(_ blocks: [Block], around position: Int, doubtful: Bool) -> String? {
        let owners = doubtful ? blocks[max(0, position - 1)...min(blocks.count - 1, position + 1)] : blocks[position...position]
        let words = owners.flatMap { $0.valueLines.flatMap(\.words) }
        guard !blocks[position].valueLines.isEmpty || doubtful, !words.isEmpty, words.allSatisfy(\.isZero) else { return nil }
        return words.map(\.text).joined(separator: " ")
    }

    /// A value line after the last piece of a row's label, when the row has another value line
    /// and the next row none: the next row's, printed above its first line because its label is
    /// wrapped and its values centred beside it.
    static func giveTrailingValuesToNextRow(_ blocks: inout [Block]) {
        for index in blocks.indices.dropLast() {
            guard blocks[index].valueLines.count == 2, blocks[index + 1].valueLines.isEmpty,
                  let last = blocks[index].valueLines.last, last.index > blocks[index].lastLabelLine else { continue }
            blocks[index + 1].valueLines.append(blocks[index].valueLines.removeLast())
        }
    }

    /// A line of values beside a group's label (`（三）不予公   0 0 0 …`) between a row with values
    /// and one without: the latter's, since each row prints one line of values and the other
    /// has its own (the row label printed on the next line, its values centred beside the group).
    static func giveGroupValuesToRow(_ blocks: inout [Block]) {
        for index in blocks.indices.dropFirst().dropLast() where isGroup(blocks[index].label) && blocks[index].valueLines.count == 1 {
            let before = index - 1, after = index + 1
            guard !isGroup(blocks[before].label), !isGroup(blocks[after].label) else { continue }
            let owner: Int
            switch (blocks[before].valueLines.count, blocks[after].valueLines.count) {
            case (1, 0): owner = after
            case (0, 1): owner = before
            default: continue
            }
            var line = blocks[index].valueLines.removeLast()
            line.besideLabel = false
            blocks[owner].valueLines.append(line)
        }
    }

    /// The template numbers its groups 三、 and （三）…（六）: a group's label is never a row of
    /// blank cells (cut short, （六）其他 would read as the row 3.其他).
    static func isGroup(_ label: String) -> Bool {
        let bare = label.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
        return ["三、", "（三）", "（四）", "（五）", "（六）"].contains { bare.hasPrefix($0) }
    }

    /// A group's label (（六）其他处, `三、本 法提`) alone on a line, printed among the lines of a row
    /// label not yet whole: a piece of the merged group cell beside the row, not a row (values on
    /// its line are the row's).
    func isGroupInsideRow(_ word: LayoutLine.Word, line: LayoutLine, of block: Block?) -> Bool {
        guard let block, !Self.isWhole(block.label), line.labels.count == 1 else { return false }
        return Self.isGroup(word.text)
    }

    /// A piece of a group's number broken over lines (`（三`, `）不`): never a row label's text.
    static func isGroupFragment(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        guard let first = scalars.first else { return false }
        if "）)".unicodeScalars.contains(first) { return true }
        return "（(".unicodeScalars.contains(first) && scalars.count > 1 && "一二三四五六七八九十".unicodeScalars.contains(scalars[1])
    }

    /// A character or two under a group's label (（六）其他处 / 理), off the row label's column:
    /// the group's vertical text going on, printed among the row label's lines.
    static func isUnderGroup(_ piece: LayoutLine.Word, _ group: LayoutLine.Word?, labelColumn: Int) -> Bool {
        guard let group, piece.text.count <= 2, piece.start > labelColumn + 1 else { return false }
        return piece.start >= group.start && piece.end <= group.end + 1
    }

    /// A group's piece printed before the rest of the row label above (`（六） 政府信息公开申请`,
    /// `（三）不予 益`, `三、本年    卷`): the group stands left of the label's column, the rest in it.
    func continuesLabel(_ word: LayoutLine.Word, line: LayoutLine, of block: Block?) -> Bool {
        guard let block else { return false }
        let pieces = line.labelPieces.filter { $0.start >= word.start }
        guard pieces.count >= 2, let group = pieces.first, group.start < block.labelColumn - 1, Self.isGroup(group.text),
              !Self.isWhole(block.label) || !LayoutLine.startsNumberedLabel(Array(group.text.utf8)),
              !pieces.dropFirst().contains(where: { LayoutLine.startsNumberedLabel(Array($0.text.utf8), orIsANumber: true) }) else { return false }
        return pieces.dropFirst().allSatisfy { $0.start >= block.labelColumn - 1 }
    }

    /// How the template's row labels end (申请数量, 国家秘密, …, 继续办理). A label ending so is whole:
    /// pieces printed below it in its column belong to the merged group cell beside it.
    static let endings = ["申请数量", "予以公开", "其他情形）", "其他情形)", "国家秘密", "禁止公开", "稳定”", "稳定\"",
                          "合法权益", "事务信息", "过程性信息", "执法案卷", "查询事项", "相关政府信息", "另行制作", "仍不明确",
                          "投诉类申请", "重复申请", "公开出版物", "反复申请", "已获取信息", "处理其政府信息公开申请", "总计", "继续办理"]

    static func isWhole(_ label: String) -> Bool {
        let bare = label.replacingOccurrences(of: " ", with: "")
        return endings.contains { bare.hasSuffix($0) } || ["3.其他", "3．其他", "3、其他"].contains(bare)
    }
}

import DisclosureModel

/// A markdown file read as what the text path needs: lines of prose and tables of cells.
enum MarkdownBlock {
    /// A heading or paragraph line without its markdown marks; `line` is its index in the file.
    case text(String, line: Int)
    case table(MarkdownTable)
}

/// A pipe table: its header row (nil for pipe rows without a separator row, a table continued
/// without its header) and its rows, each cell cleaned.
struct MarkdownTable {
    struct Row {
        var cells: [String]
        var line: Int
    }

    var header: Row?
    var rows: [Row]
    /// An HTML table left in the markdown: its rows as a web page's are read, passed on as they
    /// are (`rows` holds their cells, to tell which of the template's tables it is).
    var html: VirtualText? = nil
}

extension MarkdownText {
    /// The file as blocks, in order. Separator rows are dropped; a table ends at a line without `|`.
    static func blocks(_ lines: SourceLines) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var table: MarkdownTable?
        // The open table's rows are written without a leading or closing `|` (html2text: `a | b`,
        // its separator `---|---`): there a row that starts with `|` has a blank first cell, and
        // one that ends with `|` a blank last cell.
        var unpiped = false
        func closeTable() {
            if let done = table { blocks.append(.table(done)) }
            table = nil
            unpiped = false
        }
        lines.bytes.withUnsafeBufferPointer { text in
            var index = -1
            while index + 1 < lines.count {
                index += 1
                let line = lines.ranges[index]
                if let (htmlTable, last) = htmlTable(lines, at: index) {
                    closeTable()
                    blocks.append(.table(htmlTable))
                    index = last
                    continue
                }
                let hasPipe = ByteText.firstIndex(of: pipe, in: text, line) != nil
                // html2text writes a blank first cell as a line break: a line of spaces, then the
                // row's next cells on a line opened by `|`.
                if unpiped, table != nil, !hasPipe, !line.isEmpty, text[line].allSatisfy({ $0 == 0x20 }),
                   index + 1 < lines.count, lines.string(index + 1).trimmingSpaces.hasPrefix("|") { continue }
                if hasPipe, isSeparatorRow(text, line) { continue }
                var string = lines.string(index)
                let first = index
                var blankLastCell = false
                let blankFirstCell = unpiped && table != nil && string.trimmingSpaces.hasPrefix("|")
                if hasPipe { (string, blankLastCell) = brokenCellsJoined(string, lines, after: &index, blankFirstCell: blankFirstCell) }
                if unpiped, table != nil, !blankLastCell { blankLastCell = Self.endsInOpenCell(string) }
                if hasPipe, let cells = tableCells(string, blankLastCell: blankLastCell, blankFirstCell: blankFirstCell) {
                    let row = MarkdownTable.Row(cells: cells, line: first)
                    if table != nil {
                        table?.rows.append(row)
                    } else if index + 1 < lines.count, isSeparatorRow(text, lines.ranges[index + 1]) {
                        table = MarkdownTable(header: row, rows: [])
                        let separator = lines.string(index + 1).trimmingSpaces.trimmingCharacters(in: "\r")
                        unpiped = !separator.hasPrefix("|") && !separator.hasSuffix("|") && !string.trimmingSpaces.hasPrefix("|")
                    } else {
                        table = MarkdownTable(header: nil, rows: [row])
                    }
                    continue
                }
                closeTable()
                let cleaned = textLine(string)
                if !cleaned.isEmpty { blocks.append(.text(cleaned, line: index)) }
            }
        }
        closeTable()
        return blocks
    }

    /// An HTML table starting at line `index` (`<table …>` to the line holding `</table>`), read
    /// by the web page reader, with the index of its last line; nil for any other line, a table
    /// never closed or one with no rows.
    static func htmlTable(_ lines: SourceLines, at index: Int) -> (MarkdownTable, last: Int)? {
        let opening = lines.string(index).trimmingSpaces.lowercased()
        guard opening.hasPrefix("<table") else { return nil }
        var last = index
        while !lines.string(last).lowercased().contains("</table>") {
            last += 1
            guard last < lines.count else { return nil }
        }
        let fragment = (index...last).map { lines.string($0) }.joined(separator: "\n")
        guard let rows = HTMLSource.tableRows(fragment: Array(fragment.utf8)), !rows.isEmpty else { return nil }
        let cells = rows.lines.map { MarkdownTable.Row(cells: $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init), line: index) }
        return (MarkdownTable(header: nil, rows: cells, html: rows), last)
    }

    /// html2text's row with blank cells: it writes a blank cell as a line break (`一、… |  18 |    `,
    /// then `|  `, `|  `, `|  1 |    `, `|  19`), so the row goes on in lines that start with its
    /// next cell's `|`; a blank last cell leaves a line of spaces after the row. A row written
    /// without a leading `|` and ending in an open cell takes those lines (`index` moves past
    /// them); `blankLastCell` says its closing `|` opens a blank cell. Rows opened by `|` (pandoc,
    /// GitHub tables) end at their line.
    static func brokenCellsJoined(_ string: String, _ lines: SourceLines, after index: inout Int,
                                  blankFirstCell: Bool = false) -> (String, blankLastCell: Bool) {
        guard blankFirstCell || !string.trimmingSpaces.hasPrefix("|"), endsInOpenCell(string) else { return (string, false) }
        var joined = string
        while index + 1 < lines.count, endsInOpenCell(joined) {
            let next = lines.string(index + 1)
            // `|  - |    ` is a dash cell, not a separator row (`|---|`), in a row already open.
            guard next.trimmingSpaces.hasPrefix("|"), !(next.contains("---") && isSeparatorLine(next)) else { break }
            joined += " " + next
            index += 1
        }
        guard endsInOpenCell(joined), index + 1 < lines.count else { return (joined, false) }
        let next = lines.string(index + 1).trimmingCharacters(in: "\r")
        guard !next.isEmpty, next.allSatisfy({ $0 == " " }) else { return (joined, false) }
        index += 1
        return (joined, true)
    }

    /// Whether a row's text ends with a `|` (not an escaped `\|`): in html2text's rows, a cell
    /// opened and not yet closed.
    static func endsInOpenCell(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces.trimmingCharacters(in: "\r")
        return trimmed.hasSuffix("|") && !trimmed.hasSuffix("\\|")
    }

    /// A `|---|---|` row, as a string.
    private static func isSeparatorLine(_ line: String) -> Bool {
        let bytes = Array(line.utf8)
        return bytes.withUnsafeBufferPointer { isSeparatorRow($0, 0..<bytes.count) }
    }

    /// The cells of a pipe row (`| a | b |`, `a | b`), or nil when the line is prose with a `|` in
    /// it. `\|` is a pipe inside a cell. With `blankLastCell` the closing `|` opens a last, blank
    /// cell (`brokenCellsJoined`); with `blankFirstCell` the leading `|` closes a first, blank one
    /// (a row of a table written without leading pipes).
    static func tableCells(_ line: String, blankLastCell: Bool = false, blankFirstCell: Bool = false) -> [String]? {
        var body = Substring(line.trimmingSpaces.trimmingCharacters(in: "\r"))
        let opened = body.hasPrefix("|")
        if opened && !blankFirstCell { body = body.dropFirst() }
        if body.hasSuffix("|") && !body.hasSuffix("\\|") && !blankLastCell { body = body.dropLast() }
        var cells: [String] = []
        var cell = ""
        var escaped = false
        for character in body {
            if escaped {
                if character != "|" { cell.append("\\") }
                cell.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "|" {
                cells.append(cleanCell(cell))
                cell = ""
            } else {
                cell.append(character)
            }
        }
        if escaped { cell.append("\\") }
        cells.append(cleanCell(cell))
        // A row has two cells at least, or is opened by a pipe.
        return cells.count >= 2 || opened ? cells : nil
    }

    /// A cell as printed: `<br>` (a wrapped label) joined, bold marks and `&nbsp;` dropped, spaces
    /// trimmed, and markdown's backslash escapes undone (`1\. 属于…`: html2text and pandoc escape a
    /// number that would start a list).
    static func cleanCell(_ cell: String, unescape: Bool = true) -> String {
        var text = cell
        if text.contains("<") {
            for tag in ["<br>", "<br/>", "<br />", "<BR>", "<BR/>", "<BR />", "<b>", "</b>", "<strong>", "</strong>"] {
                text = text.replacingAll(tag, with: "")
            }
        }
        if text.contains("&") { text = text.replacingAll("&nbsp;", with: " ") }
        if text.contains("**") { text = text.replacingAll("**", with: "") }
        if text.contains("__") { text = text.replacingAll("__", with: "") }
        return unescape ? unescaped(text.trimmingSpaces) : text.trimmingSpaces
    }

    /// Without the backslash of each escaped ASCII punctuation character (`\.` → `.`, `\*` → `*`).
    static func unescaped(_ text: String) -> String {
        guard text.contains("\\") else { return text }
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                if !(character.isASCII && character.isPunctuation || character.isASCII && character.isSymbol) { result.append("\\") }
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        if escaped { result.append("\\") }
        return result
    }

    /// A heading or paragraph line without `#`, `>`, list markers and bold marks; empty for blank
    /// lines and thematic breaks (`---`, `***`).
    static func textLine(_ line: String) -> String {
        var text = Substring(cleanCell(line.trimmingCharacters(in: "\r"), unescape: false))
        if !text.isEmpty, text.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == "=" || $0 == " " }) { return "" }
        while text.first == "#" || text.first == ">" { text = text.dropFirst().drop { $0 == " " } }
        for marker in ["- ", "* ", "+ "] where text.hasPrefix(marker) {
            text = text.dropFirst(marker.count)
            break
        }
        // `1. ` is a markdown list marker; `1.属于…` (no space) is the report's own numbering.
        if let dot = text.firstIndex(of: "."), text[..<dot].allSatisfy(\.isASCIIDigit), dot != text.startIndex,
           text[text.index(after: dot)...].first == " " {
            text = text[text.index(after: dot)...]
        }
        // After the list marker: an escaped number (`1\. `) is the report's, not a list's.
        return unescaped(String(text).trimmingSpaces)
    }
}

fileprivate extension String {
    /// Without the given characters at either end.
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self)
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        return String(scalars)
    }

    /// Every occurrence of `target` replaced (Foundation is not imported here).
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}

fileprivate extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

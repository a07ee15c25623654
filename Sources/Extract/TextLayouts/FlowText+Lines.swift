/// A line of reading-order text, classified for the table readers: a value alone on its line, a line
/// of several values, text, or blank (page footers become blank).
struct FlowLine {
    enum Kind { case blank, value, values, text }
    let kind: Kind
    /// Trimmed, as printed.
    let text: String
    /// Without spaces, with half-width brackets made full-width: what labels are matched on.
    let key: String
    /// Index of the line in the file.
    let line: Int
}

/// The file's lines as `FlowLine`s, page footers (`-3-`, `— 3 —`, `第 3 页 共 5 页`, a bare page
/// number closing its page) blanked: between two cells they would read as a value or split a block.
struct FlowLines {
    private(set) var lines: [FlowLine] = []

    /// `unbrokenPageNumbers`: in text without form feeds, look for bare page numbers anyway
    /// (`UnbrokenPageNumbers`); not for text that has none (LibreOffice's text export).
    init(_ source: SourceLines, unbrokenPageNumbers: Bool = true) {
        var page = 1
        var lastFilled: Int?
        lines.reserveCapacity(source.count)
        for index in 0..<source.count {
            let raw = source[index]
            if raw.first == 0x0C {
                if let last = lastFilled { blankIfFooter(last, page: page) }
                page += 1
                lastFilled = nil
            }
            let text = String(decoding: ByteText.trimmed(raw), as: UTF8.self)
            let line = Self.classify(text, line: index)
            if line.kind != .blank { lastFilled = lines.count }
            lines.append(line)
        }
        if let last = lastFilled { blankIfFooter(last, page: page) }
        if page == 1 && unbrokenPageNumbers { blankPageNumberChain() }
    }

    /// Gives each line the file line `number(line)`: for lines read from a rewritten text.
    mutating func renumber(_ number: (Int) -> Int) {
        lines = lines.map { FlowLine(kind: $0.kind, text: $0.text, key: $0.key, line: number($0.line)) }
    }

    /// Bare page numbers of text without form feeds (`UnbrokenPageNumbers`), blanked.
    private mutating func blankPageNumberChain() {
        let found = UnbrokenPageNumbers.find(lineCount: lines.count,
                                             number: { lines[$0].kind == .value ? UnbrokenPageNumbers.number(lines[$0].key) : nil },
                                             isBlank: { lines[$0].kind == .blank })
        for index in found { lines[index] = FlowLine(kind: .blank, text: "", key: "", line: lines[index].line) }
    }

    private mutating func blankIfFooter(_ index: Int, page: Int) {
        let key = lines[index].key
        if key == String(page) || Self.isPageMark(key) {
            lines[index] = FlowLine(kind: .blank, text: "", key: "", line: lines[index].line)
        }
    }

    /// What labels are matched on: no spaces, half-width brackets made full-width.
    static func key(_ text: String) -> String {
        text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{3000}", with: "")
            .replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
    }

    static func classify(_ text: String, line: Int) -> FlowLine {
        let key = key(text)
        if text.isEmpty || isPageMark(key) { return FlowLine(kind: .blank, text: "", key: "", line: line) }
        let words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        if words.allSatisfy(isValue) { return FlowLine(kind: words.count == 1 ? .value : .values, text: text, key: key, line: line) }
        return FlowLine(kind: .text, text: text, key: key, line: line)
    }

    /// A number, a dash standing for zero or an amount with its unit (`251000元`), as one cell prints it.
    /// A number ending in a point is a label's enumerator split off its label (`5.` / `属于三类…`).
    static func isValue(_ word: String) -> Bool {
        if word.hasSuffix(".") || word.hasSuffix("．") { return false }
        return ByteText.isNumber(word) || ByteText.isDash(word) || ByteText.isNumberWithUnit(word)
    }

    /// Whether a line of text ends with a value set apart by a space (`行政许可 95`, `规 章 0 0 10`).
    static func endsWithValue(_ text: String) -> Bool {
        guard let space = text.lastIndex(of: " ") else { return false }
        return isValue(String(text[text.index(after: space)...]))
    }

    /// `-3-`, `—3—`, `第3页共5页`, `第3页`: never a cell.
    static func isPageMark(_ key: String) -> Bool {
        let dashes: Set<Character> = ["-", "—", "–", "－"]
        if let first = key.first, let last = key.last, dashes.contains(first), dashes.contains(last) {
            let inner = key.drop { dashes.contains($0) }.reversed().drop { dashes.contains($0) }
            return !inner.isEmpty && inner.allSatisfy(\.isASCIIDigitCharacter)
        }
        guard key.hasPrefix("第"), let 页 = key.firstIndex(of: "页") else { return false }
        let number = key[key.index(after: key.startIndex)..<页]
        guard !number.isEmpty, number.allSatisfy(\.isASCIIDigitCharacter) else { return false }
        let rest = key[key.index(after: 页)...]
        if rest.isEmpty { return true }
        guard rest.hasPrefix("共"), rest.hasSuffix("页"), rest.count > 2 else { return false }
        return rest.dropFirst().dropLast().allSatisfy(\.isASCIIDigitCharacter)
    }
}

extension Character {
    fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}

/// Where the three tables are: from each heading to the next (table 4 to `五、` or the end). Table 4's
/// header and first cells can come before its heading (`pdftotext` reads the page's columns in its
/// own order): table 3 then ends at the first of table 4's header words after its first row label,
/// and what follows up to the heading is read with table 4.
struct FlowRegions {
    enum Table { case proactive, applications, appeals }
    struct Region {
        let table: Table
        /// The lines after the heading that belong to the table region.
        let range: Range<Int>
        /// The table's lines: `range`, less table 4's lead for table 3, with it for table 4.
        let read: [Range<Int>]
        /// Whether table 4's header words come before its heading.
        var hasLead: Bool { read.count > 1 }
    }
    private var regions: [Int: Region] = [:]
    /// Words only table 4's header has.
    static let appealWords = ["复议后起诉", "未经复议直接起诉", "行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结"]

    init(_ flow: FlowLines) {
        let lines = flow.lines
        func find(_ prefix: String, from start: Int) -> Int? {
            guard start < lines.count else { return nil }
            return lines[start...].firstIndex { $0.kind == .text && $0.key.hasPrefix(prefix) }
        }
        guard let proactive = find("二、主动公开政府信息情况", from: 0),
              let applications = find("三、收到和处理政府信息公开申请", from: proactive + 1),
              let appeals = find("四、政府信息公开行政复议", from: applications + 1) else { return }
        let end = find("五、", from: appeals + 1) ?? lines.count
        // Looked for after the table's first row label, so prose under the heading naming 行政复议 does not end it.
        let firstRow = lines[(applications + 1)..<appeals].firstIndex { $0.kind == .text && !FlowRowLabels.rows(in: $0.key).isEmpty } ?? appeals
        let lead = lines[firstRow..<appeals].firstIndex { line in
            line.kind == .text && Self.appealWords.contains { line.key.contains($0) }
        } ?? appeals
        regions[proactive] = Region(table: .proactive, range: (proactive + 1)..<applications, read: [(proactive + 1)..<applications])
        regions[applications] = Region(table: .applications, range: (applications + 1)..<appeals, read: [(applications + 1)..<lead])
        regions[appeals] = Region(table: .appeals, range: (appeals + 1)..<end, read: lead < appeals ? [lead..<appeals, (appeals + 1)..<end] : [(appeals + 1)..<end])
    }

    /// The table whose heading is line `index`.
    func region(startingAfter index: Int) -> Region? { regions[index] }

    /// Table `table`'s region, when its heading was found.
    func region(of table: Table) -> Region? { regions.values.first { $0.table == table } }

    /// How many of the three tables' headings were found (all three, or none).
    var count: Int { regions.count }
}

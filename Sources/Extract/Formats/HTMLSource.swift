import DisclosureModel

/// Reads a saved web page: its tables row by row and its text block by block, without the site's
/// chrome (navigation, header, footer, scripts, styles).
///
/// Tables are read from their structure, so labels split over many `<span>`s read whole and a cell
/// merged by `rowspan`/`colspan` is read once, in the row and column where it starts (a merged value
/// repeated into every slot would count it several times). `&nbsp;` cells read as empty.
enum HTMLSource {
    static func read(_ bytes: [UInt8], largest: Int = HTMLEventParser.largestInput) -> Result<StructuredText, FormatFailure> {
        guard bytes.count <= largest else { return .failure(tooLarge(bytes.count, largest)) }
        let decoded: HTMLCharset.Decoded
        switch HTMLCharset.decode(bytes) {
        case .success(let value): decoded = value
        case .failure(.empty): return .failure(FormatFailure(.empty, "the web page is empty"))
        case .failure(.binary(let why)), .failure(.undecodable(let why)):
            return .failure(FormatFailure(.undecodable, "a web page whose text cannot be decoded (\(why)); save it again from the browser as UTF-8"))
        }
        // Decoding GB18030 to UTF-8 can make the page half as large again.
        guard decoded.utf8.count <= largest else { return .failure(tooLarge(decoded.utf8.count, largest)) }
        // Two passes over the page: which tables hold other tables, and the heading; then the lines.
        let outline = HTMLOutline()
        guard HTMLEventParser.parse(utf8: decoded.utf8, into: outline), outline.sawElement else {
            return .failure(FormatFailure(.undecodable, "looks like a web page but the HTML parser found no document in it"))
        }
        let walker = HTMLWalker(tablesHoldingTables: outline.tablesHoldingTables)
        _ = HTMLEventParser.parse(utf8: decoded.utf8, into: walker)
        walker.flush()
        var text = VirtualText()
        if let heading = outline.heading { text.paragraph(heading.text, origin: "<\(heading.element)>") }
        text.append(walker.text)
        return .success(StructuredText(text: text, format: "html", encoding: decoded.encoding))
    }

    /// The rows of the data tables in a fragment of HTML (a `<table>` a converter left in its
    /// markdown: pandoc's GitHub markdown keeps a table with merged cells so), read as a page's
    /// tables are; nil when the parser finds no element in it.
    static func tableRows(fragment utf8: [UInt8]) -> VirtualText? {
        let outline = HTMLOutline()
        guard HTMLEventParser.parse(utf8: utf8, into: outline), outline.sawElement else { return nil }
        let walker = HTMLWalker(tablesHoldingTables: outline.tablesHoldingTables)
        _ = HTMLEventParser.parse(utf8: utf8, into: walker)
        walker.flush()
        return walker.text
    }

    static func tooLarge(_ count: Int, _ largest: Int) -> FormatFailure {
        FormatFailure(.tooLarge, "a web page of \(count) bytes (decoded), more than the \(largest) bytes the HTML parser takes; save only the report's page or its text")
    }
}

/// Walks the page's events, turning blocks into lines and data tables into rows of cells.
///
/// No recursion: an element's depth is a counter, and the element being skipped or the data table
/// being read is remembered by the depth it started at, so a page nests as deep as it likes.
final class HTMLWalker: HTMLEventSink {
    private(set) var text = VirtualText()
    private var current = ""
    private var tableCount = 0
    private let tablesHoldingTables: Set<Int>
    private var depth = 0
    /// Tables started so far, in document order, counted as `HTMLOutline` counts them.
    private var tableOrdinal = 0
    /// The depth of the skipped element (chrome, scripts) whose content is being passed over.
    private var skippedAt: Int?
    /// The data table being read, when one is.
    private var table: TableReader?

    init(tablesHoldingTables: Set<Int>) {
        self.tablesHoldingTables = tablesHoldingTables
    }

    static let skipped: Set<String> = [
        "head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
        "select", "button", "iframe", "object", "svg", "input", "textarea", "map",
    ]
    static let blocks: Set<String> = [
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section",
        "article", "main", "blockquote", "pre", "center", "address", "hr", "figure", "figcaption",
        "caption", "tr", "td", "th", "tbody", "thead", "tfoot", "body", "html", "table",
    ]
    /// `class`/`id` words that name site chrome rather than the article.
    static let chromeWords: Set<String> = ["nav", "navbar", "menu", "footer", "foot", "crumb", "breadcrumb", "share"]

    func start(_ name: String, attributes: HTMLAttributes) {
        depth += 1
        if name == "table" { tableOrdinal += 1 }
        guard skippedAt == nil else { return }
        if table != nil {
            table!.start(name)
            return
        }
        if HTMLWalker.skipped.contains(name) || HTMLWalker.isChrome(attributes) {
            skippedAt = depth
            return
        }
        if name == "br" {
            flush()
            return
        }
        // A data table holds no other table: each `<tr>` a line of its cells' text.
        if name == "table", !tablesHoldingTables.contains(tableOrdinal) {
            flush()
            tableCount += 1
            table = TableReader(depth: depth, number: tableCount)
            return
        }
        if HTMLWalker.blocks.contains(name) { flush() }
    }

    func end(_ name: String) {
        defer { depth -= 1 }
        if let skipped = skippedAt {
            if depth == skipped { skippedAt = nil }
            return
        }
        if table != nil {
            if depth == table!.depth {
                table = nil
            } else {
                table!.end(name, into: &text)
            }
            return
        }
        if HTMLWalker.blocks.contains(name) { flush() }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard skippedAt == nil else { return }
        if table != nil {
            table!.text(bytes)
        } else {
            current += String(decoding: bytes, as: UTF8.self)
        }
    }

    func flush() {
        let line = HTMLWalker.normalize(current)
        current = ""
        text.paragraph(line, origin: "html block")
    }

    /// A data table's rows: `<tr>`s that are its children or in its `<thead>`/`<tbody>`/`<tfoot>`,
    /// not those of anything else inside; their `<td>`/`<th>` children are the cells, whose text is
    /// all the text below them except scripts and styles, `<br>` and `<p>` ending a line.
    struct TableReader {
        enum Role { case section, row, cell, inCell, hidden, other }
        let depth: Int
        let number: Int
        private var roles: [Role] = []
        private var rowNumber = 0
        private var cells: [String] = []
        private var cell = ""

        init(depth: Int, number: Int) {
            self.depth = depth
            self.number = number
        }

        mutating func start(_ name: String) {
            let role: Role
            switch (roles.last, name) {
            case (nil, "tr"), (.section?, "tr"): role = .row
            case (nil, "thead"), (nil, "tbody"), (nil, "tfoot"): role = .section
            case (.row?, "td"), (.row?, "th"): role = .cell
            case (.cell?, "script"), (.cell?, "style"), (.inCell?, "script"), (.inCell?, "style"), (.hidden?, _): role = .hidden
            case (.cell?, _), (.inCell?, _): role = .inCell
            default: role = .other
            }
            if role == .row { rowNumber += 1 }
            roles.append(role)
        }

        mutating func end(_ name: String, into text: inout VirtualText) {
            switch roles.popLast() {
            case .row?:
                text.row(cells, origin: "html table \(number), row \(rowNumber)")
                cells.removeAll(keepingCapacity: true)
            case .cell?:
                cells.append(HTMLWalker.normalize(cell))
                cell = ""
            case .inCell? where name == "br" || name == "p":
                cell += "\n"
            default: break
            }
        }

        mutating func text(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let role = roles.last, role == .cell || role == .inCell else { return }
            cell += String(decoding: bytes, as: UTF8.self)
        }
    }

    static func isChrome(_ attributes: HTMLAttributes) -> Bool {
        for attribute in ["class", "id"] {
            guard let value = attributes.value(attribute)?.lowercased() else { continue }
            let words = value.split { $0 == " " || $0 == "-" || $0 == "_" }
            if words.contains(where: { chromeWords.contains(String($0)) }) { return true }
        }
        return false
    }

    /// HTML whitespace rules: runs of whitespace are one space, no-break spaces are spaces, and a
    /// line break between two CJK characters disappears (CSS Text's segment-break rule), so
    /// `本年新收\n政府信息` reads as one word.
    static func normalize(_ raw: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var pendingBreak = false
        var previousWide = false
        for scalar in raw.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0C, 0xA0:
                pendingSpace = true
            case 0x0A, 0x0D:
                pendingSpace = true
                pendingBreak = true
            default:
                let wide = isWide(scalar)
                if pendingSpace, !out.isEmpty, !(pendingBreak && previousWide && wide) { out.append(" ") }
                pendingSpace = false
                pendingBreak = false
                out.append(scalar)
                previousWide = wide
            }
        }
        return String(out)
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (0x3000...0x9FFF).contains(value) || (0xFF00...0xFFEF).contains(value) || (0xF900...0xFAFF).contains(value)
    }
}

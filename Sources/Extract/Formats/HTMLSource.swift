import DisclosureModel

/// Reads a saved web page: its tables row by row and its text block by block, without the site's
/// chrome (navigation, header, footer, scripts, styles).
///
/// Tables are read from their structure, so labels split over many `<span>`s read whole and a cell
/// merged by `rowspan`/`colspan` is read once, in the row and column where it starts (a merged value
/// repeated into every slot would count it several times). `&nbsp;` cells read as empty.
enum HTMLSource {
    static func read(_ bytes: [UInt8]) -> Result<StructuredText, FormatFailure> {
        let decoded: HTMLCharset.Decoded
        switch HTMLCharset.decode(bytes) {
        case .success(let value): decoded = value
        case .failure(.empty): return .failure(FormatFailure(.empty, "the web page is empty"))
        case .failure(.binary(let why)), .failure(.undecodable(let why)):
            return .failure(FormatFailure(.undecodable, "a web page whose text cannot be decoded (\(why)); save it again from the browser as UTF-8"))
        }
        guard let tree = XMLTree.html(utf8: decoded.utf8), let root = tree.root else {
            return .failure(FormatFailure(.undecodable, "looks like a web page but the HTML parser found no document in it"))
        }
        var walker = HTMLWalker()
        walker.emitHeading(root)
        walker.walk(root)
        walker.flush()
        return .success(StructuredText(text: walker.text, format: "html", encoding: decoded.encoding))
    }
}

/// Walks the parsed page, turning blocks into lines and data tables into rows of cells.
struct HTMLWalker {
    var text = VirtualText()
    private var current = ""
    private var tableCount = 0

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

    /// The report's heading first, so the title is the first line even when breadcrumbs or a site
    /// banner come before the article: the first `<h1>`–`<h3>`, or the `<title>`, naming a 年度报告.
    mutating func emitHeading(_ root: XMLNode) {
        for name in ["h1", "h2", "h3", "title"] {
            for node in root.descendants(name) {
                let heading = HTMLWalker.normalize(HTMLWalker.textContent(node))
                if heading.contains("年度报告") || heading.contains("工作报告") {
                    text.paragraph(heading, origin: "<\(name)>")
                    return
                }
            }
        }
    }

    mutating func walk(_ node: XMLNode) {
        if node.isText {
            current += node.content
            return
        }
        guard node.isElement else { return }
        let name = node.name.lowercased()
        if HTMLWalker.skipped.contains(name) || HTMLWalker.isChrome(node) { return }
        if name == "br" {
            flush()
            return
        }
        if name == "table", !node.descendants("table").contains(where: { _ in true }) {
            flush()
            readTable(node)
            return
        }
        let isBlock = HTMLWalker.blocks.contains(name)
        if isBlock { flush() }
        for child in node.children { walk(child) }
        if isBlock { flush() }
    }

    mutating func flush() {
        let line = HTMLWalker.normalize(current)
        current = ""
        text.paragraph(line, origin: "html block")
    }

    /// A data table (one holding no other table): each `<tr>` a line of its cells' text.
    private mutating func readTable(_ table: XMLNode) {
        tableCount += 1
        var rowNumber = 0
        for row in HTMLWalker.rows(of: table) {
            rowNumber += 1
            let cells = row.children.filter { $0.isElement && ["td", "th"].contains($0.name.lowercased()) }
            text.row(cells.map { HTMLWalker.normalize(HTMLWalker.textContent($0)) },
                     origin: "html table \(tableCount), row \(rowNumber)")
        }
    }

    /// The table's rows, also those inside `<thead>`/`<tbody>`/`<tfoot>`, not those of nested tables.
    static func rows(of table: XMLNode) -> [XMLNode] {
        var rows: [XMLNode] = []
        for child in table.children where child.isElement {
            switch child.name.lowercased() {
            case "tr": rows.append(child)
            case "thead", "tbody", "tfoot": rows += child.children.filter { $0.isElement && $0.name.lowercased() == "tr" }
            default: break
            }
        }
        return rows
    }

    /// All text below a node, scripts and styles excepted; `<br>` and blocks inside a cell join up.
    static func textContent(_ node: XMLNode) -> String {
        if node.isText { return node.content }
        guard node.isElement, !["script", "style"].contains(node.name.lowercased()) else { return "" }
        let inner = node.children.map(textContent).joined()
        return node.name.lowercased() == "br" || node.name.lowercased() == "p" ? inner + "\n" : inner
    }

    static func isChrome(_ node: XMLNode) -> Bool {
        for attribute in ["class", "id"] {
            guard let value = node.attribute(attribute)?.lowercased() else { continue }
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

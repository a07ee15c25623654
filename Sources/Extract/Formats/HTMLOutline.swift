/// The first pass over a web page, which the walk needs before it starts: which tables hold other
/// tables (those are layout, read as blocks; the tables inside are the data), and the report's
/// heading, which leads the lines even when breadcrumbs or a site banner come before the article.
final class HTMLOutline: HTMLEventSink {
    /// Tables by their place in document order (1 = the first `<table>` started) that hold another table.
    private(set) var tablesHoldingTables: Set<Int> = []
    private(set) var sawElement = false
    private var depth = 0
    private var tableCount = 0
    /// Open tables: their number and depth.
    private var openTables: [(number: Int, depth: Int)] = []
    /// Open headings whose text is being gathered.
    private var openHeadings: [(element: String, depth: Int, text: String)] = []
    /// The depth of the script or style whose text is not part of a heading.
    private var hiddenAt: Int?
    /// The first heading of each kind naming a 年度报告 or 工作报告.
    private var headings: [String: String] = [:]

    static let headingElements = ["h1", "h2", "h3", "title"]

    /// The first `<h1>` naming the report, else the first such `<h2>`, `<h3>`, then `<title>`.
    var heading: (element: String, text: String)? {
        for element in Self.headingElements {
            if let text = headings[element] { return (element, text) }
        }
        return nil
    }

    func start(_ name: String, attributes: HTMLAttributes) {
        sawElement = true
        depth += 1
        if name == "table" {
            tableCount += 1
            if let holder = openTables.last { tablesHoldingTables.insert(holder.number) }
            openTables.append((tableCount, depth))
        }
        if hiddenAt == nil, name == "script" || name == "style" { hiddenAt = depth }
        if Self.headingElements.contains(name), headings[name] == nil {
            openHeadings.append((name, depth, ""))
        }
    }

    func end(_ name: String) {
        defer { depth -= 1 }
        if openTables.last?.depth == depth { openTables.removeLast() }
        if hiddenAt == depth { hiddenAt = nil }
        if hiddenAt == nil, name == "br" || name == "p" {
            for index in openHeadings.indices { openHeadings[index].text += "\n" }
        }
        if let heading = openHeadings.last, heading.depth == depth {
            openHeadings.removeLast()
            let text = HTMLWalker.normalize(heading.text)
            if headings[heading.element] == nil, text.contains("年度报告") || text.contains("工作报告") {
                headings[heading.element] = text
            }
        }
    }

    func text(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard hiddenAt == nil, !openHeadings.isEmpty else { return }
        let piece = String(decoding: bytes, as: UTF8.self)
        for index in openHeadings.indices { openHeadings[index].text += piece }
    }
}

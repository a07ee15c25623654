import DisclosureModel

/// One glued text being rewritten: prose as paragraphs, the template's headings on lines of their
/// own (so `SectionLocator` and `IdentityReader` find them), each table row as `label\tv1\tv2…`.
struct GluedReport {
    /// The file's scalars, lines joined by `\n`.
    let text: [Unicode.Scalar]
    /// Offset in `text` where each line starts.
    let lineStarts: [Int]
    var out = VirtualText()
    var diagnostics: [Diagnostic] = []
    /// The text before the first table and after the last, where prose may state table 2's numbers.
    var proseRanges: [Range<Int>] = []

    init(_ lines: SourceLines) {
        var text: [Unicode.Scalar] = []
        text.reserveCapacity(lines.bytes.count / 2)
        var starts: [Int] = []
        starts.reserveCapacity(lines.count)
        for index in 0..<lines.count {
            starts.append(text.count)
            text += lines.string(index).unicodeScalars
            text.append("\n")
        }
        self.text = text
        self.lineStarts = starts
    }

    /// Where a section heading starts and ends in `text`.
    struct Heading {
        var range: Range<Int>
        /// The heading as it is written out: the template's wording.
        var canonical: String
    }

    func converted() -> ConvertedText? {
        var report = self
        return report.rewrite() ? ConvertedText(text: report.out, format: GluedText.format, diagnostics: report.diagnostics) : nil
    }

    /// The sections in order; false when table 2's heading is not found after all.
    private mutating func rewrite() -> Bool {
        guard let proactive = heading("主动公开政府信息情况", number: "二", from: 0, canonical: "二、主动公开政府信息情况") else { return false }
        let applications = heading("收到和处理政府信息公开申请情况", number: "三", from: proactive.range.upperBound, canonical: "三、收到和处理政府信息公开申请情况")
        let afterApplications = applications?.range.upperBound ?? proactive.range.upperBound
        let appeals = heading("行政诉讼情况", number: "四", from: afterApplications, canonical: "四、政府信息公开行政复议、行政诉讼情况")
        let afterTables = appeals?.range.upperBound ?? afterApplications
        let problems = heading("存在的主要问题", number: "五", from: afterTables, canonical: nil, through: "情况")
        let other = heading("其他需要报告的事项", number: "六", from: problems?.range.upperBound ?? afterTables, canonical: nil)
        let overview = heading("总体情况", number: "一", from: 0, canonical: nil).flatMap { $0.range.upperBound <= proactive.range.lowerBound ? $0 : nil }

        proseRanges = [0..<proactive.range.lowerBound]
        if let tail = [problems, other].compactMap({ $0 }).first { proseRanges.append(tail.range.lowerBound..<text.count) }
        prose(0..<proactive.range.lowerBound, headings: [overview].compactMap { $0 })
        let tables: [(Heading?, TableKind)] = [(proactive, .proactive), (applications, .applications), (appeals, .appeals)]
        let ends = [applications?.range.lowerBound, appeals?.range.lowerBound, problems?.range.lowerBound, other?.range.lowerBound, text.count]
        for (position, (found, kind)) in tables.enumerated() {
            guard let found else { continue }
            let end = ends[position...].compactMap { $0 }.first ?? text.count
            emitHeading(found)
            let body = found.range.upperBound..<end
            switch kind {
            case .proactive: readProactive(body)
            case .applications: readApplications(body)
            case .appeals: readAppeals(body)
            }
        }
        if let tail = [problems, other].compactMap({ $0 }).first {
            prose(tail.range.lowerBound..<text.count, headings: [problems, other].compactMap { $0 })
        }
        return true
    }

    /// The first `words` from `from` on, with its section number (`二、`) if printed just before
    /// (within 25 scalars, for a heading with words before the searched ones: 四、政府信息公开行政法复议、…).
    /// A heading that is not the template's wording is recorded.
    func heading(_ words: String, number: Unicode.Scalar, from: Int, canonical: String?, through closing: String? = nil) -> Heading? {
        let needle = Array(words.unicodeScalars)
        guard let found = find(needle, from: from) else { return nil }
        var start = found
        let marker: [Unicode.Scalar] = [number, "、"]
        var back = found - 2
        while back >= max(from, found - 25) {
            if text[back] == marker[0], text[back + 1] == marker[1] { start = back; break }
            if text[back] == "\n" || text[back] == "。" { break }
            back -= 1
        }
        var end = found + needle.count
        if let closing, let close = find(Array(closing.unicodeScalars), from: end), close - end < 10 { end = close + closing.unicodeScalars.count }
        return Heading(range: start..<end, canonical: canonical ?? String(String.UnicodeScalarView(text[start..<end])))
    }

    func find(_ needle: [Unicode.Scalar], from: Int) -> Int? {
        guard let first = needle.first, text.count >= needle.count else { return nil }
        var index = from
        while index + needle.count <= text.count {
            if text[index] == first, text[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The 1-based line number of the line holding `offset`.
    func line(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        return low + 1
    }

    func origin(_ offset: Int) -> String { ConvertedText.origin(line: line(of: offset) - 1) }

    /// A heading on its own line; when printed otherwise than the template, a diagnostic says so.
    mutating func emitHeading(_ heading: Heading) {
        let printed = String(String.UnicodeScalarView(text[heading.range]))
        out.paragraph(heading.canonical, origin: origin(heading.range.lowerBound))
        let key = { (text: String) in text.unicodeScalars.filter { !GluedTokenizer.isSpace($0) && $0 != "、" && $0 != "," && $0 != "，" } }
        if !key(printed).elementsEqual(key(heading.canonical)) {
            diagnostics.append(Diagnostic(.extract, .labelNormalized, "\(origin(heading.range.lowerBound)): heading printed \"\(printed)\", read as \(heading.canonical)"))
        }
    }

    /// Prose as paragraphs, a paragraph per line and per heading; `标题:` of the crawler's header
    /// gives the title line alone, as a page would print it.
    mutating func prose(_ range: Range<Int>, headings: [Heading]) {
        var cuts = headings.flatMap { [$0.range.lowerBound, $0.range.upperBound] }.filter { range.contains($0) }
        var index = range.lowerBound
        while index < range.upperBound {
            if text[index] == "\n" { cuts.append(index) }
            index += 1
        }
        var start = range.lowerBound
        for cut in cuts.sorted() + [range.upperBound] where cut >= start {
            let from = start < cut && text[start] == "\n" ? start + 1 : start
            var piece = String(String.UnicodeScalarView(text[from..<cut]))
            for prefix in ["标题:", "标题："] where piece.hasPrefix(prefix) { piece = String(piece.dropFirst(prefix.count)) }
            out.paragraph(piece, origin: origin(from))
            start = cut
        }
    }

    /// Paragraph text outside the tables, where a report states numbers of table 2 in words.
    var proseText: String {
        proseRanges.map { String(String.UnicodeScalarView(text[$0])) }.joined(separator: "\n")
    }
}

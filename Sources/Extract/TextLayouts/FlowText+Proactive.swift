import DisclosureModel

/// Table 2 in reading order: four small tables, each under its `第二十条第（X）项` heading. A section
/// is read only when its values can go to one row each: (一) as 规章, three values, 行政规范性文件,
/// three values; (五) and (八) one value for their one row; (六) two values, 行政处罚's then 行政强制's.
/// The 2019 template (its header 上一年项目数量) has five: (五) and (六) two rows of three values,
/// (八) one row of two, (九) 政府集中采购's two.
enum FlowProactive {
    static func read(_ lines: [FlowLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        var sections: [Character: [FlowLine]] = [:]
        var current: Character?
        for line in lines {
            if line.kind == .text, line.key.hasPrefix("第二十条第（"), line.key.hasSuffix("）项"), line.key.count == 9 {
                current = line.key[line.key.index(line.key.startIndex, offsetBy: 6)]
                continue
            }
            if let current, line.kind != .blank { sections[current, default: []].append(line) }
        }
        // A value at the end of a label's line (`行政许可 95`, pdfplumber's text) is one the
        // section's value lines do not hold: its values cannot be counted.
        var doubted: Set<Character> = []
        for (section, lines) in sections.sorted(by: { $0.key < $1.key }) {
            if let line = lines.first(where: { $0.kind == .text && FlowLines.endsWithValue($0.text) }) {
                doubted.insert(section)
                missing("（\(section)）", "a value is printed on a label's line (\(line.text), line \(line.line + 1)), so its values cannot be counted", &diagnostics)
            }
        }
        // A section's lines, nil when doubted (said above).
        func section(_ key: Character) -> [FlowLine]? { doubted.contains(key) ? nil : sections[key] ?? [] }
        let zeros = lines.allSatisfy { line in
            !(line.kind == .value || line.kind == .values) || line.text.split(separator: " ").allSatisfy { FlowZeros.isZero(String($0)) }
        }
        if let lines = section("一") { readDocuments(lines, allZero: zeros, into: &text, diagnostics: &diagnostics) }
        if sections.values.contains(where: { $0.contains { $0.key == "上一年项目数量" } }) {
            let counts = ["件数", "收费金额", "采购"]
            if let lines = section("五") { readDecisions(lines, rows: ["行政许可", "其他对外管理服务事项"], width: 3, foreign: counts, section: "（五）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
            if let lines = section("六") { readDecisions(lines, rows: ["行政处罚", "行政强制"], width: 3, foreign: counts, section: "（六）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
            if let lines = section("八") { readDecisions(lines, rows: ["行政事业性收费"], width: 2, foreign: ["处理决定数量", "采购"], section: "（八）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
            if let lines = section("九") { readDecisions(lines, rows: ["政府集中采购"], width: 2, foreign: ["处理决定数量", "上一年项目数量"], section: "（九）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
            return
        }
        let decisions = ["件数", "收费金额"]
        if let lines = section("五") { readDecisions(lines, rows: ["行政许可"], foreign: decisions, section: "（五）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
        if let lines = section("六") { readDecisions(lines, rows: ["行政处罚", "行政强制"], foreign: decisions, section: "（六）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
        if let lines = section("八") { readDecisions(lines, rows: ["行政事业性收费"], foreign: ["件数", "处理决定数量"], section: "（八）", allZero: zeros, into: &text, diagnostics: &diagnostics) }
    }

    /// 规章 then its three values, then 行政规范性文件 (maybe wrapped) then its three.
    /// When every value of table 2 is zero (`allZero`), six values are its six cells whatever the
    /// labels' order: every cell is zero.
    private static func readDocuments(_ lines: [FlowLine], allZero: Bool, into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        if allZero, let zeros = FlowZeros.allZero(lines, cells: 6), let first = lines.first {
            text.row(["规章"] + zeros[..<3], origin: ConvertedText.origin(line: first.line))
            text.row(["行政规范性文件"] + zeros[3...], origin: ConvertedText.origin(line: first.line))
            return
        }
        if lines.contains(where: { $0.kind == .values }) { return missing("（一）", "a line holds several values", &diagnostics) }
        let values = lines.filter { $0.kind == .value }
        if let apart = labelsApart(lines), values.count == 6 {
            text.row(["规章"] + values[..<3].map(\.text), origin: ConvertedText.origin(line: apart.line))
            text.row(["行政规范性文件"] + values[3...].map(\.text), origin: ConvertedText.origin(line: apart.line))
            return
        }
        guard let regulations = lines.firstIndex(where: { $0.key == "规章" }),
              let normative = lines.firstIndex(where: isDocuments), regulations < normative else {
            return missing("（一）", "its row labels 规章 and 行政规范性文件 are not found in order", &diagnostics)
        }
        let before = lines[..<regulations].filter { $0.kind == .value }
        let first = lines[regulations..<normative].filter { $0.kind == .value }
        let second = lines[normative...].filter { $0.kind == .value }
        guard before.isEmpty, first.count == 3, second.count == 3 else {
            return missing("（一）", "\(before.count), \(first.count) and \(second.count) values before, after 规章 and after 行政规范性文件 (3 and 3 expected): blanks or values out of their rows", &diagnostics)
        }
        text.row(["规章"] + first.map(\.text), origin: ConvertedText.origin(line: lines[regulations].line))
        text.row(["行政规范性文件"] + second.map(\.text), origin: ConvertedText.origin(line: lines[normative].line))
    }

    /// 行政规范性文件 as printed, maybe wrapped (`行政规范性文` / `件`, `行政规范性` / `文件`).
    private static func isDocuments(_ line: FlowLine) -> Bool {
        line.kind == .text && (line.key.hasPrefix("行政规范性") || line.key == "规范性文件")
    }

    /// The row label 规章 when both row labels come before the first value or both after the last,
    /// and only the column headers (本年制发件数 …) between the values: then the values are the
    /// rows' in order, 规章's three first (`pdftotext` reads the row under the headers with them or
    /// right after them, the second row after it; seen without exception on the generated corpora).
    private static func labelsApart(_ lines: [FlowLine]) -> FlowLine? {
        guard let first = lines.firstIndex(where: { $0.kind == .value }),
              let last = lines.lastIndex(where: { $0.kind == .value }) else { return nil }
        let headers = ["件数", "制发", "废止", "有效"]
        guard lines[first...last].allSatisfy({ $0.kind != .text || headers.contains(where: $0.key.contains) }) else { return nil }
        for side in [lines[..<first], lines[(last + 1)...]] {
            if let regulations = side.first(where: { $0.key == "规章" }), side.contains(where: isDocuments) { return regulations }
        }
        return nil
    }

    /// `width` values per row (one in the 2021 template), in the rows' order. Another section's
    /// header words here (`foreign`) mean cells of other sections have wandered in: their values
    /// could be taken for this one's, unless every value of table 2 is zero (`allZero`).
    private static func readDecisions(_ lines: [FlowLine], rows: [String], width: Int = 1, foreign: [String], section: String, allZero: Bool, into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        let values = lines.filter { $0.kind == .value }
        guard !lines.contains(where: { $0.kind == .values }), values.count == rows.count * width else {
            return missing(section, "\(values.count) values for its \(rows.count) row(s): blanks, or values that cannot be told apart", &diagnostics)
        }
        if !allZero, let stray = lines.first(where: { line in line.kind == .text && foreign.contains { line.key.contains($0) } }) {
            return missing(section, "another section's header \(stray.text) comes among its cells, so its values may be that section's", &diagnostics)
        }
        for (index, row) in rows.enumerated() {
            let cells = values[(index * width)..<((index + 1) * width)]
            text.row([row] + cells.map(\.text), origin: ConvertedText.origin(line: cells.first!.line))
        }
    }

    private static func missing(_ section: String, _ why: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(.extract, .cellMissing, "table 二, 第二十条第\(section)项: \(why); its cells are left out", at: Diagnostic.Place(table: .proactive)))
    }
}

import DisclosureModel

/// The three tables of `OfficeText`, read by counting cells: one line per cell, empty cells included.
enum OfficeTables {
    /// Table 3's header as LibreOffice writes the template's: 申请人情况, the empty cell merged under
    /// it, 自然人 … 总计, two merged cells, the five kinds of organisation, one more merged cell; then
    /// the first row. A header cell of two paragraphs (商业 / 企业) is two lines. The line of the first
    /// row, or nil.
    static func applicationsHeader(in lines: [FlowLine]) -> Int? {
        guard let start = lines.firstIndex(where: { $0.kind == .text && $0.key.hasPrefix("申请人情况") }),
              let first = lines[start...].firstIndex(where: { $0.kind == .text && FlowRowLabels.rows(in: $0.key).first == 0 }) else { return nil }
        let runs = Run.runs(of: lines[start..<first])
        guard runs.map(\.kind) == [.text, .blank, .text, .blank, .text, .blank],
              runs[0].count == 1, runs[1].count == 1, runs[2].count >= 3, runs[3].count == 2, runs[4].count >= 5, runs[5].count == 1,
              lines[runs[2].range].first?.key.contains("自然人") == true,
              lines[runs[2].range].last.map({ $0.key.contains("总计") || $0.key.contains("合计") }) == true else { return nil }
        return first
    }

    /// Table 3: each row label, then its seven cells.
    static func readApplications(_ lines: [FlowLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        guard let first = applicationsHeader(in: lines) else { return }
        var labels: [Int] = []
        var next = 0
        for index in first..<lines.count where lines[index].kind == .text {
            let key = lines[index].key
            if let row = FlowRowLabels.rows(in: key).first(where: { $0 >= next }) {
                labels.append(index)
                next = row + 1
            } else if key.hasPrefix(FlowApplications.otherGroup), next <= FlowApplications.otherRows.lowerBound,
                      isValueOrBlank(lines, index + 1) {
                // （六）其他处理 with values of its own: the 2019 template's row (the 2021 one is followed by its rows).
                labels.append(index)
                next = FlowApplications.otherRows.upperBound
            }
        }
        for (position, label) in labels.enumerated() {
            let end = position + 1 < labels.count ? labels[position + 1] : lines.count
            if let values = cells(lines, after: label, count: FlowApplications.columns, before: end, table: .applications, diagnostics: &diagnostics) {
                text.row([lines[label].text] + values, origin: ConvertedText.origin(line: lines[label].line))
            }
        }
    }

    /// Table 2: per 第二十条 section, 信息内容 and the measures' header cells, then each item's label
    /// followed by one cell per measure.
    static func readProactive(_ lines: [FlowLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        let headings = lines.indices.filter { lines[$0].kind == .text && lines[$0].key.hasPrefix("第二十条") }
        for (position, heading) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1] : lines.count
            text.paragraph(lines[heading].text, origin: ConvertedText.origin(line: lines[heading].line))
            var index = heading + 1
            while index < end, lines[index].kind == .blank { index += 1 }
            guard index < end, lines[index].key.contains("信息内容") else {
                missing(.proactive, "\(lines[heading].text): no 信息内容 header cell after the heading", &diagnostics)
                continue
            }
            var header = [lines[index].text]
            index += 1
            // Header cells are text followed by text; the first item is text followed by its cells.
            while index + 1 < end, lines[index].kind == .text, lines[index + 1].kind == .text {
                header.append(lines[index].text)
                index += 1
            }
            let width = header.count - 1
            guard (1...4).contains(width) else {
                missing(.proactive, "\(lines[heading].text): \(width) measure header cells", &diagnostics)
                continue
            }
            text.row(header, origin: ConvertedText.origin(line: lines[heading].line))
            while index < end, lines[index].kind == .text {
                let label = index
                let next = label + 1 + width
                let itemEnd = next < end && lines[next].kind == .text ? next : end
                if let values = cells(lines, after: label, count: width, before: itemEnd, table: .proactive, diagnostics: &diagnostics) {
                    text.row([lines[label].text] + values, origin: ConvertedText.origin(line: lines[label].line))
                }
                guard itemEnd < end else { break }
                index = itemEnd
            }
        }
    }

    /// Table 4: the template's header (行政复议, 行政诉讼, 行政复议's five outcomes, the two kinds of
    /// lawsuit; five empty cells merged under 行政复议's; the lawsuits' ten outcomes, the last 总计),
    /// then its 15 cells. A header cell of two paragraphs (结果 / 纠正) is two lines.
    static func readAppeals(_ lines: [FlowLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        guard let start = lines.firstIndex(where: { $0.kind != .blank }) else { return }
        let runs = Run.runs(of: lines[start...].prefix { $0.kind != .value && $0.kind != .values })
        func totals(_ run: Run) -> Int { lines[run.range].filter { $0.key.contains("总计") || $0.key.contains("合计") }.count }
        guard runs.count >= 3, runs[0].kind == .text, runs[1].kind == .blank, runs[1].count == 5, runs[2].kind == .text,
              lines[start].key.contains("行政复议"), lines[start + 1].key.contains("行政诉讼"),
              lines[runs[0].range].last?.key.contains("复议后起诉") == true, totals(runs[0]) == 1, totals(runs[2]) == 2,
              let last = lines[runs[2].range].last, last.key.contains("总计") || last.key.contains("合计") else {
            return missing(.appeals, "its header is not the template's (行政复议, 行政诉讼 and their outcomes, five merged cells, the lawsuits' outcomes), so its cells cannot be counted", &diagnostics)
        }
        let label = runs[2].range.upperBound - 1
        if let values = cells(lines, after: label, count: FlowAppeals.cells, before: lines.count, table: .appeals, diagnostics: &diagnostics) {
            text.row(["行政复议"] + values, origin: ConvertedText.origin(line: lines[label + 1].line))
        }
    }

    /// The `count` lines after line `label`: each a value or empty (a blank cell), and no value
    /// after them before line `end` (a row with a cell more would put one there). In table 3, a row
    /// whose first and last cells (自然人, 总计) are empty while another holds a number is doubted
    /// too: a row with an empty cell before its values, its 总计 blank, would read that way. Nil, with
    /// a diagnostic, when not so.
    private static func cells(_ lines: [FlowLine], after label: Int, count: Int, before end: Int, table: TableKind,
                              diagnostics: inout [Diagnostic]) -> [String]? {
        let name = "line \(lines[label].line + 1) (\(lines[label].text))"
        let range = (label + 1)..<(label + 1 + count)
        guard range.upperBound <= end, range.allSatisfy({ isValueOrBlank(lines, $0) }) else {
            missing(table, "\(name): the \(count) lines after it are not all values or empty cells", &diagnostics)
            return nil
        }
        if let stray = lines[range.upperBound..<end].first(where: { $0.kind == .value || $0.kind == .values }) {
            missing(table, "\(name): a value (\(stray.text), line \(stray.line + 1)) follows its \(count) cells, so the row does not have the template's cells", &diagnostics)
            return nil
        }
        let values = lines[range].map(\.text)
        if table == .applications, values.first?.isEmpty == true, values.last?.isEmpty == true, values.dropLast().contains(where: { !$0.isEmpty && !FlowZeros.isZero($0) }) {
            missing(table, "\(name): its first and last cells are empty while others hold numbers, as a row with an empty cell before its values would read", &diagnostics)
            return nil
        }
        return values
    }

    private static func isValueOrBlank(_ lines: [FlowLine], _ index: Int) -> Bool {
        index < lines.count && (lines[index].kind == .value || lines[index].kind == .blank)
    }

    private static func missing(_ table: TableKind, _ why: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(.extract, .cellMissing, "table \(table.sectionNumber), \(why); its cells are left out (text exported cell by cell)",
                                      at: Diagnostic.Place(table: table)))
    }
}

/// Consecutive lines of one kind (text, blank), for the headers' shapes.
private struct Run {
    let kind: FlowLine.Kind
    let range: Range<Int>
    var count: Int { range.count }

    static func runs(of lines: ArraySlice<FlowLine>) -> [Run] {
        var runs: [Run] = []
        for index in lines.indices {
            if let last = runs.last, last.kind == lines[index].kind, last.range.upperBound == index {
                runs[runs.count - 1] = Run(kind: last.kind, range: last.range.lowerBound..<(index + 1))
            } else {
                runs.append(Run(kind: lines[index].kind, range: index..<(index + 1)))
            }
        }
        return runs
    }
}

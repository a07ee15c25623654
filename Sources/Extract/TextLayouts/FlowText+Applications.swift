import DisclosureModel

/// Table 3 in reading order. `pdftotext` reads its values column by column within a block of rows:
/// seven runs of k values (one per applicant column, only blank lines between them) are k rows, top
/// to bottom. The table is read only when every value falls in such a group and the groups hold
/// exactly the printed rows × 7 values; the rows are then the template's, in order. Anything else
/// (a blank for a zero, a header word between a row's values, a run of another length) leaves the
/// whole table out: a value could then belong to more than one cell. A table whose values are all
/// zero, one per cell, is read whatever their order (`FlowZeros`); one printed a cell a line in row
/// order, every row's values right after its label, is read so (`FlowRowOrder`).
enum FlowApplications {
    /// The template's rows, in order, as printed.
    static let rows = [
        "一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开", "（二）部分公开",
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
        "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他",
        "（七）总计", "四、结转下年度继续办理",
    ]
    /// The three rows of （六）其他处理, and the one row some reports print for them instead.
    static let otherRows = 20..<23
    static let otherGroup = "（六）其他处理"
    static let columns = 7

    static func read(_ lines: [FlowLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        let labels = printedRows(lines)
        if let zeros = FlowZeros.allZero(lines, cells: labels.count * columns), let first = lines.first(where: { $0.kind == .value || $0.kind == .values }) {
            for (index, label) in labels.enumerated() {
                text.row([label] + zeros[(index * columns)..<((index + 1) * columns)], origin: ConvertedText.origin(line: first.line))
            }
            return
        }
        let why: String
        switch groupedRows(lines) {
        case .failure(let reason):
            why = reason
        case .success(let values) where values.count != labels.count:
            why = "\(values.count) rows of values for \(labels.count) printed rows (blank cells, or rows not printed)"
        case .success(let values):
            write(values, labels: labels, into: &text)
            return
        }
        if let values = FlowRowOrder.read(lines, labels: labels) {
            write(values, labels: labels, into: &text)
            return
        }
        readAnchored(lines, labels: labels, why: why, into: &text, diagnostics: &diagnostics)
    }

    /// Every printed row with its seven values.
    private static func write(_ values: [[FlowLine]], labels: [String], into text: inout VirtualText) {
        for (label, row) in zip(labels, values) {
            text.row([label] + row.map(\.text), origin: ConvertedText.origin(line: row[0].line))
        }
    }

    /// The rows that can be read between their labels (`FlowAnchoredRows`); the others left out.
    private static func readAnchored(_ lines: [FlowLine], labels: [String], why: String, into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        var anchored = labels.count == rows.count ? FlowAnchoredRows.read(lines) : [:]
        for (index, row) in FlowBlockRows.read(lines, rowCount: labels.count) {
            guard let other = anchored[index] else { anchored[index] = row; continue }
            if other.map(\.text) != row.map(\.text) { anchored[index] = nil }
        }
        for (index, label) in labels.enumerated() {
            guard let row = anchored[index] else { continue }
            text.row([label] + row.map(\.text), origin: ConvertedText.origin(line: row[0].line))
        }
        let missing = labels.indices.filter { anchored[$0] == nil }.map { labels[$0] }
        guard !missing.isEmpty else { return }
        let rowsRead = anchored.isEmpty ? "no row" : "\(anchored.count) rows"
        diagnostics.append(Diagnostic(.extract, .cellMissing, "table 三: \(why), so which cell each value belongs to cannot be told; \(rowsRead) read between their labels or as blocks of rows, the cells of \(missing.joined(separator: "、")) are left out",
                                      at: Diagnostic.Place(table: .applications)))
    }

    /// The printed rows: the template's, with （六） as one row when its three rows are not printed.
    static func printedRows(_ lines: [FlowLine]) -> [String] {
        let printed = lines.lazy.filter { $0.kind == .text }.map(\.key).joined()
        guard !printed.contains("收费通知"), printed.contains("其他处理") else { return rows }
        return Array(rows[..<otherRows.lowerBound]) + [otherGroup] + Array(rows[otherRows.upperBound...])
    }

    enum Grouping { case success([[FlowLine]]), failure(String) }

    /// The rows of values, in reading order, or why they cannot be had.
    static func groupedRows(_ lines: [FlowLine]) -> Grouping {
        if let several = lines.first(where: { $0.kind == .values }) {
            return .failure("line \(several.line + 1) holds several values")
        }
        // Runs of values; `textAfter` marks a run followed by text before the next run.
        var runs: [[FlowLine]] = []
        var textAfter: [Bool] = []
        var current: [FlowLine] = []
        for line in lines {
            if line.kind == .value { current.append(line); continue }
            if !current.isEmpty { runs.append(current); textAfter.append(false); current = [] }
            if line.kind == .text, !textAfter.isEmpty { textAfter[textAfter.count - 1] = true }
        }
        if !current.isEmpty { runs.append(current); textAfter.append(false) }
        var rows: [[FlowLine]] = []
        var index = 0
        while index < runs.count {
            let height = runs[index].count
            guard index + columns <= runs.count,
                  runs[index..<(index + columns)].allSatisfy({ $0.count == height }) else {
                return .failure("the values from line \(runs[index][0].line + 1) are not seven runs of one length")
            }
            if let split = (index..<(index + columns - 1)).first(where: { textAfter[$0] }) {
                return .failure("text comes between a row's values after line \(runs[split].last!.line + 1)")
            }
            for row in 0..<height { rows.append((0..<columns).map { runs[index + $0][row] }) }
            index += columns
        }
        return .success(rows)
    }
}

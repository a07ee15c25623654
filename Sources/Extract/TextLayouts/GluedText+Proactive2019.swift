import DisclosureModel

/// Table 2 of the 2019 template glued (`行政处罚149+5314`, `政府集中采购335 251000元`): each item's
/// two or three measures (docs/contract.md §2b).
///
/// No identity ties these cells together, and the report's prose does not state them as the 2021
/// prose does, so a run is split only when one split alone is possible: by its digits, and by a
/// sign, which only 本年增/减 prints (`149+5314` holds 149 and then +5, 53 or 531 …: three splits,
/// left out; `8-16` is 8, -1, 6). Anything else is left out with `cell_missing`, showing the run.
extension GluedReport {
    /// The items, how many cells each prints, and the cell of 本年增/减 (the signed one) if it has one.
    static let proactive2019Items: [(word: String, cells: Int, change: Int?)] = [
        ("规章", 3, nil), ("规范性文件", 3, nil), ("行政规范性文件", 3, nil),
        ("行政许可", 3, 1), ("其他对外管理服务事项", 3, 1), ("行政处罚", 3, 1), ("行政强制", 3, 1),
        ("行政事业性收费", 2, 1), ("政府集中采购", 2, nil),
    ]

    static let proactive2019Words = LabelWords([
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "第二十条第（九）项", "信息内容",
        "本年新制作数量", "本年新公开数量", "对外公开总数量", "上一年项目数量", "本年增/减", "处理决定数量", "采购项目数量", "采购总金额",
    ] + proactive2019Items.map(\.word))

    mutating func readProactive2019(_ body: Range<Int>) {
        let rows = GluedTokenizer.rows(text, body, signedValues: true, splitLabel: Self.proactive2019Words.split)
        for row in rows {
            guard let label = row.labels.last, let item = Self.proactive2019Items.first(where: { $0.word == label }),
                  !row.runs.isEmpty, row.runs.count < item.cells else {
                out.row(row.labels + row.runs, origin: origin(row.start))
                continue
            }
            let what = "table 二, \(origin(row.start)): \(item.word)"
            guard let cells = split2019(row.runs, cells: item.cells, change: item.change, what: what) else {
                out.row(row.labels, origin: origin(row.start))
                continue
            }
            out.row(row.labels + cells, origin: origin(row.start))
        }
    }

    /// The runs' one split into `cells` numbers, a sign back on 本年增/减 and a unit on the last
    /// cell; nil (with a diagnostic) when there is none or several.
    private mutating func split2019(_ runs: [String], cells: Int, change: Int?, what: String) -> [String]? {
        var pieces: [[UInt8]] = []
        var signs: [Int: String] = [:]
        var unit = ""
        for (index, run) in runs.enumerated() {
            var digits = Substring(run)
            if let sign = digits.first, sign == "+" || sign == "-" {
                signs[index] = String(sign)
                digits = digits.dropFirst()
            }
            for suffix in ["万元", "元"] where digits.hasSuffix(suffix) && index == runs.count - 1 {
                unit = suffix
                digits = digits.dropLast(suffix.count)
                break
            }
            guard let piece = DigitRunSplitter.digits(String(digits)) else {
                unread(runs, what: what, table: .proactive, count: cells)
                return nil
            }
            pieces.append(piece)
        }
        // A sign on a row without 本年增/减 is not this template's row.
        guard signs.isEmpty || change != nil else {
            unread(runs, what: what, table: .proactive, count: cells)
            return nil
        }
        var splitter = DigitRunSplitter(pieces: pieces, count: cells)
        if let change { splitter.pieceStartsAtCell = signs.mapValues { _ in change } }
        let rule = signs.isEmpty ? "(table 2 has no identity to check them by)" : "with 本年增/减 at its sign (table 2 has no other identity to check them by)"
        switch splitter.splitsPreferringNoLeadingZeros(accepts: { _ in true }) {
        case (.tooMany, _):
            unread(runs, what: what, table: .proactive, count: cells)
            return nil
        case (.splits(let splits), let leadingZeros):
            guard var values = settle(splits, of: runs, what: what, table: .proactive, rule: rule, cellCount: cells, leadingZeros: leadingZeros, bySums: false) else { return nil }
            if let change, let sign = signs.values.first { values[change] = sign + values[change] }
            values[cells - 1] += unit
            return values
        }
    }
}

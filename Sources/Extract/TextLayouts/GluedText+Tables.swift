import DisclosureModel

/// The three tables of a glued text: each row's digit runs cut into the template's cells.
///
/// A split is used only when it is the one split of the printed digits that the template's
/// identities (and table 2's prose) allow; otherwise the row is written without values, so the
/// cells are missing, and a diagnostic shows the run and how many splits were possible.
extension GluedReport {
    /// What a row's runs read as.
    enum RowReading {
        /// As many printed pieces as cells (or more): nothing to split.
        case printed([String])
        /// The splits the identities allow (none, one, or several), and whether a number had to start with 0.
        case splits([[Int]], leadingZeros: Bool)
        case tooManyToSearch
        /// A run that cannot be split (a decimal point in a run of several cells).
        case unsplittable
        /// Fewer pieces than cells with a space among them: the space may be a blank cell (a web
        /// page's `&nbsp;`) as well as a boundary, so a split that adds up may still shift cells.
        case spaced
    }

    /// `spaced`: whether the runs are pieces of one printed row (a space between two may be a blank
    /// cell); runs of different rows are cells apart.
    static func reading(_ runs: [String], count: Int, spaced: Bool = true, accepts: ([Int]) -> Bool) -> RowReading {
        if runs.count >= count { return .printed(runs) }
        if spaced && runs.count > 1 { return .spaced }
        let pieces = runs.compactMap(DigitRunSplitter.digits)
        guard pieces.count == runs.count else { return .unsplittable }
        let splitter = DigitRunSplitter(pieces: pieces, count: count)
        switch splitter.splitsPreferringNoLeadingZeros(accepts: accepts) {
        case (.tooMany, _): return .tooManyToSearch
        case (.splits(let splits), let leadingZeros): return .splits(splits, leadingZeros: leadingZeros)
        }
    }

    // MARK: Table 2

    static let proactiveWords = LabelWords([
        "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项", "信息内容",
        "本年制发件数", "本年新制发件数", "本年废止件数", "现行有效件数", "本年处理决定数量", "本年收费金额（单位：万元）", "本年收费金额",
    ] + proactiveItems.map(\.word))

    /// Table 2's items with the number of cells each has.
    static let proactiveItems: [(word: String, cells: Int)] = [
        ("规章", 3), ("行政规范性文件", 3), ("规范性文件", 3), ("行政许可", 1), ("行政处罚", 1), ("行政强制", 1), ("行政事业性收费", 1),
    ]

    /// Words of table 2 in the 2019 template, whose items have other cells (上一年项目数量, 本年增/减 …).
    static let template2019Words = ["本年新制作数量", "上一年项目数量", "本年增/减", "采购项目数量"].map { Array($0.unicodeScalars) }

    mutating func readProactive(_ body: Range<Int>) {
        if Self.template2019Words.contains(where: { find($0, from: body.lowerBound).map { $0 < body.upperBound } ?? false }) {
            return readProactive2019(body)
        }
        let clues = ProseClues(proseText)
        let rows = GluedTokenizer.rows(text, body, splitLabel: Self.proactiveWords.split)
        for row in rows {
            guard let item = row.labels.last(where: { label in Self.proactiveItems.contains { $0.word == label } }),
                  let count = Self.proactiveItems.first(where: { $0.word == item })?.cells, !row.runs.isEmpty else {
                out.row(row.labels + row.runs, origin: origin(row.start))
                continue
            }
            let what = "table 二, \(origin(row.start)): \(item)"
            switch Self.reading(row.runs, count: count, accepts: { _ in true }) {
            case .printed(let cells):
                out.row(row.labels + cells, origin: origin(row.start))
            case .splits(let splits, let leadingZeros):
                var kept = splits
                var stated: [String] = []
                if kept.count > 1 { kept = clues.narrow(kept, item: item, stated: &stated) }
                let rule = stated.isEmpty ? "(table 2 has no identity to check them by)" : "consistent with the report's text (\(stated.joined(separator: ", ")))"
                let cells = settle(kept, of: row.runs, what: what, table: .proactive, rule: rule, cellCount: count, leadingZeros: leadingZeros, bySums: false)
                out.row(row.labels + (cells ?? []), origin: origin(row.start))
            case .tooManyToSearch, .unsplittable, .spaced:
                unread(row.runs, what: what, table: .proactive, count: count)
                out.row(row.labels, origin: origin(row.start))
            }
        }
    }

    // MARK: Table 3

    /// Header words a crawler may glue (自然人法人或其他组织); not 其他/总计, which are in row labels too.
    static let applicationWords = LabelWords(["申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构"])

    static let rowTotalRule = "whose 总计 is the sum of the six applicant columns"

    mutating func readApplications(_ body: Range<Int>) {
        let rows = GluedTokenizer.rows(text, body, splitLabel: Self.applicationWords.split)
        let readings = rows.map { row in
            row.runs.isEmpty ? nil : Self.reading(row.runs, count: 7, accepts: DigitRunSplitter.rowTotalHolds)
        }
        // The 2019 template prints （六）其他处理 as one row with values, the 2021 template as a group of three.
        let otherIsOneRow = rows.contains { $0.labels.last?.hasSuffix("其他处理") == true && !$0.runs.isEmpty }
        let template = otherIsOneRow ? Template.national2019 : Template.national2021
        let decided = Self.decidedByTableIdentities(readings, rowCount: template.applicationRows.count)
        for (index, row) in rows.enumerated() {
            let what = "table 三, \(origin(row.start)): \(row.labels.last ?? "row")"
            switch readings[index] {
            case nil:
                out.row(row.labels, origin: origin(row.start))
            case .printed(let cells)?:
                out.row(row.labels + cells, origin: origin(row.start))
            case .splits(let splits, let leadingZeros)?:
                var cells: [String]?
                if splits.count > 1, let chosen = decided[index] {
                    cells = settle([chosen], of: row.runs, what: what, table: .applications,
                                   rule: "\(Self.rowTotalRule), and of its \(splits.count) such splits the only one with which the table's rows add up (上年结转 + 本年新收 = 总计 + 结转下年度; 总计 = the sum of the outcome rows)",
                                   cellCount: 7, leadingZeros: leadingZeros)
                } else {
                    cells = settle(splits, of: row.runs, what: what, table: .applications, rule: Self.rowTotalRule, cellCount: 7, leadingZeros: leadingZeros)
                }
                out.row(row.labels + (cells ?? []), origin: origin(row.start))
            case .tooManyToSearch?, .unsplittable?, .spaced?:
                unread(row.runs, what: what, table: .applications, count: 7)
                out.row(row.labels, origin: origin(row.start))
            }
        }
    }

    /// For rows with several splits, the one split left when the table's cross-row identities
    /// must hold for some choice of every row. Used only when the table has the template's rows
    /// with values (25, or 23 in 2019), in order; a row that cannot be read takes no part in any identity.
    static func decidedByTableIdentities(_ readings: [RowReading?], rowCount: Int) -> [Int: [Int]] {
        let valued = readings.indices.filter { readings[$0] != nil }
        guard valued.count == rowCount else { return [:] }
        let choices: [[[Int]]] = valued.map { index in
            switch readings[index] {
            case .printed(let cells)?:
                let numbers = cells.compactMap { Int($0) }
                return numbers.count == 7 && cells.count == 7 ? [numbers] : []
            case .splits(let splits, _)?: return splits
            default: return []
            }
        }
        let ambiguous = choices.indices.filter { choices[$0].count > 1 }
        guard !ambiguous.isEmpty else { return [:] }
        let combinations = ambiguous.reduce(1) { $0 * choices[$1].count }
        guard combinations <= 100_000 else { return [:] }
        var grid: [[Int]?] = choices.map { $0.count == 1 ? $0[0] : nil }
        var survivors: [[Int]] = []
        var picked = [Int](repeating: 0, count: ambiguous.count)
        for combination in 0..<combinations {
            var rest = combination
            for (slot, row) in ambiguous.enumerated() {
                picked[slot] = rest % choices[row].count
                rest /= choices[row].count
                grid[row] = choices[row][picked[slot]]
            }
            if rowsAddUp(grid) { survivors.append(picked) }
        }
        var decided: [Int: [Int]] = [:]
        for (slot, row) in ambiguous.enumerated() {
            let chosen = Set(survivors.map { $0[slot] })
            if chosen.count == 1, let only = chosen.first { decided[valued[row]] = choices[row][only] }
        }
        return decided
    }

    /// The identity (new + carried over = total + carried forward) and total of outcomes, per
    /// column, among the rows that are known (an unknown row's identities are not used). The
    /// rows are the template's: new, carried over, the outcome rows, total, carried forward.
    static func rowsAddUp(_ grid: [[Int]?]) -> Bool {
        let totalRow = grid.count - 2
        for column in 0..<7 {
            if let new = grid[0], let over = grid[1], let total = grid[totalRow], let forward = grid[totalRow + 1],
               new[column] + over[column] != total[column] + forward[column] { return false }
            let outcomes = grid[2..<totalRow]
            if let total = grid[totalRow], outcomes.allSatisfy({ $0 != nil }),
               outcomes.reduce(0, { $0 + $1![column] }) != total[column] { return false }
        }
        return true
    }

    // MARK: Table 4

    static let appealWords = LabelWords(["行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"])

    /// The header, then the fifteen values, wherever the runs were among the header's words.
    mutating func readAppeals(_ body: Range<Int>) {
        let rows = GluedTokenizer.rows(text, body, splitLabel: Self.appealWords.split)
        guard let first = rows.first else { return }
        out.row(rows.flatMap(\.labels), origin: origin(first.start))
        let runs = rows.flatMap(\.runs)
        guard let valued = rows.first(where: { !$0.runs.isEmpty }) else { return }
        let what = "table 四, \(origin(valued.start))"
        // Runs of different rows are cells apart; only a space within one row may be a blank cell.
        switch Self.reading(runs, count: 15, spaced: rows.contains { $0.runs.count > 1 }, accepts: DigitRunSplitter.blockTotalsHold) {
        case .printed(let cells):
            out.row(cells, origin: origin(valued.start))
        case .splits(let splits, let leadingZeros):
            if let cells = settle(splits, of: runs, what: what, table: .appeals, rule: "whose 总计 in each proceeding is the sum of its four outcomes", cellCount: 15, leadingZeros: leadingZeros) {
                out.row(cells, origin: origin(valued.start))
            }
        case .tooManyToSearch, .unsplittable, .spaced:
            unread(runs, what: what, table: .appeals, count: 15)
        }
    }

    // MARK: Diagnostics

    /// The cells of the only split, or nil (cells missing) when there is none or more than one;
    /// a diagnostic either way when the digits left a choice. `bySums`: the rule is the table's
    /// sums (the checks), so a split it settles is `placed_by_sums`, which the checks cannot confirm.
    mutating func settle(_ splits: [[Int]], of runs: [String], what: String, table: TableKind, rule: String, cellCount: Int, leadingZeros: Bool,
                         bySums: Bool = true) -> [String]? {
        let printed = runs.joined(separator: " ")
        let digitCount = runs.reduce(0) { $0 + $1.count }
        let zeros = leadingZeros ? " (only by reading a number with a leading zero, such as 05)" : ""
        switch splits.count {
        case 0:
            diagnostics.append(Diagnostic(.extract, .valueInvalid, "\(what): digit run \(printed) cannot be split into \(cellCount) numbers \(rule); left out", at: Diagnostic.Place(table: table)))
            return nil
        case 1:
            if digitCount > cellCount || leadingZeros {
                diagnostics.append(Diagnostic(.extract, bySums ? .placedBySums : .valueNormalized, "\(what): digit run \(printed) split as \(DigitRunSplitter.shown(splits[0]))\(zeros), the only split \(rule); the checks cannot confirm these cells independently",
                                              at: Diagnostic.Place(table: table)))
            }
            return splits[0].map(String.init)
        default:
            let shown = splits.prefix(4).map(DigitRunSplitter.shown).joined(separator: ", ") + (splits.count > 4 ? ", …" : "")
            diagnostics.append(Diagnostic(.extract, .cellMissing, "\(what): digit run \(printed) has \(splits.count) possible splits into \(cellCount) numbers \(rule)\(zeros) (\(shown)); which is printed cannot be told, left out",
                                          at: Diagnostic.Place(table: table)))
            return nil
        }
    }

    mutating func unread(_ runs: [String], what: String, table: TableKind, count: Int) {
        let why = runs.count > 1 && runs.count < count
            ? "a space among its digits may be a blank cell (a page's &nbsp;) as well as a boundary"
            : "too many ways to try, or a decimal point among several cells"
        diagnostics.append(Diagnostic(.extract, .cellMissing, "\(what): digit run \(runs.joined(separator: " ")) cannot be split into \(count) numbers (\(why)); left out",
                                      at: Diagnostic.Place(table: table)))
    }
}

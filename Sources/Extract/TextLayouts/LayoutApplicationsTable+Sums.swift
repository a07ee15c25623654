/// The sums of table 3, used to place values whose columns the text does not show for certain.
///
/// pdftotext squeezes the lines of the rows whose label spans the label columns (一、, （一）, （七）,
/// 四、) and can move their numbers onto a neighbouring column; a sparse table's row may have
/// numbers in columns no other row uses. Such rows are placed only by the whole table adding up:
/// every row's 总计 is the sum of its six columns, in every column （七）总计 is the sum of the 21
/// outcome rows, and 一 + 二 = （七） + 四. A number moved to another column breaks the sums of both
/// columns. Placements are kept only when they are the one reading, in the printed order, that
/// satisfies all of them; a table printed with a total off (the report's own error) leaves such
/// rows out.
extension LayoutApplicationsTable {
    /// Whether the 25 rows are all here, in the template's order, and their cells add up.
    static func sumsHold(_ labels: [String], _ cells: [[String]?]) -> Bool {
        guard let rows = numericRows(labels, cells) else { return false }
        let full = rows.compactMap(\.row)
        return full.count == 25 && holds(full)
    }

    /// The one placement of each unplaced row's printed values (by block position) that makes the
    /// table add up: the row's cells, or nil when there is none, several, or too many to try.
    /// Every row needs a reading, read or to be placed.
    /// A line of values in `shared` may be any of its owners' (rows with no other values): each
    /// is tried, the other owners then blank, and the one reading over all of them is kept.
    static func placeBySums(_ labels: [String], _ cells: [[String]?], printed: [Int: [String]],
                            shared: [(words: [String], owners: [Int])] = []) -> [Int: [String]]? {
        // Counted only up to past the limit: many shared lines would overflow the product.
        let choices = shared.reduce(1) { min($0 * $1.owners.count, 17) }
        guard choices <= 16 else { return nil }
        var reading: [Int: [String]]?
        // Steps tried at most, over all the choices: a table with many rows to place gives up
        // rather than stall the run.
        var budget = stepLimit
        for choice in 0..<choices {
            var cells = cells, printed = printed, blank: [Int] = []
            var rest = choice
            for group in shared {
                let owner = group.owners[rest % group.owners.count]
                rest /= group.owners.count
                printed[owner] = group.words
                for other in group.owners where other != owner {
                    cells[other] = Array(repeating: "", count: width)
                    blank.append(other)
                }
            }
            switch solve(labels, cells, printed: printed, budget: &budget) {
            case .none: continue
            case .unsure: return nil
            case .one(var placed):
                guard reading == nil else { return nil }
                for other in blank { placed[other] = Array(repeating: "", count: width) }
                reading = placed
            }
        }
        return reading
    }

    /// The search's steps at most per table placement, over all its tries (some tenths of a second
    /// in a release build).
    static let stepLimit = 2_000_000

    enum SumsReading {
        case none, one([Int: [String]]), unsure
    }

    private static func solve(_ labels: [String], _ cells: [[String]?], printed: [Int: [String]], budget: inout Int) -> SumsReading {
        guard let rows = numericRows(labels, cells) else { return .unsure }
        var unknown: [(index: Int, position: Int, candidates: [[Int]], values: [[Int]])] = []
        for (index, entry) in rows.enumerated() where entry.row == nil {
            guard let texts = printed[entry.position] else { return .unsure }
            var values: [Int] = []
            for text in texts {
                guard let value = number(text) else { return .unsure }
                values.append(value)
            }
            let candidates = placements(values)
            guard !candidates.isEmpty else { return .none }
            unknown.append((index, entry.position, candidates, candidates.map { fill($0, texts).map { number($0)! } }))
        }
        // The outcome rows tried so far may not exceed （七） in any column, nor fall short of it
        // with all the rest at their largest (（七） read, derived, or any reading of its printed
        // values): tried first, they cut the search short. Unread, it is 一 + 二 − 四 when those are read.
        var seven = rows[23].row
        if seven == nil, let new = rows[0].row, let old = rows[1].row, let forward = rows[24].row {
            let derived = (0..<width).map { new[$0] + old[$0] - forward[$0] }
            guard let at = unknown.firstIndex(where: { $0.index == 23 }) else { return .unsure }
            guard unknown[at].values.contains(derived) else { return .none }
            let keep = unknown[at].values.indices.filter { unknown[at].values[$0] == derived }
            unknown[at].candidates = keep.map { unknown[at].candidates[$0] }
            unknown[at].values = keep.map { unknown[at].values[$0] }
            seven = derived
        }
        // A row read with its total off: no placement can make the table add up.
        for row in rows.compactMap(\.row) where row[6] != row[..<6].reduce(0, +) { return .unsure }
        guard !unknown.isEmpty else { return holds(rows.compactMap(\.row)) ? .one([:]) : .none }
        // The outcome rows first, then （七） (their sum), 一, 二 and 四 (一 + 二 − （七））.
        let order = Array(2...22) + [23, 0, 1, 24]
        // Among the outcome rows, those with the fewest readings first: the search narrows sooner.
        func rank(_ entry: (index: Int, position: Int, candidates: [[Int]], values: [[Int]])) -> (Int, Int, Int) {
            let step = order.firstIndex(of: entry.index)!
            return (2...22).contains(entry.index) ? (0, entry.values.count, step) : (1, step, 0)
        }
        unknown.sort { rank($0) < rank($1) }
        var full = rows.map { $0.row ?? [] }
        var outcomes = Array(repeating: 0, count: width)
        for row in rows[2...22].compactMap(\.row) { for column in 0..<width { outcomes[column] += row[column] } }
        // The most the outcome rows from each depth on can still add to each column: a branch
        // that cannot reach （七） in some column is cut.
        var reachable = Array(repeating: Array(repeating: 0, count: width), count: unknown.count + 1)
        for depth in unknown.indices.reversed() {
            reachable[depth] = reachable[depth + 1]
            guard (2...22).contains(unknown[depth].index) else { continue }
            for column in 0..<width { reachable[depth][column] += unknown[depth].values.map { $0[column] }.max() ?? 0 }
        }
        // （七）'s readings: the one read or derived, else those of its printed values.
        let sevens = seven.map { [$0] } ?? unknown.first { $0.index == 23 }?.values
        var chosen = Array(repeating: 0, count: unknown.count)
        var found: (choices: [Int], rows: [[Int]])?
        var solutions = 0
        func search(_ depth: Int) {
            guard solutions < 2, budget > 0 else { return }
            budget -= 1
            if depth == unknown.count {
                // Zeros moved between blank cells read the same: one reading, not two.
                if holds(full), found.map({ $0.rows != full }) ?? true {
                    solutions += 1
                    found = (chosen, full)
                }
                return
            }
            let index = unknown[depth].index
            let isOutcome = (2...22).contains(index)
            for (choice, row) in unknown[depth].values.enumerated() {
                if index == 23, row != outcomes { continue }
                if index == 24, (0..<width).contains(where: { full[0][$0] + full[1][$0] - full[23][$0] != row[$0] }) { continue }
                chosen[depth] = choice
                full[unknown[depth].index] = row
                if isOutcome {
                    for column in 0..<width { outcomes[column] += row[column] }
                    let open = sevens.map { sevens in
                        sevens.contains { seven in (0..<width).allSatisfy { outcomes[$0] <= seven[$0] && outcomes[$0] + reachable[depth + 1][$0] >= seven[$0] } }
                    } ?? true
                    if open { search(depth + 1) }
                    for column in 0..<width { outcomes[column] -= row[column] }
                } else {
                    search(depth + 1)
                }
            }
        }
        search(0)
        guard budget > 0, solutions < 2 else { return .unsure }
        guard let found else { return .none }
        var placed: [Int: [String]] = [:]
        for (depth, entry) in unknown.enumerated() {
            placed[entry.position] = fill(entry.candidates[found.choices[depth]], printed[entry.position]!)
        }
        return .one(placed)
    }

    /// The rows of the table by block position, numbers where read: nil unless there are 25, in
    /// the template's order, with every cell read a plain number.
    private static func numericRows(_ labels: [String], _ cells: [[String]?]) -> [(position: Int, row: [Int]?)]? {
        var rows: [(position: Int, row: [Int]?)] = []
        var rowLabels: [String] = []
        for (position, (label, cells)) in zip(labels, cells).enumerated() where !isGroup(label) {
            var numbers: [Int]?
            if let cells {
                guard cells.count == width else { return nil }
                numbers = []
                for cell in cells {
                    guard let number = number(cell) else { return nil }
                    numbers?.append(number)
                }
            }
            rows.append((position, numbers))
            rowLabels.append(label.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
        }
        let anchors: [(Int, String)] = [(0, "一、"), (1, "二、"), (2, "（一）"), (3, "（二）"), (23, "（七）"), (24, "四、")]
        guard rows.count == 25, anchors.allSatisfy({ rowLabels[$0.0].hasPrefix($0.1) }) else { return nil }
        return rows
    }

    private static func holds(_ rows: [[Int]]) -> Bool {
        for row in rows where row[6] != row[..<6].reduce(0, +) { return false }
        for column in 0..<width {
            let outcomes: Int = rows[2...22].reduce(0) { $0 + $1[column] }
            guard rows[23][column] == outcomes, rows[0][column] + rows[1][column] == rows[23][column] + rows[24][column] else { return false }
        }
        return true
    }

    /// The columns the printed values may stand in, in their order, with the row's 总计 the sum
    /// of its six columns.
    private static func placements(_ values: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        func extend(_ columns: [Int], next: Int) {
            if columns.count == values.count {
                var row = Array(repeating: 0, count: width)
                for (column, value) in zip(columns, values) { row[column] = value }
                if row[6] == row[..<6].reduce(0, +) { result.append(columns) }
                return
            }
            guard next < width else { return }
            for column in next..<width where width - column >= values.count - columns.count {
                extend(columns + [column], next: column + 1)
            }
        }
        extend([], next: 0)
        return result
    }

    private static func fill(_ columns: [Int], _ texts: [String]) -> [String] {
        var cells = Array(repeating: "", count: width)
        for (column, text) in zip(columns, texts) { cells[column] = text }
        return cells
    }

    /// A cell's number: blank or a dash is 0; nil for anything else but plain digits.
    static func number(_ cell: String) -> Int? {
        if cell.isEmpty || ByteText.isDash(cell) { return 0 }
        var value = 0
        for scalar in cell.unicodeScalars {
            let digit: UInt32
            switch scalar.value {
            case 0x30...0x39: digit = scalar.value - 0x30
            case 0xFF10...0xFF19: digit = scalar.value - 0xFF10
            default: return nil
            }
            guard value < 100_000_000 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

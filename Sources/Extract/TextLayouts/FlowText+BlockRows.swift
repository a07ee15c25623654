/// Table 3 rows read from a block of rows anywhere in a scrambled table: `pdftotext` often reads
/// the rows under the header in a mixed order but the rows below as blocks, column by column (seven
/// runs of k values, k rows) or a row's seven cells one after another.
///
/// A block is taken only when the table's printed values are exactly its cells (no blank cell, so
/// no value is missing before the block), and then as rows n..n+k−1 where 7·n is the number of
/// values printed before it; three guards, each seen to be needed on the generated corpora: no text
/// between its runs; seven single values only when no other single value comes right before or
/// after them (a longer string of single values may be read column by column over several rows);
/// a block of seven runs of seven is not read when its runs read as rows add up too and differ;
/// and every row of the block adds up (its 总计 the sum of its six columns), since a column read
/// apart elsewhere (自然人 beside the labels) shifts the columns of the rows after it.
/// A row's seven values in one run (`pdftotext` reading a row left to right) are taken where the
/// values before them put them and the text just before or after them names that row (a column of
/// seven rows would also be a run of seven, at a place a multiple of seven too), when the row adds up.
/// Values printed at the end of a label's line (`2.重复申请 0`) count as values before a block but
/// never belong to one.
enum FlowBlockRows {
    private struct Run {
        var values: [FlowLine]
        var textAfter = false
        var glued = false
        /// Template rows named by the text since the run before, and by the first text line after.
        var labelsBefore: [Int] = []
        var labelsAfter: [Int] = []
    }

    /// The rows read, by printed row index; empty when the values are not exactly the table's cells.
    static func read(_ lines: [FlowLine], rowCount: Int) -> [Int: [FlowLine]] {
        let columns = FlowApplications.columns
        guard let runs = runs(lines), runs.reduce(0, { $0 + $1.values.count }) == columns * rowCount else { return [:] }
        var before = [0]
        for run in runs { before.append(before.last! + run.values.count) }
        var rows: [Int: [FlowLine]] = [:]
        for start in runs.indices where start + columns <= runs.count {
            let block = runs[start..<(start + columns)]
            let height = block.first!.values.count
            guard block.allSatisfy({ $0.values.count == height && !$0.glued }),
                  !block.dropLast().contains(where: \.textAfter),
                  height > 1 || singlesApart(runs, start),
                  before[start] % columns == 0, before[start] / columns + height <= rowCount else { continue }
            let first = before[start] / columns
            let read = (0..<height).map { row in block.map { $0.values[row] } }
            guard read.allSatisfy(addsUp) else { continue }
            // Seven runs of seven could also be seven rows printed one after another: when that
            // reading adds up too and differs, which one is printed cannot be told.
            if height == columns {
                let byRuns = block.map(\.values)
                if byRuns.allSatisfy(addsUp), byRuns.map({ $0.map(\.text) }) != read.map({ $0.map(\.text) }) { continue }
            }
            for (offset, row) in read.enumerated() where rows[first + offset] == nil { rows[first + offset] = row }
        }
        guard rowCount == FlowApplications.rows.count else { return rows }
        for (index, run) in runs.enumerated() where run.values.count == columns && !run.glued && before[index] % columns == 0 {
            let row = before[index] / columns
            guard row < rowCount, rows[row] == nil, run.labelsBefore.contains(row) || run.labelsAfter.contains(row),
                  addsUp(run.values) else { continue }
            rows[row] = run.values
        }
        return rows
    }

    /// Whether the seven single values from `start` have no other single value right before or after.
    private static func singlesApart(_ runs: [Run], _ start: Int) -> Bool {
        let end = start + FlowApplications.columns
        let before = start == 0 || runs[start - 1].values.count != 1 || runs[start - 1].textAfter || runs[start - 1].glued
        let after = end == runs.count || runs[end].values.count != 1 || runs[end - 1].textAfter || runs[end].glued
        return before && after
    }

    /// Whether the row's last cell (its 总计) is the sum of the cells before it.
    static func addsUp(_ row: [FlowLine]) -> Bool {
        let numbers = row.compactMap { LayoutApplicationsTable.number($0.text) }
        guard numbers.count == row.count else { return false }
        return numbers.dropLast().reduce(0, +) == numbers.last!
    }

    /// Runs of values on consecutive lines; nil when a line holds several values.
    private static func runs(_ lines: [FlowLine]) -> [Run]? {
        var runs: [Run] = []
        var current: [FlowLine] = []
        var textSince = ""
        var sinceText = 0
        func close() {
            guard !current.isEmpty else { return }
            runs.append(Run(values: current, labelsBefore: FlowRowLabels.rows(in: textSince)))
            current = []
            textSince = ""
        }
        for line in lines {
            switch line.kind {
            case .value: current.append(line)
            case .values: return nil
            case .blank: close()
            case .text:
                close()
                if !runs.isEmpty { runs[runs.count - 1].textAfter = true }
                let named = FlowRowLabels.rows(in: line.key)
                for index in sinceText..<runs.count { runs[index].labelsAfter = named }
                textSince += line.key
                let glued = gluedValues(line.text)
                for word in glued {
                    runs.append(Run(values: [FlowLine(kind: .value, text: word, key: word, line: line.line)], textAfter: true, glued: true))
                }
                if !glued.isEmpty { textSince = "" }
                sinceText = runs.count
            }
        }
        close()
        return runs
    }

    /// The values printed at the end of a text line, after its words.
    private static func gluedValues(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        let values = words.reversed().prefix { FlowLines.isValue($0) }
        return values.count < words.count ? values.reversed() : []
    }
}

import DisclosureModel

/// Table 4 in reading order: 15 values in one row under a three-level header whose words come
/// between the values. The order is kept only in the shapes seen to keep it: one run of 15 values;
/// or 14 then the last column's 总计 header and the 15th. With header words between other runs the
/// columns come mixed (行政复议's 总计 after the lawsuits', a 总计 read before its row's values,
/// on the generated corpora in every shape seen) and the table is left out, unless its 15 values
/// are all zero (`FlowZeros`), or the first run is 行政复议's five (exactly five values that add up:
/// its 总计 the sum of its four outcomes; so in every such case on the generated corpora) and the
/// ten after it are all zero: the lawsuits' cells are then zero whatever their order.
enum FlowAppeals {
    static let cells = 15

    /// `headerFirst`: the lines start with the header (no header words or cells before the heading),
    /// so the first run of values is 行政复议's.
    static func read(_ lines: [FlowLine], headerFirst: Bool, into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        if let zeros = FlowZeros.allZero(lines, cells: cells), let first = lines.first(where: { $0.kind == .value || $0.kind == .values }) {
            return text.row(["行政复议"] + zeros, origin: ConvertedText.origin(line: first.line))
        }
        var runs: [[FlowLine]] = []
        var between: [String] = []
        var current: [FlowLine] = []
        for line in lines where line.kind != .blank {
            if line.kind == .value { current.append(line); continue }
            if !current.isEmpty { runs.append(current); between.append(""); current = [] }
            if line.kind == .values { return missing("line \(line.line + 1) holds several values", &diagnostics) }
            if !between.isEmpty { between[between.count - 1] += line.key }
        }
        if !current.isEmpty { runs.append(current) }
        let values = runs.flatMap { $0 }
        guard values.count == cells else { return missing("\(values.count) values for \(cells) cells (blank cells?)", &diagnostics) }
        let ends = runs.reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1.count) }
        let whole = runs.count == 1
        let lastApart = ends == [14, 15] && ["总计", "合计"].contains(between[0])
        if headerFirst, !whole, !lastApart, let review = runs.first, review.count == 5, FlowBlockRows.addsUp(review),
           runs.dropFirst().allSatisfy({ $0.allSatisfy { FlowZeros.isZero($0.text) } }) {
            return text.row(["行政复议"] + values.map(\.text), origin: ConvertedText.origin(line: values[0].line))
        }
        guard whole || lastApart else {
            return missing("its values come in runs of \(runs.map(\.count)) between header words, an order that can mix its columns", &diagnostics)
        }
        text.row(["行政复议"] + values.map(\.text), origin: ConvertedText.origin(line: values[0].line))
    }

    private static func missing(_ why: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(.extract, .cellMissing, "table 四: \(why); which cell each value belongs to cannot be told, so its cells are left out", at: Diagnostic.Place(table: .appeals)))
    }
}

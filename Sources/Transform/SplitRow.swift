import DisclosureModel

/// A row that a page break (or a converter) cut in two: its label wrapped over both parts
/// (行政事业性 | 收费, 一、本年新收政府信息公开申 | 请数量), its values in one of them.
///
/// The two rows are one when the label's two pieces, joined, are a label of the dictionary. Their
/// values are put together column by column; a column printed in both parts cannot be told apart,
/// so then the rows are not joined.
enum SplitRow {
    /// The row made of `first` and `second`, or nil when they are not one row.
    static func merged(_ first: RawRow, _ second: RawRow, isLabel: (String) -> Bool) -> RawRow? {
        guard let tail = first.labels.last, let head = second.labels.first,
              !tail.text.isEmpty, !head.text.isEmpty else { return nil }
        let joined = tail.text + "\n" + head.text
        guard isLabel(joined), let values = mergedValues(first.values, second.values) else { return nil }
        return RawRow(labels: first.labels.dropLast() + [TextCell(joined, line: tail.line)] + second.labels.dropFirst(), values: values)
    }

    private static func mergedValues(_ first: [TextCell], _ second: [TextCell]) -> [TextCell]? {
        let firstEmpty = first.allSatisfy { $0.text.isEmpty }, secondEmpty = second.allSatisfy { $0.text.isEmpty }
        if secondEmpty { return first }
        if firstEmpty { return second }
        guard first.count == second.count else { return nil }
        var values: [TextCell] = []
        for (a, b) in zip(first, second) {
            if !a.text.isEmpty && !b.text.isEmpty { return nil }
            values.append(a.text.isEmpty ? b : a)
        }
        return values
    }
}

import DisclosureModel

/// Chooses which of a row's value cells are its data, given how many cells the template expects.
///
/// Converters pad rows with empty cells (trailing `|`, merged columns), but an empty cell can also
/// be data (printed blank: 0 with a diagnostic). When there are enough non-empty values, empty
/// cells are padding. Otherwise the data is the window of the expected width that ends at the last
/// non-empty value (padding trails more often than it leads), and the empty cells inside it are data.
enum CellPicker {
    struct Picked {
        /// The data cells, at most `expected`; fewer means the rest are missing.
        var cells: [TextCell]
        /// Values beyond the expected count, ignored.
        var extra: [TextCell]
    }

    static func pick(_ values: [TextCell], expected: Int) -> Picked {
        if !values.contains(where: { $0.text.isEmpty }) {
            // The usual row: every cell filled, nothing to choose.
            return values.count <= expected ? Picked(cells: values, extra: [])
                : Picked(cells: Array(values.prefix(expected)), extra: Array(values.dropFirst(expected)))
        }
        let filledCount = values.count { !$0.text.isEmpty }
        if filledCount >= expected {
            let filled = nonEmpty(values, count: filledCount)
            return filledCount == expected ? Picked(cells: filled, extra: [])
                : Picked(cells: Array(filled.prefix(expected)), extra: Array(filled.dropFirst(expected)))
        }
        guard values.count >= expected else { return Picked(cells: values, extra: []) }
        guard let last = values.lastIndex(where: { !$0.text.isEmpty }) else {
            return Picked(cells: Array(values.prefix(expected)), extra: [])
        }
        let start = max(0, last - expected + 1)
        if let first = values.firstIndex(where: { !$0.text.isEmpty }), first < start {
            // The values spread wider than the row: keep them and call the rest missing.
            return Picked(cells: nonEmpty(values, count: filledCount), extra: [])
        }
        return Picked(cells: Array(values[start..<(start + expected)]), extra: [])
    }

    /// The non-empty cells, in one allocation (`filter` grows its result step by step).
    private static func nonEmpty(_ values: [TextCell], count: Int) -> [TextCell] {
        var filled: [TextCell] = []
        filled.reserveCapacity(count)
        for value in values where !value.text.isEmpty { filled.append(value) }
        return filled
    }
}

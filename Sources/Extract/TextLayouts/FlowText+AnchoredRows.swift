import DisclosureModel

/// Table 3 rows read between their printed labels, when `pdftotext` gives each cell a block of its
/// own and reads a row's seven cells left to right: a run of single-value blocks that starts after
/// row i's label and ends before row j's is rows i..<j when it holds exactly 7·(j−i) values.
///
/// Labels wander (a group's labels can come together, or after its values), so a run is taken only
/// when three things agree, each seen to fail alone on the generated corpora: the count; every
/// block between row i's label and the run holds a row label (header words there mean the cells are
/// interleaved with the header); and the values before the run are exactly the 7·i of the rows
/// above it, or those after it exactly the 7 per row below it (a displaced or blank cell elsewhere
/// breaks both, and a run's count can then be right by chance).
enum FlowAnchoredRows {
    /// A line of the table with the block (lines between blank lines) it belongs to.
    private struct Item {
        let line: FlowLine
        let block: Int
        let blockHeight: Int
        let labels: [Int]
        var valueCount: Int {
            switch line.kind {
            case .value: 1
            case .values: line.text.split(separator: " ").count
            default: 0
            }
        }
    }

    /// Consecutive lines of one kind: text (`.text`) or single values (`.value`); `.values` lines
    /// form segments of their own that are never read.
    private struct Segment {
        let kind: FlowLine.Kind
        var items: [Item]
    }

    /// The rows read, by template row index.
    static func read(_ lines: [FlowLine]) -> [Int: [FlowLine]] {
        let segments = segments(lines)
        let rowCount = FlowApplications.rows.count
        var rows: [Int: [FlowLine]] = [:]
        var done = -1
        for (index, segment) in segments.enumerated() where segment.kind == .value {
            guard index > 0, segments[index - 1].kind == .text else { continue }
            let before = segments[index - 1]
            guard let first = before.items.flatMap(\.labels).filter({ $0 > done }).min() else { continue }
            let end: Int
            if index + 1 < segments.count {
                guard segments[index + 1].kind == .text,
                      let next = segments[index + 1].items.flatMap(\.labels).filter({ $0 > first }).min() else { continue }
                end = next
            } else {
                end = rowCount
            }
            let values = segment.items
            guard values.allSatisfy({ $0.blockHeight == 1 }), values.count == FlowApplications.columns * (end - first) else { continue }
            guard onlyLabelBlocks(before.items, from: first) else { continue }
            let above = segments[..<index].reduce(0) { $0 + $1.items.reduce(0) { $0 + $1.valueCount } }
            let below = segments[(index + 1)...].reduce(0) { $0 + $1.items.reduce(0) { $0 + $1.valueCount } }
            let columns = FlowApplications.columns
            guard above == columns * first || (end < rowCount && below == columns * (rowCount - end)) else { continue }
            for row in first..<end {
                rows[row] = values[(columns * (row - first))..<(columns * (row - first + 1))].map(\.line)
            }
            done = end - 1
        }
        return rows
    }

    /// Whether every block from the one holding row `first`'s label to the run holds a row label.
    private static func onlyLabelBlocks(_ items: [Item], from first: Int) -> Bool {
        guard let start = items.firstIndex(where: { $0.labels.contains(first) }) else { return false }
        var blocks: [Int: Bool] = [:]
        for item in items where item.block >= items[start].block {
            blocks[item.block, default: false] = blocks[item.block, default: false] || item.labels.contains { $0 >= first }
        }
        return blocks.values.allSatisfy { $0 }
    }

    private static func segments(_ lines: [FlowLine]) -> [Segment] {
        var items: [Item] = []
        var block = 0
        var blockStart = 0
        for line in lines {
            if line.kind == .blank {
                if items.count > blockStart { block += 1 }
                closeBlock(&items, from: blockStart)
                blockStart = items.count
                continue
            }
            items.append(Item(line: line, block: block, blockHeight: 0, labels: line.kind == .text ? FlowRowLabels.rows(in: line.key) : []))
        }
        closeBlock(&items, from: blockStart)
        var segments: [Segment] = []
        for item in items {
            if let last = segments.last, last.kind == item.line.kind, item.line.kind != .values {
                segments[segments.count - 1].items.append(item)
            } else {
                segments.append(Segment(kind: item.line.kind, items: [item]))
            }
        }
        return segments
    }

    private static func closeBlock(_ items: inout [Item], from start: Int) {
        let height = items.count - start
        for index in start..<items.count {
            let item = items[index]
            items[index] = Item(line: item.line, block: item.block, blockHeight: height, labels: item.labels)
        }
    }
}

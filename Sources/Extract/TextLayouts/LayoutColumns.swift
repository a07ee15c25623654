/// The value columns of a table in space-aligned text, found from where its numbers (or its
/// header words) stand, so that a row printing some cells blank puts each number in its column.
///
/// A column is a cluster of word centres; a word is placed only when one column is clearly the
/// nearest, and no two words of a line go to one column. Otherwise the line's values are left out:
/// a blank cell guessed wrong would move every number after it.
struct LayoutColumns {
    let centers: [Double]

    /// Clusters of centres split where two neighbours are more than `gap` columns apart; nil
    /// unless there are exactly `expected` clusters, each no wider than a column (numbers of one
    /// to three digits, right-aligned, differ by one in their centres), and every line of
    /// `fullLines` (one with all its cells printed) has its values at the clusters in order: a
    /// converter that squeezes some lines makes no columns to trust.
    init?(centers points: [Double], expected: Int, fullLines: [[Double]] = [], evenly: Bool = true, gap: Double = 1.6) {
        let sorted = points.sorted()
        var clusters: [[Double]] = []
        for point in sorted {
            if let last = clusters.last?.last, point - last <= gap {
                clusters[clusters.count - 1].append(point)
            } else {
                clusters.append([point])
            }
        }
        guard clusters.count == expected, clusters.allSatisfy({ ($0.last ?? 0) - ($0.first ?? 0) <= 1 }) else { return nil }
        centers = clusters.map { $0.reduce(0, +) / Double($0.count) }
        let centers = centers
        guard fullLines.allSatisfy({ line in line.count == expected && zip(line, centers).allSatisfy { abs($0 - $1) <= 1 } }) else { return nil }
        guard !evenly || expected < 3 || evenlySpaced else { return nil }
    }

    /// The template's value columns are of one width: clusters unevenly spaced are numbers pushed
    /// aside by a long label, or columns a sparse table part never used, not its columns.
    private var evenlySpaced: Bool {
        let gaps = zip(centers.dropFirst(), centers).map { $0 - $1 }.sorted()
        let median = gaps[gaps.count / 2]
        return gaps.allSatisfy { $0 >= 0.6 * median && $0 <= 1.6 * median }
    }

    /// The line's values in their columns ("" for a blank cell), or nil when a word cannot be
    /// placed for certain.
    func slots(_ words: [LayoutLine.Word]) -> [String]? {
        var slots = Array(repeating: "", count: centers.count)
        var taken = Array(repeating: false, count: centers.count)
        for word in words {
            let distances = centers.map { abs($0 - word.center) }
            guard let best = distances.indices.min(by: { distances[$0] < distances[$1] }) else { return nil }
            let others = distances.indices.filter { $0 != best }.map { distances[$0] }
            // Within a column of it, and at least two columns nearer than any other.
            guard distances[best] <= 1, others.allSatisfy({ $0 >= distances[best] + 2 }), !taken[best] else { return nil }
            taken[best] = true
            slots[best] = word.text
        }
        return slots
    }
}

/// The value columns of a table in space-aligned text, found from where its numbers (or its
/// header words) stand, so that a row printing some cells blank puts each number in its column.
///
/// Numbers in a column share an edge: the right one when they are right-aligned, the left one
/// when left-aligned, the middle when centred. The edge that makes the tightest columns is used,
/// and a column is a set of words at (almost) the same place on it. A word is placed only at its
/// column's place; a converter that squeezes a crowded line moves its numbers off their columns,
/// and such a line's values are left out: a blank cell guessed wrong would move every number
/// after it.
struct LayoutColumns {
    enum Edge: CaseIterable {
        case start, center, end

        func position(_ word: LayoutLine.Word) -> Double {
            switch self {
            case .start: Double(word.start)
            case .center: word.center
            case .end: Double(word.end)
            }
        }
    }

    let edge: Edge
    let places: [Double]
    /// How far from its column's place a word may stand.
    var tolerance = 0.5
    /// The columns' exact extents, when a rule line draws them (`rule(_:values:)`): a word is in
    /// the column whose extent holds it whole.
    private(set) var extents: [Range<Int>]?

    /// The columns of `words` (all the numbers of a table part): nil unless one edge gives exactly
    /// `expected` columns, each within half a column, evenly spaced (the template's value columns
    /// are of one width), and every line of `fullLines` (all its cells printed) has its numbers
    /// at the columns in order.
    init?(words: [LayoutLine.Word], expected: Int, fullLines: [[LayoutLine.Word]] = [], evenly: Bool = true) {
        var found: (Edge, [Double])?
        for edge in Edge.allCases {
            guard let places = Self.places(words.map(edge.position), expected: expected),
                  fullLines.allSatisfy({ line in line.count == expected && zip(line, places).allSatisfy { abs(edge.position($0) - $1) <= 0.5 } }),
                  !evenly || expected < 3 || Self.evenlySpaced(places) else { continue }
            // Two edges that both fit but disagree on a word's column leave nothing certain.
            if let (other, otherPlaces) = found,
               words.contains(where: { Self.column(other.position($0), otherPlaces) != Self.column(edge.position($0), places) }) {
                return nil
            }
            if found == nil { found = (edge, places) }
        }
        guard let (edge, places) = found else { return nil }
        self.edge = edge
        self.places = places
    }

    /// Positions grouped where neighbours are within half a column: nil unless `expected` groups
    /// remain once stray ones are set aside. A stray group is closer to a neighbour than a column
    /// is wide and has fewer numbers than it: a number a converter moved off its column (next to
    /// a wrapped label's last piece); its line then has a number at no column and is left out.
    private static func places(_ points: [Double], expected: Int) -> [Double]? {
        var clusters: [[Double]] = []
        for point in points.sorted() {
            if let first = clusters.last?.first, point - first <= 0.5 {
                clusters[clusters.count - 1].append(point)
            } else {
                clusters.append([point])
            }
        }
        func center(_ cluster: [Double]) -> Double { cluster.reduce(0, +) / Double(cluster.count) }
        while clusters.count > expected {
            let gaps = zip(clusters.dropFirst(), clusters).map { center($0) - center($1) }
            let width = gaps.sorted()[gaps.count / 2]
            guard let narrowest = gaps.indices.min(by: { gaps[$0] < gaps[$1] }), gaps[narrowest] < 0.6 * width else { return nil }
            let left = clusters[narrowest], right = clusters[narrowest + 1]
            guard left.count != right.count else { return nil }
            clusters.remove(at: left.count < right.count ? narrowest : narrowest + 1)
        }
        guard clusters.count == expected else { return nil }
        return clusters.map(center)
    }

    private static func evenlySpaced(_ places: [Double]) -> Bool {
        let gaps = zip(places.dropFirst(), places).map { $0 - $1 }.sorted()
        let median = gaps[gaps.count / 2]
        return gaps.allSatisfy { $0 >= 0.6 * median && $0 <= 1.6 * median }
    }

    /// The columns under a table's stacked header words (商业 / 企业), for a table part whose
    /// numbers leave a column empty: nil unless the words' starts (the one place pdftotext keeps
    /// for wide characters) make exactly `expected` columns, every number starts within a column
    /// of one of them, numbers at one column start within a column of each other, and every line
    /// of `fullLines` has its numbers at the columns in order.
    init?(header: [LayoutLine.Word], numbers: [LayoutLine.Word], expected: Int, fullLines: [[LayoutLine.Word]]) {
        var clusters: [[Double]] = []
        for point in header.map({ Double($0.start) }).sorted() {
            if let last = clusters.last?.last, point - last <= 1 {
                clusters[clusters.count - 1].append(point)
            } else {
                clusters.append([point])
            }
        }
        let places = clusters.map { $0.reduce(0, +) / Double($0.count) }
        guard places.count == expected, !numbers.isEmpty, zip(places.dropFirst(), places).allSatisfy({ $0 - $1 >= 3 }) else { return nil }
        let columns = LayoutColumns(edge: .start, places: places, tolerance: 1)
        var seen: [Int: (low: Int, high: Int)] = [:]
        for number in numbers {
            guard let column = Self.column(Double(number.start), places, tolerance: 1) else { return nil }
            let range = seen[column].map { (min($0.low, number.start), max($0.high, number.start)) } ?? (number.start, number.start)
            guard range.1 - range.0 <= 1 else { return nil }
            seen[column] = range
        }
        guard fullLines.allSatisfy({ $0.count == expected && columns.slots($0) == $0.map(\.text) }) else { return nil }
        self = columns
    }

    /// The columns a converter's rule line draws under or around its table (pandoc's plain and
    /// markdown text: `-------- ------ -----`, a dash run a column, its cells left-aligned in
    /// it): its last `expected` runs are the value columns (the labels' come first). Nil unless
    /// the rule has that many runs and every number of the table stands whole inside one of the
    /// value columns; then a number's column is certain, wherever the other cells of its row
    /// are blank. (Counted with the wrong character widths, numbers fall in the labels' runs.)
    static func rule(_ runs: [Range<Int>], expected: Int, values: [LayoutLine.Word]) -> LayoutColumns? {
        guard runs.count >= expected, expected > 0 else { return nil }
        let kept = Array(runs.suffix(expected))
        guard values.allSatisfy({ word in kept.contains(where: word.isInside) }) else { return nil }
        var columns = LayoutColumns(edge: .start, places: kept.map { Double($0.lowerBound) }, tolerance: 0)
        columns.extents = kept
        return columns
    }

    private init(edge: Edge, places: [Double], tolerance: Double) {
        self.edge = edge
        self.places = places
        self.tolerance = tolerance
    }

    private static func column(_ position: Double, _ places: [Double], tolerance: Double = 0.5) -> Int? {
        let near = places.indices.filter { abs(places[$0] - position) <= tolerance }
        return near.count == 1 ? near[0] : nil
    }

    /// The line's values in their columns ("" for a blank cell), or nil when a word is not at a
    /// column's place or two words are at one.
    func slots(_ words: [LayoutLine.Word]) -> [String]? {
        var slots = Array(repeating: "", count: places.count)
        var taken = Array(repeating: false, count: places.count)
        for word in words {
            let column = extents.map { $0.firstIndex(where: word.isInside) }
                ?? Self.column(edge.position(word), places, tolerance: tolerance)
            guard let index = column, !taken[index] else { return nil }
            taken[index] = true
            slots[index] = word.text
        }
        return slots
    }
}

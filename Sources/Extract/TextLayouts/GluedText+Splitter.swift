/// The ways to cut digits printed without separators (`8855698`) into a row's numbers.
///
/// A run of k digits split into n numbers has many readings; the caller's `accepts` rejects the
/// impossible ones as the cells are chosen (a row whose 总计 is not the sum of its six applicant
/// columns), so the search stays small. Pieces the text did separate (by a space) are never joined.
struct DigitRunSplitter {
    /// The digits of each printed piece, as numbers 0–9.
    let pieces: [[UInt8]]
    /// How many numbers the pieces hold in all.
    let count: Int
    /// Whether a number may start with 0 (`05`); only when no split is possible without.
    var allowsLeadingZeros = false
    /// The search stops after this many steps and says so, rather than run long on a garbled run.
    var stepLimit = 2_000_000
    /// Pieces whose first number must be a given cell (by piece index): a signed piece starts at
    /// 本年增/减, the only cell printed with a sign.
    var pieceStartsAtCell: [Int: Int] = [:]

    enum Outcome: Equatable {
        case splits([[Int]])
        /// The search gave up: too many ways to try.
        case tooMany
    }

    /// Digits of a printed run (`"8855698"`); nil when it holds anything else.
    static func digits(_ text: String) -> [UInt8]? {
        var digits: [UInt8] = []
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            digits.append(byte - 0x30)
        }
        return digits.isEmpty ? nil : digits
    }

    /// Every split whose numbers `accepts` takes at each step (called with the numbers so far).
    func splits(accepts: ([Int]) -> Bool) -> Outcome {
        let digits = pieces.flatMap { $0 }
        var ends = Set<Int>()
        var requiredCell: [Int: Int] = [:]
        var offset = 0
        for (index, piece) in pieces.enumerated() {
            if let cell = pieceStartsAtCell[index] { requiredCell[offset] = cell }
            offset += piece.count
            ends.insert(offset)
        }
        guard count > 0, digits.count >= count, pieces.count <= count, !pieces.contains(where: \.isEmpty) else { return .splits([]) }
        var found: [[Int]] = []
        var cells: [Int] = []
        var steps = 0
        var gaveUp = false

        /// The piece boundaries at or after `start`, which later cuts must still fall on.
        func boundariesLeft(after start: Int) -> Int { ends.count { $0 > start && $0 < digits.count } }

        func search(_ start: Int) {
            if gaveUp { return }
            steps += 1
            if steps > stepLimit { gaveUp = true; return }
            if let cell = requiredCell[start], cell != cells.count { return }
            let left = count - cells.count
            if left == 0 {
                if start == digits.count { found.append(cells) }
                return
            }
            // Each remaining number needs a digit, and each remaining boundary a cut.
            guard digits.count - start >= left, boundariesLeft(after: start) <= left - 1 else { return }
            let longest = left == 1 ? digits.count - start : digits.count - start - (left - 1)
            var value = 0
            for length in 1...max(1, min(longest, 15)) {
                let end = start + length
                if end > digits.count { break }
                if length > 1, digits[start] == 0, !allowsLeadingZeros { break }
                value = value * 10 + Int(digits[end - 1])
                // A number never spans a space the text printed.
                if (start + 1..<end).contains(where: { ends.contains($0) }) { break }
                if left == 1, end != digits.count { continue }
                cells.append(value)
                if accepts(cells) { search(end) }
                cells.removeLast()
            }
        }
        search(0)
        return gaveUp ? .tooMany : .splits(found)
    }

    /// The splits without leading zeros, or with them when there is none without.
    func splitsPreferringNoLeadingZeros(accepts: ([Int]) -> Bool) -> (outcome: Outcome, leadingZeros: Bool) {
        let strict = splits(accepts: accepts)
        guard strict == .splits([]) else { return (strict, false) }
        var lenient = self
        lenient.allowsLeadingZeros = true
        return (lenient.splits(accepts: accepts), true)
    }
}

extension DigitRunSplitter {
    /// Table 3: each row's 总计 (the last of seven) is the sum of the six applicant columns.
    static func rowTotalHolds(_ cells: [Int]) -> Bool {
        cells.count < 7 || cells[6] == cells[0..<6].reduce(0, +)
    }

    /// Table 4: in each block of five, the last (总计) is the sum of the four outcomes.
    static func blockTotalsHold(_ cells: [Int]) -> Bool {
        guard cells.count % 5 == 0 else { return true }
        let block = cells.suffix(5)
        return block.last == block.dropLast().reduce(0, +)
    }

    /// A split as printed with bars between the numbers: `88|55|698`.
    static func shown(_ cells: [Int]) -> String {
        cells.map(String.init).joined(separator: "|")
    }
}

/// Tables printed with every cell zero. Reading order loses which cell a value belongs to, but when
/// a table holds exactly as many printed values as it has cells and every one is a zero (`0`, `-`,
/// `/`, `—` …), every cell is zero whatever the order: no placement is guessed. Common in table 4
/// (few reports have a review or lawsuit) and in quiet agencies' table 2.
enum FlowZeros {
    /// The values of `lines` as printed, one per cell, when there are exactly `cells` and all are
    /// zero; nil otherwise.
    static func allZero(_ lines: [FlowLine], cells: Int) -> [String]? {
        var values: [String] = []
        for line in lines where line.kind == .value || line.kind == .values {
            for word in line.text.split(separator: " ") {
                guard isZero(String(word)) else { return nil }
                values.append(String(word))
            }
        }
        return values.count == cells ? values : nil
    }

    /// A dash standing for nothing, or a number whose digits are all 0 (`0`, `0.00`, full-width `０`).
    static func isZero(_ word: String) -> Bool {
        if ByteText.isDash(word) { return true }
        guard ByteText.isNumber(word) else { return false }
        return word.unicodeScalars.allSatisfy { ["0", "０", ".", "．", ",", "，"].contains($0) }
    }
}

/// Table 2's numbers as the report states them in its prose (`现行有效行政规范性文件698件`,
/// `本年度制发的规范性文件88件`), used only to rule out splits of a glued run that disagree.
struct ProseClues {
    /// Sentences (cut at 。；), each cut into clauses (at ，,;：).
    let sentences: [[String]]

    init(_ prose: String) {
        sentences = prose.split(whereSeparator: { "。；;\n".contains($0) }).map { sentence in
            sentence.split(whereSeparator: { "，,：:".contains($0) }).map(String.init)
        }
    }

    /// The words that name each measure of 规章 and 行政规范性文件, in the template's order.
    static let measureWords = [["制发"], ["废止"], ["现行有效"]]
    static let measureNames = ["制发", "废止", "现行有效"]

    /// The word that names an item in prose; the other item must not be named in the same sentence.
    static func itemWord(_ item: String) -> (own: String, other: String) {
        item == "规章" ? ("规章", "规范性文件") : ("规范性文件", "规章")
    }

    /// The numbers written `N件` in a clause naming one measure only, in a sentence naming the item.
    func numbers(item: String, measure: Int) -> Set<Int> {
        let (own, other) = Self.itemWord(item)
        var found = Set<Int>()
        for sentence in sentences {
            let whole = sentence.joined()
            guard whole.contains(own), !whole.contains(other) else { continue }
            for clause in sentence {
                let named = Self.measureWords.indices.filter { index in Self.measureWords[index].contains { clause.contains($0) } }
                guard named == [measure] else { continue }
                found.formUnion(Self.counts(in: clause))
            }
        }
        return found
    }

    /// Every number followed by 件 in the text.
    static func counts(in clause: String) -> [Int] {
        var counts: [Int] = []
        var digits = ""
        for character in clause {
            if let digit = character.wholeNumberValue, character.isASCII {
                digits.append(String(digit))
            } else {
                if character == "件", let value = Int(digits) { counts.append(value) }
                digits = ""
            }
        }
        return counts
    }

    /// The splits whose cells agree with every measure the prose states, one measure at a time;
    /// a statement that no split agrees with is about something else and is passed over.
    /// `stated` gets what was used (`现行有效 698件`).
    func narrow(_ splits: [[Int]], item: String, stated: inout [String]) -> [[Int]] {
        var kept = splits
        for measure in 0..<3 {
            let values = numbers(item: item, measure: measure)
            guard !values.isEmpty else { continue }
            let agreeing = kept.filter { $0.count == 3 && values.contains($0[measure]) }
            if !agreeing.isEmpty, agreeing.count < kept.count {
                kept = agreeing
                let used = Set(agreeing.map { $0[measure] }).sorted().map { "\($0)件" }.joined(separator: "/")
                stated.append("\(Self.measureNames[measure]) \(used)")
            }
        }
        return kept
    }
}

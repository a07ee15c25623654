/// What printed labels resolved to, remembered by one worker across the reports it transforms.
///
/// The same printed labels come back in report after report, and resolving one (the dictionary
/// lookups, the comparison key of a variant, the wording of its `label_normalized` diagnostic)
/// cost more than a tenth of a run. A resolution depends only on the printed bytes, the scopes
/// and how many cells were joined, so remembering it changes no output.
///
/// Not thread-safe: each worker owns its own (`Transformer.transform(_:memo:)`).
final class LabelMemo: @unchecked Sendable {
    /// A label's entry, and the end of its `label_normalized` diagnostic when it gets one (from the
    /// `: "` after the line reference on), so only the table and line are written per occurrence.
    struct Resolution {
        let entry: LabelDictionary.Entry?
        let noteEnding: String?
    }

    /// Printed bytes within a scope order and a join count, hashed and compared as bytes.
    private struct Key: Hashable {
        let text: String
        let context: Int

        func hash(into hasher: inout Hasher) {
            hasher.combine(context)
            var copy = text
            copy.withUTF8 { hasher.combine(UTF8Key.wordHash($0)) }
        }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.context == rhs.context && UTF8Key.sameBytes(lhs.text, rhs.text)
        }
    }

    private var known: [Key: Resolution] = [:]
    /// Printed labels are few, but a corpus of unusual ones must not grow the memo without end.
    private let capacity: Int

    init(capacity: Int = 8192) {
        self.capacity = capacity
    }

    /// The remembered resolution, or `resolve()`'s, remembered.
    func resolution(of text: String, scopes: [LabelDictionary.Scope], joined: Int,
                    resolve: () -> Resolution) -> Resolution {
        let key = Key(text: text, context: Self.context(scopes, joined))
        if let known = known[key] { return known }
        if known.count >= capacity { known.removeAll(keepingCapacity: true) }
        let made = resolve()
        known[key] = made
        return made
    }

    /// Scopes in order (up to 4, each below 5) and the join count (1–3) as one number.
    private static func context(_ scopes: [LabelDictionary.Scope], _ joined: Int) -> Int {
        scopes.reduce(joined) { $0 * 8 + $1.rawValue + 1 }
    }
}

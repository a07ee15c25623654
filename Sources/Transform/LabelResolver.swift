import DisclosureModel

/// Maps the label cells of a row to dictionary entries, recording every normalization and every
/// label that maps to nothing.
struct LabelResolver {
    let dictionary: LabelDictionary
    /// Table number as printed (二, 三, 四), for diagnostics.
    let table: String
    let cite: Citation

    struct Resolved {
        let entry: LabelDictionary.Entry
        let cell: TextCell
    }

    /// Labels split over cells (结果 / 维持) are joined when the pieces match nothing alone.
    func resolve(_ labels: [TextCell], in scopes: [LabelDictionary.Scope], diagnostics: inout [Diagnostic]) -> [Resolved] {
        var resolved: [Resolved] = []
        var index = 0
        while index < labels.count {
            if let entry = lookup(labels[index].text, scopes) {
                note(entry, printed: labels[index].text, line: labels[index].line, joined: 1, &diagnostics)
                resolved.append(Resolved(entry: entry, cell: labels[index]))
                index += 1
                continue
            }
            var joinedMatch: (LabelDictionary.Entry, Int, String)?
            var joined = labels[index].text
            for extra in 1..<3 where index + extra < labels.count {
                joined += labels[index + extra].text
                if let entry = lookup(joined, scopes) {
                    joinedMatch = (entry, extra + 1, joined)
                    break
                }
            }
            if let (entry, count, text) = joinedMatch {
                note(entry, printed: text, line: labels[index].line, joined: count, &diagnostics)
                resolved.append(Resolved(entry: entry, cell: TextCell(text, line: labels[index].line)))
                index += count
            } else {
                diagnostics.append(Diagnostic(.transform, .labelUnrecognized,
                    "table \(table), \(cite(labels[index].line)): \"\(labels[index].text)\" matches no label of the dictionary"))
                index += 1
            }
        }
        return resolved
    }

    private func lookup(_ text: String, _ scopes: [LabelDictionary.Scope]) -> LabelDictionary.Entry? {
        dictionary.lookup(text, in: scopes)
    }

    private func note(_ entry: LabelDictionary.Entry, printed: String, line: Int, joined: Int, _ diagnostics: inout [Diagnostic]) {
        guard entry.role != .header, entry.isVariant || !UTF8Key.sameBytes(printed, entry.canonical) || joined > 1 else { return }
        var how: [String] = []
        if joined > 1 { how.append("joined from \(joined) cells") }
        let split = printed.utf8.contains(0x0A)
        if split { how.append("split over lines") }
        let flat = split ? Self.replacingLineBreaks(in: printed, with: "") : printed
        if entry.isVariant { how.append("variant \"\(entry.form)\"") } else if !UTF8Key.sameBytes(flat, entry.canonical) { how.append("printed form differs") }
        let shown = split ? Self.replacingLineBreaks(in: printed, with: " / ") : printed
        diagnostics.append(Diagnostic(.transform, .labelNormalized,
            "table \(table), \(cite(line)): \"\(shown)\" → \(entry.role.rawValue) \(entry.code) (\(entry.canonical)); \(how.joined(separator: ", "))"))
    }

    /// The text with each `\n` replaced, on bytes (Foundation's replacing was a visible cost).
    static func replacingLineBreaks(in text: String, with replacement: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if byte == 0x0A { bytes.append(contentsOf: replacement.utf8) } else { bytes.append(byte) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

import DisclosureModel

/// Maps the label cells of a row to dictionary entries, recording every normalization and every
/// label that maps to nothing.
struct LabelResolver {
    let dictionary: LabelDictionary
    /// The table, named in diagnostics by its printed number (二, 三, 四).
    let table: TableKind
    let cite: Citation
    let memo: LabelMemo

    struct Resolved {
        let entry: LabelDictionary.Entry
        let cell: TextCell
        /// Index after the label's last cell in the row's labels (a label may join several cells).
        var end = 0
        /// Where in the diagnostics its `label_normalized` went, if it has one.
        var note: Int? = nil
    }

    /// Whether the last label cells of a row, right before its values, resolve to nothing. A cell
    /// there that is not a label (a value glued to text, `持0`) may have taken a value's place,
    /// so the row's values cannot be trusted to be in their columns.
    static func endsUnrecognized(_ resolved: [Resolved], labelCount: Int) -> Bool {
        covered(resolved) < labelCount
    }

    /// Whether one of the unrecognized last label cells holds a digit: a value glued to text.
    static func endsWithGluedValue(_ resolved: [Resolved], labels: [TextCell]) -> Bool {
        labels[min(covered(resolved), labels.count)...].contains { cell in
            cell.text.unicodeScalars.contains { ("0"..."9").contains($0) || ("０"..."９").contains($0) }
        }
    }

    /// Index after the last label cell that resolved.
    private static func covered(_ resolved: [Resolved]) -> Int {
        var covered = 0
        for label in resolved where label.end > covered { covered = label.end }
        return covered
    }

    /// Labels split over cells (结果 / 维持) are joined when the pieces match nothing alone.
    func resolve(_ labels: [TextCell], in scopes: [LabelDictionary.Scope], diagnostics: inout [Diagnostic]) -> [Resolved] {
        var resolved: [Resolved] = []
        resolved.reserveCapacity(labels.count)
        var index = 0
        while index < labels.count {
            let single = resolution(of: labels[index].text, scopes, joined: 1)
            if let entry = single.entry {
                let noted = note(single, line: labels[index].line, printed: labels[index].text, &diagnostics)
                resolved.append(Resolved(entry: entry, cell: labels[index], end: index + 1, note: noted))
                index += 1
                continue
            }
            var joinedMatch: (LabelMemo.Resolution, Int, String)?
            var joined = labels[index].text
            for extra in 1..<3 where index + extra < labels.count {
                joined += labels[index + extra].text
                let candidate = resolution(of: joined, scopes, joined: extra + 1)
                if candidate.entry != nil {
                    joinedMatch = (candidate, extra + 1, joined)
                    break
                }
            }
            if let (match, count, text) = joinedMatch, let entry = match.entry {
                let noted = note(match, line: labels[index].line, printed: text, &diagnostics)
                resolved.append(Resolved(entry: entry, cell: TextCell(text, line: labels[index].line), end: index + count, note: noted))
                index += count
            } else {
                diagnostics.append(Diagnostic(.transform, .labelUnrecognized,
                    "table \(table.sectionNumber), \(cite(labels[index].line)): \"\(labels[index].text)\" matches no label of the dictionary",
                    at: cite.place(table, line: labels[index].line, label: labels[index].text)))
                index += 1
            }
        }
        return resolved
    }

    /// The label's entry and diagnostic ending, from the memo or the dictionary.
    private func resolution(of text: String, _ scopes: [LabelDictionary.Scope], joined: Int) -> LabelMemo.Resolution {
        memo.resolution(of: text, scopes: scopes, joined: joined) {
            let entry = dictionary.lookup(text, in: scopes)
            return LabelMemo.Resolution(entry: entry, noteEnding: entry.flatMap { Self.noteEnding($0, printed: text, joined: joined) })
        }
    }

    /// Records the `label_normalized` diagnostic of a resolution that has one; returns its index.
    private func note(_ resolution: LabelMemo.Resolution, line: Int, printed: String, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let ending = resolution.noteEnding else { return nil }
        let cited = cite(line)
        var detail = "table "
        detail.reserveCapacity(8 + table.sectionNumber.utf8.count + cited.utf8.count + ending.utf8.count)
        detail += table.sectionNumber
        detail += ", "
        detail += cited
        detail += ending
        diagnostics.append(Diagnostic(.transform, .labelNormalized, detail, at: cite.place(table, line: line, label: printed)))
        return diagnostics.count - 1
    }

    /// The end of the diagnostic for a label printed other than as its template wording (from the
    /// `: "` after the line on), or nil when it needs none.
    static func noteEnding(_ entry: LabelDictionary.Entry, printed: String, joined: Int) -> String? {
        guard entry.role != .header, entry.isVariant || !UTF8Key.sameBytes(printed, entry.canonical) || joined > 1 else { return nil }
        var how: [String] = []
        if joined > 1 { how.append("joined from \(joined) cells") }
        let split = UTF8Key.hasLineBreak(printed)
        if split { how.append("split over lines") }
        let flat = split ? replacingLineBreaks(in: printed, with: "") : printed
        if entry.isVariant { how.append("variant \"\(entry.form)\"") } else if !UTF8Key.sameBytes(flat, entry.canonical) { how.append("printed form differs") }
        let shown = split ? replacingLineBreaks(in: printed, with: " / ") : printed
        return ": \"\(shown)\" → \(entry.role.rawValue) \(entry.code) (\(entry.canonical)); \(how.joined(separator: ", "))"
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

import DisclosureModel

/// A table cell as found in the text, before it becomes a `TextCell`: where its cleaned bytes are
/// and what it reads as. Plain values (no `String` inside), so a table's cells cost no reference
/// counting until `RowSegmenter` makes each cell's `String`, once, straight into its row.
struct CellSpan {
    enum Kind {
        case empty, number, dash
        /// Three or more of `-`, `=`, `|`, `:` and spaces: a text-table rule, not data.
        case rule
        case label
    }

    /// The cleaned cell's bytes: a range of the text, or of `extra` when cleaning or joining made
    /// new bytes (`**` marks removed, continuation lines joined).
    var bytes: Range<Int>
    var inExtra: Bool
    var line: Int
    var kind: Kind

    /// Values are the empty, numeric and dash cells; the rest label rows.
    var isValue: Bool { kind != .label }

    /// The cell in `range` of `text` as an analyst would read it: markdown bold marks (`**`)
    /// removed, whitespace trimmed. Unless `marked`, the line has no `*`.
    init(_ range: Range<Int>, of text: UnsafeBufferPointer<UInt8>, line: Int, marked: Bool, extra: inout [UInt8]) {
        let trimmed = ByteText.trimmed(text, range)
        guard marked, trimmed.contains(where: { text[$0] == 0x2A }) else {
            self.init(bytes: trimmed, inExtra: false, line: line, kind: Self.kind(of: UnsafeBufferPointer(rebasing: text[trimmed])))
            return
        }
        var unmarked: [UInt8] = []
        unmarked.reserveCapacity(trimmed.count)
        var index = trimmed.lowerBound
        while index < trimmed.upperBound {
            if text[index] == 0x2A, index + 1 < trimmed.upperBound, text[index + 1] == 0x2A {
                index += 2
                continue
            }
            unmarked.append(text[index])
            index += 1
        }
        self.init(extra: unmarked, line: line, into: &extra)
    }

    /// A cell of `cleaned`, copied to the end of `extra` without surrounding whitespace.
    init(extra cleaned: [UInt8], line: Int, into extra: inout [UInt8]) {
        let kept = cleaned.withUnsafeBufferPointer { ByteText.trimmed($0, 0..<$0.count) }
        let bytes = extra.count..<(extra.count + kept.count)
        extra += cleaned[kept]
        let kind = extra.withUnsafeBufferPointer { Self.kind(of: UnsafeBufferPointer(rebasing: $0[bytes])) }
        self.init(bytes: bytes, inExtra: true, line: line, kind: kind)
    }

    init(bytes: Range<Int>, inExtra: Bool, line: Int, kind: Kind) {
        self.bytes = bytes
        self.inExtra = inExtra
        self.line = line
        self.kind = kind
    }

    static func kind(of cleaned: UnsafeBufferPointer<UInt8>) -> Kind {
        if cleaned.isEmpty { return .empty }
        if ByteText.isNumber(cleaned) { return .number }
        if ByteText.isDash(cleaned) { return .dash }
        if ByteText.isRule(cleaned) { return .rule }
        if ByteText.isNumberWithUnit(cleaned) { return .number }
        return .label
    }

    /// The cleaned bytes, from the text or from `extra`.
    func utf8(_ text: UnsafeBufferPointer<UInt8>, _ extra: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: (inExtra ? extra : text)[bytes])
    }

    func cell(_ text: UnsafeBufferPointer<UInt8>, _ extra: UnsafeBufferPointer<UInt8>, _ strings: CellStrings?) -> TextCell {
        let bytes = utf8(text, extra)
        // Half of all cells are one digit: those Strings are made once, not decoded each time.
        if bytes.count == 1, bytes[0] < 0x80 { return TextCell(Self.asciiStrings[Int(bytes[0])], line: line) }
        return TextCell(strings?.string(bytes) ?? String(decoding: bytes, as: UTF8.self), line: line)
    }

    static let asciiStrings = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) }
}

/// One line of space-aligned text (`pdftotext -layout`) cut into words with their columns.
///
/// Alignment is all such text has. pdftotext counts a column per character, a CJK one too (on a
/// screen it looks twice as wide, and the numbers after a long label look pushed right), so a
/// word's character columns say which table column it stands in. Words one space apart are one word
/// (`（二）部分公开（区分处理的，只计这一情 形，不`: a converter's space inside a label), unless the next
/// starts a numbered label (`（三 3.危及…`: a merged cell's piece beside a row label) or either is a
/// number.
struct LayoutLine {
    struct Word {
        var text: String
        /// First and one-past-last column (a character each).
        var start: Int
        var end: Int
        var isValue: Bool
        var center: Double { Double(start + end) / 2 }
        /// Whether the word stands whole within the columns `run` (a rule's dash run).
        func isInside(_ run: Range<Int>) -> Bool { run.lowerBound <= start && end <= run.upperBound }
        /// A zero however printed (`0`, `０`, a dash or slash): where blank cells are zeros too, a
        /// line of these reads the same whichever columns they stand in.
        var isZero: Bool {
            isValue && (text.unicodeScalars.allSatisfy { $0 == "0" || $0 == "０" } || ByteText.isDash(text))
        }
    }

    var words: [Word] = []
    /// The label words before words one space apart were joined: where a merged cell's piece and
    /// a row label stand one space apart (`其他处 不补正、…`), only columns tell them apart.
    var labelPieces: [Word] = []
    /// The line holds a form feed: pdftotext starts each page with one.
    var startsPage = false
    /// In text without form feeds, the line is taken for a bare page number (`UnbrokenPageNumbers`).
    var isBarePageNumber = false

    /// A table's rule drawn with dashes (`-------- ----------`, pandoc's plain tables): no data, and
    /// not the end of the label above it. Dashes alone are zeros (`-`; pandoc's markdown writes `—`
    /// as `---` and `——` as `------`), so a rule is a line of nothing but dash runs, one of them five
    /// or longer; a row of `------` zeros alone on its line is taken for one and left out.
    private(set) var isRule = false
    /// A rule's dash runs, each a column's extent (pandoc draws one run a column).
    private(set) var ruleRuns: [Range<Int>] = []

    var labels: [Word] { words.filter { !$0.isValue } }
    var values: [Word] { words.filter(\.isValue) }

    /// `wide`: columns counted as a terminal shows them, an East Asian wide character two (pandoc's
    /// plain text pads its tables so); otherwise one a character, as pdftotext counts.
    init(_ bytes: ArraySlice<UInt8>, wide: Bool = false) {
        var pieces: [(bytes: [UInt8], start: Int, end: Int)] = []
        var column = 0
        var current: [UInt8] = []
        var currentStart = 0
        func finish() {
            if !current.isEmpty { pieces.append((current, currentStart, column)) }
            current = []
        }
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(index + length, bytes.endIndex)
            if byte == 0x0C {
                startsPage = true
            } else if byte == 0x20 || byte == 0x0D {
                finish()
                column += 1
            } else if length == 3, end - index == 3, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                finish()
                column += wide ? 2 : 1
            } else {
                if current.isEmpty { currentStart = column }
                // Markdown's escape before punctuation (`1\. 属于…`, pandoc's markdown) is no text.
                let escape = byte == 0x5C && end < bytes.endIndex && (0x21...0x2F).contains(bytes[end])
                if !escape { current.append(contentsOf: bytes[index..<end]) }
                column += wide && Self.isWide(bytes[index..<end]) ? 2 : 1
            }
            index = end
        }
        finish()
        isRule = pieces.contains { $0.bytes.count >= 5 } && pieces.allSatisfy { $0.bytes.allSatisfy { $0 == 0x2D || $0 == 0x3D } }
        if isRule { ruleRuns = pieces.map { $0.start..<$0.end } }
        for (position, piece) in pieces.enumerated() {
            var text = String(decoding: piece.bytes, as: UTF8.self)
            // Markdown's bold marks around a cell (pandoc's tables: `**信息内容**`) are no part of it.
            if text.count > 4, text.hasPrefix("**"), text.hasSuffix("**") { text = String(text.dropFirst(2).dropLast(2)) }
            // `1.` one space before a label is the label's number, not a value.
            let numbersNext = position + 1 < pieces.count && pieces[position + 1].start - piece.end == 1
                && piece.bytes.last.map { $0 == 0x2E || $0 == 0xE3 } == true && !RuledTable.isValue(String(decoding: pieces[position + 1].bytes, as: UTF8.self))
            // pandoc's markdown writes `——` as `------`: a zero on a line that is not a rule, passed
            // on as `——` (as `------` the tab-separated rows taken from here would drop it as a rule).
            if text == "------" { text = "——" }
            let isValue = RuledTable.isValue(text) && !numbersNext && !Self.isBareRowNumber(piece.bytes)
            if !isValue { labelPieces.append(Word(text: text, start: piece.start, end: piece.end, isValue: false)) }
            if let last = words.last, !last.isValue, !isValue, piece.start - last.end == 1,
               !Self.startsNumberedLabel(piece.bytes, orIsANumber: true) {
                words[words.count - 1].text += " " + text
                words[words.count - 1].end = piece.end
            } else {
                words.append(Word(text: text, start: piece.start, end: piece.end, isValue: isValue))
            }
        }
    }

    /// Whether a character (its UTF-8 bytes) takes two columns on a terminal: East Asian wide and
    /// full-width (CJK, Hangul, full-width forms), as pandoc's plain text measures it.
    static func isWide(_ character: ArraySlice<UInt8>) -> Bool {
        guard character.count >= 3, let lead = character.first else { return false }
        var scalar = UInt32(lead & (character.count == 3 ? 0x0F : 0x07))
        for byte in character.dropFirst() { scalar = scalar << 6 | UInt32(byte & 0x3F) }
        switch scalar {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// A row's number with its label on the next line (`2.`, then `申请人逾期未按…`: pandoc's
    /// plain text breaks a cell so): digits and a `.`, `．` or `、`, which no value ends with.
    static func isBareRowNumber(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        guard let last = text.unicodeScalars.last, ".．、".unicodeScalars.contains(last) else { return false }
        let digits = text.unicodeScalars.dropLast()
        return !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0.value) }
    }

    /// Whether the text starts with a row number and then some label: `1.`, `12、`, `（三）`, `三、`
    /// followed by at least one character (or, `orIsANumber`, is a row number alone: `1. 属于…`
    /// printed with a space). A merged cell's broken pieces (`（三`, `）不`) do not.
    static func startsNumberedLabel(_ bytes: [UInt8], orIsANumber: Bool = false) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: " ", with: "")
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value) }
        func isChineseNumber(_ s: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(s) }
        var index = 0
        if index < scalars.count, isDigit(scalars[index]) {
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            guard index < scalars.count, ".．、".unicodeScalars.contains(scalars[index]) else { return false }
            index += 1
        } else if index < scalars.count, "（(".unicodeScalars.contains(scalars[index]) {
            index += 1
            let digits = index
            while index < scalars.count, isChineseNumber(scalars[index]) || isDigit(scalars[index]) { index += 1 }
            guard index > digits, index < scalars.count, "）)".unicodeScalars.contains(scalars[index]) else { return false }
            index += 1
        } else if index < scalars.count, isChineseNumber(scalars[index]) {
            while index < scalars.count, isChineseNumber(scalars[index]) { index += 1 }
            guard index < scalars.count, "、".unicodeScalars.contains(scalars[index]) else { return false }
            index += 1
        } else {
            return false
        }
        return index < scalars.count || orIsANumber
    }
}

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

    var labels: [Word] { words.filter { !$0.isValue } }
    var values: [Word] { words.filter(\.isValue) }

    init(_ bytes: ArraySlice<UInt8>) {
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
                column += 1
            } else {
                if current.isEmpty { currentStart = column }
                current.append(contentsOf: bytes[index..<end])
                column += 1
            }
            index = end
        }
        finish()
        for (position, piece) in pieces.enumerated() {
            var text = String(decoding: piece.bytes, as: UTF8.self)
            // Markdown's bold marks around a cell (pandoc's tables: `**信息内容**`) are no part of it.
            if text.count > 4, text.hasPrefix("**"), text.hasSuffix("**") { text = String(text.dropFirst(2).dropLast(2)) }
            // `1.` one space before a label is the label's number, not a value.
            let numbersNext = position + 1 < pieces.count && pieces[position + 1].start - piece.end == 1
                && piece.bytes.last.map { $0 == 0x2E || $0 == 0xE3 } == true && !RuledTable.isValue(String(decoding: pieces[position + 1].bytes, as: UTF8.self))
            let isValue = RuledTable.isValue(text) && !numbersNext
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

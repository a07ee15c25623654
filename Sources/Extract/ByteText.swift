import DisclosureModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte-level helpers for UTF-8 text: trimming, cleaning and classifying cells without `Character`s.
enum ByteText {
    static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
    static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    /// The slice without surrounding whitespace (ASCII, U+3000, U+00A0).
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> { trimmedSlice(bytes, feeds: true) }

    /// The slice without surrounding spaces, tabs, U+3000 and U+00A0 (form feeds stay), as titles
    /// and signatures are trimmed.
    static func trimmedSpaces(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> { trimmedSlice(bytes, feeds: false) }

    private static func trimmedSlice(_ bytes: ArraySlice<UInt8>, feeds: Bool) -> ArraySlice<UInt8> {
        let kept = bytes.withUnsafeBufferPointer { trimmed($0, 0..<$0.count, feeds: feeds) }
        return bytes[(bytes.startIndex + kept.lowerBound)..<(bytes.startIndex + kept.upperBound)]
    }

    /// `range` of `text` without surrounding whitespace: spaces, tabs, U+3000, U+00A0, and with
    /// `feeds` vertical tabs and form feeds too. Works on the buffer so callers slicing one text
    /// many times do not retain and release it per call.
    static func trimmed(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, feeds: Bool = true) -> Range<Int> {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let byte = text[start]
            if byte == 0x20 || byte == 0x09 || (feeds && (byte == 0x0B || byte == 0x0C)) { start += 1; continue }
            if byte == 0xE3, end - start >= 3, text[start + 1] == 0x80, text[start + 2] == 0x80 { start += 3; continue }
            if byte == 0xC2, end - start >= 2, text[start + 1] == 0xA0 { start += 2; continue }
            break
        }
        while end > start {
            let byte = text[end - 1]
            if byte == 0x20 || byte == 0x09 || (feeds && (byte == 0x0B || byte == 0x0C)) { end -= 1; continue }
            if end - start >= 3, text[end - 3] == 0xE3, text[end - 2] == 0x80, byte == 0x80 { end -= 3; continue }
            if end - start >= 2, text[end - 2] == 0xC2, byte == 0xA0 { end -= 2; continue }
            break
        }
        return start..<end
    }

    /// Number of scalars in valid UTF-8: every byte that is not a continuation byte starts one.
    static func scalarCount(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    static func contains(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Index of the first occurrence of `needle` in `haystack`.
    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { hay in
            firstIndex(of: needle, in: hay, 0..<hay.count).map { haystack.startIndex + $0 }
        }
    }

    /// Index of the first occurrence of `needle` in `range` of `text`. `memchr` looks for the
    /// needle's last byte (for CJK a continuation byte, far rarer than a lead byte), then the rest
    /// is compared.
    static func firstIndex(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let last = needle.last, range.count >= needle.count, let base = text.baseAddress else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            let rest = pattern.count - 1
            var end = range.lowerBound + rest
            while end < range.upperBound {
                guard let hit = memchr(base + end, Int32(last), range.upperBound - end) else { return nil }
                end = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                let start = end - rest
                var matched = 0
                while matched < rest && text[start + matched] == pattern[matched] { matched += 1 }
                if matched == rest { return start }
                end += 1
            }
            return nil
        }
    }

    /// The high bit of each byte of `word` that equals `byte` (SWAR, exact: no carries between bytes).
    static func matches(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        let difference = word ^ (UInt64(byte) &* 0x0101_0101_0101_0101)
        return ~(((difference & low7) &+ low7) | difference) & ~low7
    }

    /// Index of the first `byte` in `haystack`, found by `memchr`.
    static func firstIndex(of byte: UInt8, in haystack: ArraySlice<UInt8>) -> Int? {
        haystack.withUnsafeBufferPointer { hay in
            firstIndex(of: byte, in: hay, 0..<hay.count).map { haystack.startIndex + $0 }
        }
    }

    /// Index of the first `byte` in `range` of `text`, found by `memchr`.
    static func firstIndex(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard let base = text.baseAddress, !range.isEmpty,
              let hit = memchr(base + range.lowerBound, Int32(byte), range.count) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// How many times `byte` occurs in `range` of `text`, counted up to `limit`.
    static func count(of byte: UInt8, in text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, upTo limit: Int) -> Int {
        var count = 0
        var start = range.lowerBound
        while count < limit, let found = firstIndex(of: byte, in: text, start..<range.upperBound) {
            count += 1
            start = found + 1
        }
        return count
    }

    /// Whether the cell is a number as printed in reports: ASCII or full-width digits, with
    /// thousands separators, a decimal point and a leading sign (2019's 本年增/减: +12, -3) allowed. Read from UTF-8: the
    /// full-width forms are the only non-ASCII scalars allowed, all `EF xx xx`. A space is a
    /// thousands separator only before exactly three digits (`1 234`): `9    0    9` is three
    /// numbers in one cell (a text converter's columns), never the number 909.
    static func isNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var sawDigit = false
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x20 {
                var digits = 0
                while index + 1 + digits < bytes.count, bytes[index + 1 + digits] >= 0x30, bytes[index + 1 + digits] <= 0x39 { digits += 1 }
                let next = index + 1 + digits
                guard sawDigit, digits == 3, next == bytes.count || [0x20, 0x2C, 0x2E].contains(bytes[next]) else { return false }
            }
            let first = index == 0
            let byte = bytes[index]
            var value = UInt32(byte)
            if byte >= 0x80 {
                guard byte == 0xEF, index + 2 < bytes.count else { return false }
                value = 0xF000 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                index += 3
            } else {
                index += 1
            }
            if (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value) { sawDigit = true; continue }
            if value == 0x2C || value == 0xFF0C || value == 0x2E || value == 0xFF0E || value == 0x20 { continue }
            if first && (value == 0x2D || value == 0xFF0D || value == 0x2B || value == 0xFF0B) { continue }
            return false
        }
        return sawDigit
    }

    static func isNumber(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isNumber($0) }
    }

    /// Units printed right after an amount (`251000元`, the 2019 template's 采购总金额).
    static let amountUnits: [[UInt8]] = ["万元", "元"].map { Array($0.utf8) }

    /// Whether the cell is a number followed by a unit of `amountUnits`: a value, read with a diagnostic.
    static func isNumberWithUnit(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count > 3, bytes[bytes.count - 3] == 0xE5 else { return false }
        for unit in amountUnits where bytes.count > unit.count && bytes.suffix(unit.count).elementsEqual(unit) {
            return isNumber(UnsafeBufferPointer(rebasing: bytes[..<(bytes.count - unit.count)]))
        }
        return false
    }

    static func isNumberWithUnit(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isNumberWithUnit($0) }
    }

    /// Whether the cell is a dash that stands for "nothing" (`-`, `—`, `－`, `/`, `——`; `---`, an em
    /// dash as pandoc's markdown writes it). Not `------`: in a tab-separated table that is a rule
    /// under a header (a real PDF's text has one in table 4), and read as two zeros it would push
    /// the row's values along; space-aligned text takes it as pandoc's `——` (`LayoutLine`).
    static let dashes: [[UInt8]] = ["-", "—", "－", "–", "/", "／", "——", "--", "---"].map { Array($0.utf8) }

    static func isDash(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 6 else { return false }
        return dashes.contains { $0.count == bytes.count && $0.elementsEqual(bytes) }
    }

    static func isDash(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { isDash($0) }
    }

    /// A run of three or more ASCII dashes is a text-table rule line, not data.
    static func isRule(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.count >= 3 && bytes.allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x7C || $0 == 0x3A || $0 == 0x20 }
    }
}

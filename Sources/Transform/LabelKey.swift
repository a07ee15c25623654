/// The form in which labels are compared: what survives the ways converters and typists vary them.
///
/// Full-width ASCII folds to half-width, curly quotes to straight ones; spaces, tabs and bold marks
/// go; a leading enumerator (（一）, 一、, 1., 1、, (1)) goes. `1. 属于国家秘密` and `1.属于国家秘密`
/// therefore share the key `属于国家秘密`.
///
/// Built on UTF-8 bytes: it runs for every printed label that is not a dictionary form verbatim.
public enum LabelKey {
    public static func make(_ text: String) -> String {
        let folded = folded(text)
        var start = 0
        for _ in 0..<2 {
            let length = enumeratorLength(folded, from: start)
            if length == 0 || start + length >= folded.count { break }
            start += length
        }
        return String(decoding: folded[start...], as: UTF8.self)
    }

    /// Whether the label starts with an enumerator (`3.其他`, `（七）总计`): the template numbers its
    /// rows, never its column headers.
    static func hasEnumerator(_ text: String) -> Bool {
        // An enumerator is a few characters at the start: only those are folded.
        let folded = folded(String(decoding: text.utf8.prefix(24), as: UTF8.self))
        let length = enumeratorLength(folded, from: 0)
        return length > 0 && length < folded.count
    }

    /// The text with the variations above folded, its enumerator still there.
    private static func folded(_ text: String) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var source = text
        source.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                let width = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                defer { index += width }
                switch width {
                case 1:
                    if lead == 0x20 || lead == 0x09 || lead == 0x0A || lead == 0x0D || lead == 0x2A { continue }
                case 2:
                    if lead == 0xC2 && bytes[index + 1] == 0xA0 { continue }  // U+00A0
                case 3:
                    let second = bytes[index + 1], third = bytes[index + 2]
                    switch (lead, second) {
                    case (0xE3, 0x80) where third == 0x80: continue  // U+3000
                    case (0xEF, 0xBC) where third >= 0x81: folded.append(third - 0x81 + 0x21); continue  // U+FF01–FF3F
                    case (0xEF, 0xBD) where third <= 0x9E: folded.append(third - 0x80 + 0x60); continue  // U+FF40–FF5E
                    case (0xE2, 0x80) where third == 0x9C || third == 0x9D: folded.append(0x22); continue  // “ ”
                    case (0xE2, 0x80) where third == 0x98 || third == 0x99: folded.append(0x27); continue  // ‘ ’
                    default: break
                    }
                default: break
                }
                folded.append(contentsOf: bytes[index..<(index + width)])
            }
        }
        return folded
    }

    /// The numerals an enumerator is made of, as the 3-byte UTF-8 sequences they are.
    private static let cjkNumerals: Set<UInt32> = Set("一二三四五六七八九十".unicodeScalars.map { scalar in
        Array(String(scalar).utf8).reduce(0) { $0 << 8 | UInt32($1) }
    })

    /// Byte length of the enumerator symbol (CJK numeral or ASCII digit) at `index`, or 0.
    private static func symbolLength(_ s: [UInt8], at index: Int) -> Int {
        guard index < s.count else { return 0 }
        if s[index] >= 0x30 && s[index] <= 0x39 { return 1 }
        guard index + 2 < s.count else { return 0 }
        let value = UInt32(s[index]) << 16 | UInt32(s[index + 1]) << 8 | UInt32(s[index + 2])
        return cjkNumerals.contains(value) ? 3 : 0
    }

    /// Byte length of an enumerator such as `(一)`, `一、`, `1.`, `1、` at `start`, or 0.
    static func enumeratorLength(_ s: [UInt8], from start: Int) -> Int {
        guard start < s.count else { return 0 }
        if s[start] == 0x28 {  // (
            var index = start + 1
            while case let length = symbolLength(s, at: index), length > 0 { index += length }
            if index > start + 1, index < s.count, s[index] == 0x29 { return index + 1 - start }
            return 0
        }
        var index = start
        var symbols = 0
        while symbols < 3, case let length = symbolLength(s, at: index), length > 0 {
            index += length
            symbols += 1
        }
        guard index > start, index < s.count else { return 0 }
        if s[index] == 0x2E { return index + 1 - start }  // .
        if index + 2 < s.count, s[index] == 0xE3, s[index + 1] == 0x80, s[index + 2] == 0x81 { return index + 3 - start }  // 、
        return 0
    }
}

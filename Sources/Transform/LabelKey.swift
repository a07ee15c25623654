/// The form in which labels are compared: what survives the ways converters and typists vary them.
///
/// Full-width ASCII folds to half-width, curly quotes to straight ones; spaces, tabs and bold marks
/// go; a leading enumerator (（一）, 一、, 1., 1、, (1)) goes. `1. 属于国家秘密` and `1.属于国家秘密`
/// therefore share the key `属于国家秘密`.
public enum LabelKey {
    public static func make(_ text: String) -> String {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            switch value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2A: continue
            case 0xFF01...0xFF5E: value -= 0xFEE0
            case 0x201C, 0x201D: value = 0x22
            case 0x2018, 0x2019: value = 0x27
            default: break
            }
            if let folded = Unicode.Scalar(value) { scalars.append(folded) }
        }
        var start = 0
        for _ in 0..<2 {
            let length = enumeratorLength(scalars, from: start)
            if length == 0 || start + length >= scalars.count { break }
            start += length
        }
        return String(String.UnicodeScalarView(scalars[start...]))
    }

    private static let cjkNumerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    private static func isEnumeratorSymbol(_ scalar: Unicode.Scalar) -> Bool {
        cjkNumerals.contains(scalar) || ("0"..."9").contains(scalar)
    }

    /// Length of an enumerator such as `(一)`, `一、`, `1.`, `1、` at `start`, or 0.
    static func enumeratorLength(_ s: [Unicode.Scalar], from start: Int) -> Int {
        guard start < s.count else { return 0 }
        if s[start] == "(" {
            var index = start + 1
            while index < s.count, isEnumeratorSymbol(s[index]) { index += 1 }
            if index > start + 1, index < s.count, s[index] == ")" { return index + 1 - start }
            return 0
        }
        var index = start
        while index < s.count, isEnumeratorSymbol(s[index]), index - start < 3 { index += 1 }
        if index > start, index < s.count, s[index] == "、" || s[index] == "." { return index + 1 - start }
        return 0
    }
}

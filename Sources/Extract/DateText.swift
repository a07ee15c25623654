import DisclosureModel

/// Reads dates as reports print them: `2024年1月8日`, `2022-01-14`, `2022/1/14`, `二〇二四年一月八日`,
/// with full-width digits and stray spaces.
enum DateText {
    /// Folds full-width digits and punctuation to ASCII and drops spaces (so `2023 年 1 月` reads;
    /// a time after an ISO date, `2022-01-14 09:25`, is then cut off by the two-digit day limit).
    static func fold(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        // Never more scalars than bytes: one allocation instead of growing from empty.
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            var value = scalar.value
            if value == 0x20 || value == 0x3000 || value == 0x09 || value == 0xA0 { continue }
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            if let folded = Unicode.Scalar(value) { out.append(folded) }
        }
        return out
    }

    /// The first date in the text, if any.
    static func firstDate(in text: String) -> CalendarDate? {
        let scalars = fold(text)
        var index = 0
        while index < scalars.count {
            if let (date, _) = date(at: index, in: scalars) { return date }
            index += 1
        }
        return nil
    }

    /// A line that is nothing but a date (a signature date), if it is one.
    static func wholeLineDate(_ text: String) -> CalendarDate? {
        let scalars = fold(text)
        guard let (date, end) = date(at: 0, in: scalars), end == scalars.count else { return nil }
        return date
    }

    /// The same on a line's bytes. The longest date, 二〇二三年十二月三十一日, has 13 scalars that
    /// `fold` keeps: a longer line (most of a report's last lines are sentences) is not decoded.
    static func wholeLineDate(_ line: ArraySlice<UInt8>) -> CalendarDate? {
        var kept = 0
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == 0x20 || byte == 0x09 {
                index += 1
                continue
            }
            if byte == 0xC2, index + 1 < line.endIndex, line[index + 1] == 0xA0 {
                index += 2
                continue
            }
            if byte == 0xE3, index + 2 < line.endIndex, line[index + 1] == 0x80, line[index + 2] == 0x80 {
                index += 3
                continue
            }
            if byte & 0xC0 != 0x80 {
                kept += 1
                if kept > 13 { return nil }
            }
            index += 1
        }
        return wholeLineDate(String(decoding: line, as: UTF8.self))
    }

    /// Years printed as `2023年` (ASCII or full-width digits), in order of appearance.
    static func yearMentions(in text: String) -> [Int] { yearMentions(in: Array(text.utf8)[...]) }

    static let nian = Array("年".utf8)

    /// The same on a line's bytes: each 年 is found by `memchr` and the year read backwards from it,
    /// so the line is never folded as a whole.
    static func yearMentions(in line: ArraySlice<UInt8>) -> [Int] {
        var years: [Int] = []
        var from = line.startIndex
        while let found = ByteText.firstIndex(of: nian, in: line[from...]) {
            if let year = yearBefore(found, in: line) { years.append(year) }
            from = found + nian.count
        }
        return years
    }

    /// Four digits just before `end`, spaces skipped as `fold` drops them, with no digit before them.
    private static func yearBefore(_ end: Int, in line: ArraySlice<UInt8>) -> Int? {
        var end = end
        var year = 0, scale = 1, digits = 0
        while end > line.startIndex {
            let (digit, isSpace, start) = scalar(before: end, in: line)
            end = start
            if isSpace { continue }
            guard let digit else { break }
            if digits == 4 { return nil }
            year += digit * scale
            scale *= 10
            digits += 1
        }
        return digits == 4 ? year : nil
    }

    /// The scalar ending at `end` as `fold` sees it: a space, a digit (ASCII or full-width), or
    /// something else (then `start` is not needed).
    private static func scalar(before end: Int, in line: ArraySlice<UInt8>) -> (digit: Int?, isSpace: Bool, start: Int) {
        let byte = line[end - 1]
        if byte == 0x20 || byte == 0x09 { return (nil, true, end - 1) }
        if byte >= 0x30 && byte <= 0x39 { return (Int(byte - 0x30), false, end - 1) }
        if byte == 0xA0, end - 2 >= line.startIndex, line[end - 2] == 0xC2 { return (nil, true, end - 2) }
        if end - 3 >= line.startIndex {
            let lead = line[end - 3], second = line[end - 2]
            if lead == 0xE3, second == 0x80, byte == 0x80 { return (nil, true, end - 3) }
            if lead == 0xEF, second == 0xBC, byte >= 0x90 && byte <= 0x99 { return (Int(byte - 0x90), false, end - 3) }
        }
        return (nil, false, end - 1)
    }

    private static func digit(_ scalar: Unicode.Scalar) -> Int? {
        (0x30...0x39).contains(scalar.value) ? Int(scalar.value - 0x30) : nil
    }

    private static func number(_ s: [Unicode.Scalar], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= s.count else { return nil }
        var value = 0
        for i in start..<(start + count) {
            guard let d = digit(s[i]) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// Reads 1 or 2 ASCII digits at `start`; returns the value and the index after them.
    private static func smallNumber(_ s: [Unicode.Scalar], _ start: Int) -> (Int, Int)? {
        guard start < s.count, let first = digit(s[start]) else { return nil }
        if start + 1 < s.count, let second = digit(s[start + 1]) { return (first * 10 + second, start + 2) }
        return (first, start + 1)
    }

    private static func date(at start: Int, in s: [Unicode.Scalar]) -> (CalendarDate, Int)? {
        if let year = number(s, start, 4), start + 4 < s.count, start == 0 || digit(s[start - 1]) == nil {
            let separator = s[start + 4]
            if separator == "-" || separator == "/" || separator == "." {
                guard let (month, afterMonth) = smallNumber(s, start + 5), afterMonth < s.count,
                      s[afterMonth] == separator, let (day, afterDay) = smallNumber(s, afterMonth + 1),
                      let date = CalendarDate(year: year, month: month, day: day) else { return nil }
                return (date, afterDay)
            }
            if separator == "年" {
                guard let (month, afterMonth) = smallNumber(s, start + 5), afterMonth < s.count, s[afterMonth] == "月",
                      let (day, afterDay) = smallNumber(s, afterMonth + 1), afterDay < s.count,
                      s[afterDay] == "日" || s[afterDay] == "号",
                      let date = CalendarDate(year: year, month: month, day: day) else { return nil }
                return (date, afterDay + 1)
            }
            return nil
        }
        return chineseNumeralDate(at: start, in: s)
    }

    private static let numerals: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]

    /// 二〇二四年一月八日, 二〇二三年十二月三十一日.
    private static func chineseNumeralDate(at start: Int, in s: [Unicode.Scalar]) -> (CalendarDate, Int)? {
        guard start + 4 < s.count else { return nil }
        var year = 0
        for i in start..<(start + 4) {
            guard let d = numerals[s[i]] else { return nil }
            year = year * 10 + d
        }
        guard s[start + 4] == "年", let (month, afterMonth) = chineseSmall(s, start + 5), afterMonth < s.count,
              s[afterMonth] == "月", let (day, afterDay) = chineseSmall(s, afterMonth + 1), afterDay < s.count,
              s[afterDay] == "日", let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        return (date, afterDay + 1)
    }

    /// 一 … 九, 十, 十一 … 十九, 二十 … 三十一.
    private static func chineseSmall(_ s: [Unicode.Scalar], _ start: Int) -> (Int, Int)? {
        var index = start
        var value = 0
        if index < s.count, let d = numerals[s[index]], d > 0 {
            value = d
            index += 1
        }
        if index < s.count, s[index] == "十" {
            value = (value == 0 ? 1 : value) * 10
            index += 1
            if index < s.count, let d = numerals[s[index]], d > 0 {
                value += d
                index += 1
            }
        }
        return value > 0 ? (value, index) : nil
    }
}

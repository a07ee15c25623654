/// How one cell's value becomes SpreadsheetML bytes: text escaped for XML, numbers in a form
/// Excel reads back exactly, dates as serial numbers.
enum CellEncoding {
    /// Excel stores numbers as doubles: a whole number beyond ±2^53 would lose digits.
    static let largestExactInteger: Int64 = 1 << 53
    /// Excel's longest cell text, in UTF-16 code units; the rest is cut off.
    static let maxTextUnits = 32_767
    /// The date serial of 1970-01-01 (Excel counts days from 1899-12-30).
    static let unixEpochSerial: Int64 = 25_569
    /// The serial of 1900-03-01: before it Excel's serials are off by its fictitious 1900-02-29.
    static let firstExactDateSerial: Int64 = 61

    /// Column letters for a 0-based index: 0 → `A`, 25 → `Z`, 26 → `AA`.
    static func columnLetters(_ index: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var n = index + 1
        while n > 0 {
            n -= 1
            letters.insert(0x41 + UInt8(n % 26), at: 0)
            n /= 26
        }
        return letters
    }

    /// Decimal digits of `value`.
    static func appendInteger(_ value: Int64, to out: inout [UInt8]) {
        if value < 0 { out.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of UInt64.max
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Whole numbers without a fraction (`3`), others in Swift's shortest round-trip form
    /// (`1.25`, `1e-07`), which is valid `xsd:double` and reads back as the same double.
    static func appendDouble(_ value: Double, to out: inout [UInt8]) {
        if value.rounded() == value, abs(value) < 1e15 {
            appendInteger(Int64(value), to: &out)
        } else {
            out += value.description.utf8
        }
    }

    /// Excel's serial for a day counted from 1970-01-01, or nil for a day Excel cannot show
    /// as itself (before 1900-03-01).
    static func dateSerial(daysSince1970 days: Int32) -> Int64? {
        let serial = Int64(days) + unixEpochSerial
        return serial >= firstExactDateSerial ? serial : nil
    }

    /// `YYYY-MM-DD` for a day counted from 1970-01-01 (Howard Hinnant's civil_from_days).
    static func isoDate(daysSince1970 days: Int32) -> String {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ v: Int, _ w: Int) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Whether text needs `xml:space="preserve"`: XML readers drop leading and trailing blanks.
    static func needsPreserve(_ utf8: UnsafeRawBufferPointer) -> Bool {
        guard let first = utf8.first, let last = utf8.last else { return false }
        return isBlank(first) || isBlank(last)
    }

    private static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Valid UTF-8 as XML element text: `&`, `<`, `>` escaped; characters XML 1.0 forbids
    /// (controls other than tab, LF and CR; U+FFFE, U+FFFF) dropped; `_xHHHH_`, which Excel reads
    /// as an escaped character, kept literal by escaping its `_`; cut at Excel's 32,767 UTF-16
    /// units. Plain bytes are copied in runs, not one at a time.
    static func appendEscaped(_ utf8: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        let bytes = utf8.bindMemory(to: UInt8.self)
        var units = 0
        var copied = 0
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                units += 1
            } else if byte >= 0xC0 {
                units += byte >= 0xF0 ? 2 : 1
            }
            if units > maxTextUnits { break }
            let replacement: StaticString?
            var skip = 1
            switch byte {
            case 0x26: replacement = "&amp;"
            case 0x3C: replacement = "&lt;"
            case 0x3E: replacement = "&gt;"
            case 0x5F where isExcelEscape(bytes, at: index): replacement = "_x005F"
            case 0x00 ..< 0x09, 0x0B, 0x0C, 0x0E ..< 0x20: replacement = ""
            case 0xEF where index + 2 < count && bytes[index + 1] == 0xBF && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
                replacement = ""
                skip = 3
            default: replacement = nil
            }
            guard let replacement else {
                index += 1
                continue
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[copied ..< index]))
            replacement.withUTF8Buffer { out.append(contentsOf: $0) }
            index += skip
            copied = index
            // `_x005F` replaces nothing: the `_` itself follows.
            if byte == 0x5F { copied -= 1 }
        }
        out.append(contentsOf: UnsafeRawBufferPointer(rebasing: utf8[copied ..< index]))
    }

    /// `_x` + four hex digits + `_` at `index`.
    private static func isExcelEscape(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 6 < bytes.count, bytes[index + 1] == 0x78, bytes[index + 6] == 0x5F else { return false }
        for offset in 2 ... 5 {
            let b = bytes[index + offset]
            guard (0x30 ... 0x39).contains(b) || (0x41 ... 0x46).contains(b) || (0x61 ... 0x66).contains(b) else { return false }
        }
        return true
    }
}

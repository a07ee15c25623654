/// Checks that bytes are well-formed UTF-8 (Unicode Table 3-7) without building a `String`:
/// `String(validating:)` would copy the whole file only to tell whether it is text.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        var index = 0
        while index < count {
            let lead = base[index]
            // Three-byte sequences (CJK, full-width punctuation) are most of a report: tested first.
            if lead & 0xF0 == 0xE0 {
                guard index + 2 < count else { return false }
                let second = base[index + 1]
                guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80,
                      lead != 0xE0 || second >= 0xA0,  // overlong
                      lead != 0xED || second <= 0x9F  // surrogates
                else { return false }
                index += 3
            } else if lead < 0x80 {
                // Runs of ASCII (digits, markup, line breaks) are skipped eight bytes at a time.
                index += 1
                while index + 8 <= count,
                      UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                }
            } else if lead < 0xC2 {
                return false
            } else if lead < 0xE0 {
                guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return false }
                index += 2
            } else if lead < 0xF5 {
                guard index + 3 < count else { return false }
                let second = base[index + 1]
                guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80, base[index + 3] & 0xC0 == 0x80,
                      lead != 0xF0 || second >= 0x90,  // overlong
                      lead != 0xF4 || second <= 0x8F  // above U+10FFFF
                else { return false }
                index += 4
            } else {
                return false
            }
        }
        return true
    }
}

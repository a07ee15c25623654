/// Checks that bytes are well-formed UTF-8 (Unicode Table 3-7) without building a `String`:
/// `String(validating:)` would copy the whole file only to tell whether it is text.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        scan(bytes, from: 0, startsBefore: bytes.count, countingControls: false).valid
    }

    /// What `scan` found: whether the sequences were well-formed, where it stopped (at the first
    /// bad sequence, or at the first sequence starting at or after `startsBefore`), and the control
    /// characters it counted.
    struct Scan {
        var valid: Bool
        var end: Int
        var controls: Int
    }

    /// Validates the sequences that start from `start` before `end` (the last may run past `end`).
    /// With `countingControls`, control characters (as `TextDecoding.controlCount` counts them) are
    /// counted in the ASCII runs the validation passes anyway: bytes of longer sequences never are.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, startsBefore end: Int, countingControls: Bool) -> Scan {
        guard let base = bytes.baseAddress else { return Scan(valid: true, end: 0, controls: 0) }
        let count = bytes.count
        var index = start
        var controls = 0
        while index < end {
            // Runs of CJK: two three-byte sequences checked with one load, when their leads are
            // neither E0 nor ED (the only ones with a narrower second byte range).
            if index + 8 <= end {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0,
                   case let first = word & 0x0F, first != 0, first != 0x0D,
                   case let second = word >> 24 & 0x0F, second != 0, second != 0x0D {
                    index += 6
                    continue
                }
            }
            let lead = base[index]
            // Three-byte sequences (CJK, full-width punctuation) are most of a report: tested first.
            if lead & 0xF0 == 0xE0 {
                guard index + 2 < count else { return Scan(valid: false, end: index, controls: controls) }
                let second = base[index + 1]
                guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80,
                      lead != 0xE0 || second >= 0xA0,  // overlong
                      lead != 0xED || second <= 0x9F  // surrogates
                else { return Scan(valid: false, end: index, controls: controls) }
                index += 3
            } else if lead < 0x80 {
                if countingControls && TextDecoding.isControl(lead) { controls += 1 }
                // Runs of ASCII (digits, markup, line breaks) are taken eight bytes at a time.
                index += 1
                while index + 8 <= end {
                    let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    if countingControls { controls += TextDecoding.controlCount(word) }
                    index += 8
                }
            } else if lead < 0xC2 {
                return Scan(valid: false, end: index, controls: controls)
            } else if lead < 0xE0 {
                guard index + 1 < count, base[index + 1] & 0xC0 == 0x80 else { return Scan(valid: false, end: index, controls: controls) }
                index += 2
            } else if lead < 0xF5 {
                guard index + 3 < count else { return Scan(valid: false, end: index, controls: controls) }
                let second = base[index + 1]
                guard second & 0xC0 == 0x80, base[index + 2] & 0xC0 == 0x80, base[index + 3] & 0xC0 == 0x80,
                      lead != 0xF0 || second >= 0x90,  // overlong
                      lead != 0xF4 || second <= 0x8F  // above U+10FFFF
                else { return Scan(valid: false, end: index, controls: controls) }
                index += 4
            } else {
                return Scan(valid: false, end: index, controls: controls)
            }
        }
        return Scan(valid: true, end: index, controls: controls)
    }
}

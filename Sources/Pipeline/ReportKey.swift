/// A report_id (the 64 lowercase hex digits of a SHA-256) held as its 32 bytes: a quarter of the
/// memory of the text, no allocation, and compared a word at a time. The words are big-endian, so
/// their order is the order of the hex text.
struct ReportKey: Hashable, Comparable, Sendable {
    private(set) var words: (UInt64, UInt64, UInt64, UInt64)

    /// Nil unless `hex` is exactly 64 lowercase hex digits.
    init?(hex: some Collection<UInt8>) {
        guard hex.count == 64 else { return nil }
        var parsed = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        for (offset, digit) in hex.enumerated() {
            let value: UInt64
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(digit - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(digit - UInt8(ascii: "a") + 10)
            default: return nil
            }
            switch offset / 16 {
            case 0: parsed.0 = parsed.0 << 4 | value
            case 1: parsed.1 = parsed.1 << 4 | value
            case 2: parsed.2 = parsed.2 << 4 | value
            default: parsed.3 = parsed.3 << 4 | value
            }
        }
        words = parsed
    }

    init?(_ reportId: String) {
        // On the contiguous UTF-8 the parse is a plain loop, not generic String.UTF8View iteration.
        var reportId = reportId
        guard let key = reportId.withUTF8({ ReportKey(hex: $0) }) else { return nil }
        self = key
    }

    /// The report_id as text (written for every entry of a saved manifest: no array per call).
    var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            for index in 0..<64 {
                let word = switch index / 16 { case 0: words.0; case 1: words.1; case 2: words.2; default: words.3 }
                let nibble = UInt8(truncatingIfNeeded: word >> (60 - 4 * UInt64(index % 16)) & 0xF)
                buffer[index] = nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
            }
            return 64
        }
    }

    /// The first 64 bits, as `Shard` reads them from the text.
    var leadingWord: UInt64 { words.0 }

    static func == (lhs: ReportKey, rhs: ReportKey) -> Bool {
        lhs.words == rhs.words
    }

    static func < (lhs: ReportKey, rhs: ReportKey) -> Bool {
        lhs.words < rhs.words
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

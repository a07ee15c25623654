/// A report_id (the 64 lowercase hex digits of a SHA-256) held as its 32 bytes: a quarter of the
/// memory of the text, no allocation, and compared a word at a time. The words are big-endian, so
/// their order is the order of the hex text.
struct ReportKey: Hashable, Comparable, Sendable {
    private(set) var words: (UInt64, UInt64, UInt64, UInt64)

    /// Nil unless `hex` is exactly 64 lowercase hex digits.
    init?(hex: some Collection<UInt8>) {
        guard hex.count == 64 else { return nil }
        var parsed: [UInt64] = [0, 0, 0, 0]
        for (offset, digit) in hex.enumerated() {
            let value: UInt8
            switch digit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit - UInt8(ascii: "a") + 10
            default: return nil
            }
            parsed[offset / 16] = parsed[offset / 16] << 4 | UInt64(value)
        }
        words = (parsed[0], parsed[1], parsed[2], parsed[3])
    }

    init?(_ reportId: String) {
        self.init(hex: reportId.utf8)
    }

    /// The report_id as text.
    var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 64) { buffer in
            for (index, word) in [words.0, words.1, words.2, words.3].enumerated() {
                for nibble in 0..<16 {
                    buffer[index * 16 + nibble] = digits[Int(word >> (60 - 4 * UInt64(nibble)) & 0xF)]
                }
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

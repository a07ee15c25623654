/// A report_id (the 64 lowercase hex digits of a SHA-256) held as its 32 bytes: a quarter of the
/// memory of the text, no allocation, and compared a word at a time. The words are big-endian, so
/// their order is the order of the hex text. The manifest, the load and `report.html` key reports
/// by it.
public struct ReportKey: Hashable, Comparable, Sendable {
    public let words: (UInt64, UInt64, UInt64, UInt64)

    @inlinable
    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// Nil unless `hex` is exactly 64 lowercase hex digits. Inlinable, so that each caller's
    /// collection type gets a loop compiled for it.
    @inlinable
    public init?(hex: some Collection<UInt8>) {
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
        self.init(words: parsed)
    }

    public init?(_ reportId: String) {
        // Through the contiguous bytes: walking a `String.UTF8View` cost ten times as much.
        var text = reportId
        guard let key = text.withUTF8({ ReportKey(hex: $0) }) else { return nil }
        self = key
    }

    /// The report_id as text (written for every entry of a saved manifest: no array per call).
    public var hex: String {
        String(unsafeUninitializedCapacity: 64) { buffer in
            writeHex(to: buffer)
            return 64
        }
    }

    /// Appends the 64 hex digits, without making a `String`.
    public func appendHex(to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: 64))
        bytes.withUnsafeMutableBufferPointer { writeHex(to: UnsafeMutableBufferPointer(rebasing: $0[start...])) }
    }

    private func writeHex(to buffer: UnsafeMutableBufferPointer<UInt8>) {
        for index in 0..<64 {
            let word = switch index / 16 { case 0: words.0; case 1: words.1; case 2: words.2; default: words.3 }
            let nibble = UInt8(truncatingIfNeeded: word >> (60 - 4 * UInt64(index % 16)) & 0xF)
            buffer[index] = nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
        }
    }

    /// The first 64 bits, as `Shard` reads them from the text.
    public var leadingWord: UInt64 { words.0 }

    public static func == (lhs: ReportKey, rhs: ReportKey) -> Bool {
        lhs.words == rhs.words
    }

    public static func < (lhs: ReportKey, rhs: ReportKey) -> Bool {
        lhs.words < rhs.words
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }
}

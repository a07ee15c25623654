/// A report_id as a dictionary key that makes no `String`: the pipeline's ids (64 lowercase hex
/// digits, a SHA-256) in 32 bytes, any other id as its text.
enum ReportKey: Hashable {
    case digest(UInt64, UInt64, UInt64, UInt64)
    case text(String)

    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        guard bytes.count == 64 else { self = .text(String(decoding: bytes, as: UTF8.self)); return }
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        for (index, byte) in bytes.enumerated() {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: self = .text(String(decoding: bytes, as: UTF8.self)); return
            }
            switch index / 16 {
            case 0: words.0 = words.0 << 4 | UInt64(digit)
            case 1: words.1 = words.1 << 4 | UInt64(digit)
            case 2: words.2 = words.2 << 4 | UInt64(digit)
            default: words.3 = words.3 << 4 | UInt64(digit)
            }
        }
        self = .digest(words.0, words.1, words.2, words.3)
    }
}

/// Hands out one String per distinct byte sequence, so text that repeats across thousands of
/// records (segment names, stage keys) is held once. Unescapes manifest fields (`\t`, `\n`, `\r`,
/// `\\`) on the way.
struct SharedStrings {
    private var known: [Key: String] = [:]

    mutating func string(_ bytes: ArraySlice<UInt8>) -> String {
        let key = Key(bytes: Array(bytes))
        if let string = known[key] { return string }
        let string = Manifest.unescape(String(decoding: bytes, as: UTF8.self))
        known[key] = string
        return string
    }

    /// Bytes hashed in one call (an array's own hashing feeds the hasher byte by byte).
    private struct Key: Hashable {
        let bytes: [UInt8]

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }
}

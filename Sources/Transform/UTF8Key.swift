import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string hashed and compared by its UTF-8 bytes.
///
/// Swift hashes and compares non-ASCII strings by canonical equivalence, normalizing them on every
/// hash; that made label lookups the transform's largest cost. Bytes agree with canonical
/// equivalence once both sides are in NFC, so keys are made with `normalized(_:)`, which leaves
/// the usual text (ASCII, CJK ideographs and punctuation, full-width forms) as it is.
struct UTF8Key: Hashable, Sendable {
    let string: String

    /// Wraps any text, normalizing it first when it might not be in NFC.
    init(_ string: String) {
        self.string = Self.normalized(string)
    }

    func hash(into hasher: inout Hasher) {
        var copy = string
        copy.withUTF8 { hasher.combine(Self.wordHash($0)) }
    }

    /// A 64-bit hash of the bytes, a word at a time. Handed to `Hasher` as one value it costs a
    /// fraction of `Hasher` taking the bytes themselves, and labels are hashed at every lookup.
    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
        var offset = 0
        while offset &+ 8 <= raw.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            offset &+= 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
            tail |= UInt64(raw[offset]) << shift
            shift &+= 8
            offset &+= 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        return hash ^ (hash >> 31)
    }

    static func == (lhs: UTF8Key, rhs: UTF8Key) -> Bool {
        sameBytes(lhs.string, rhs.string)
    }

    /// Whether the text holds a line feed (a label printed over lines): one `memchr` over its bytes,
    /// where `utf8.contains` steps an iterator byte by byte on every label and diagnostic.
    static func hasLineBreak(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.count > 0 && memchr($0.baseAddress!, 0x0A, $0.count) != nil }
    }

    /// Byte equality: no Unicode normalization, which `==` on non-ASCII strings may do.
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    /// The text in NFC; the text itself when all its characters are ones NFC never changes.
    static func normalized(_ string: String) -> String {
        isNormalizationStable(string) ? string : string.precomposedStringWithCanonicalMapping
    }

    /// True when every character is ASCII, CJK punctuation or ideographs (U+3000–U+9FFF without
    /// the combining marks U+302A–U+302F and U+3099–U+309A), full-width forms (U+FF00–U+FFFF) or
    /// general punctuation (U+2002–U+207F): none of them decomposes or combines under NFC.
    static func isNormalizationStable(_ string: String) -> Bool {
        var text = string
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let lead = bytes[index]
                if lead < 0x80 { index += 1; continue }
                guard index + 2 < bytes.count else { return false }
                let second = bytes[index + 1], third = bytes[index + 2]
                switch lead {
                case 0xE3:
                    if second == 0x80 && (0xAA...0xAF).contains(third) { return false }
                    if second == 0x82 && (third == 0x99 || third == 0x9A) { return false }
                case 0xE4...0xE9: break
                case 0xEF: if second < 0xBC { return false }
                case 0xE2: if second > 0x81 || (second == 0x80 && third < 0x82) { return false }
                default: return false
                }
                index += 3
            }
            return true
        }
    }
}

/// The work store's checksum: XXH64 (xxHash's 64-bit hash), written out here. It is not for
/// adversaries, only to find a changed byte, and at several GB/s it keeps a no-change re-run as
/// fast as before, where SHA-256 cost 3 % of it (docs/pipelines.md has the figures).
///
/// A record's checksum is the XXH64 of its bytes; the manifest's chains one XXH64 per line, each
/// seeded with the one before, so the file is read and checked line by line.
struct Checksum {
    private(set) var value: UInt64 = 0

    /// Adds one line (without its newline).
    mutating func update(line: UnsafeRawBufferPointer) { value = Self.xxh64(line, seed: value) }

    mutating func update(line: ArraySlice<UInt8>) { line.withUnsafeBytes { update(line: $0) } }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 { xxh64(bytes, seed: 0) }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    private static let p1: UInt64 = 11_400_714_785_074_694_791
    private static let p2: UInt64 = 14_029_467_366_897_019_727
    private static let p3: UInt64 = 1_609_587_929_392_839_161
    private static let p4: UInt64 = 9_650_029_242_287_828_579
    private static let p5: UInt64 = 2_870_177_450_012_600_261

    /// XXH64 as specified in xxHash's doc/xxhash_spec.md.
    static func xxh64(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        func rotl(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }
        func round(_ acc: UInt64, _ input: UInt64) -> UInt64 { rotl(acc &+ input &* p2, 31) &* p1 }
        func merge(_ acc: UInt64, _ v: UInt64) -> UInt64 { (acc ^ round(0, v)) &* p1 &+ p4 }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        let count = bytes.count
        var at = 0
        var h: UInt64
        if count >= 32 {
            var v1 = seed &+ p1 &+ p2, v2 = seed &+ p2, v3 = seed, v4 = seed &- p1
            while at + 32 <= count {
                v1 = round(v1, u64(at)); v2 = round(v2, u64(at + 8))
                v3 = round(v3, u64(at + 16)); v4 = round(v4, u64(at + 24))
                at += 32
            }
            h = rotl(v1, 1) &+ rotl(v2, 7) &+ rotl(v3, 12) &+ rotl(v4, 18)
            h = merge(merge(merge(merge(h, v1), v2), v3), v4)
        } else {
            h = seed &+ p5
        }
        h &+= UInt64(count)
        while at + 8 <= count {
            h = rotl(h ^ round(0, u64(at)), 27) &* p1 &+ p4
            at += 8
        }
        if at + 4 <= count {
            let word = UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            h = rotl(h ^ (word &* p1), 23) &* p2 &+ p3
            at += 4
        }
        while at < count {
            h = rotl(h ^ (UInt64(bytes[at]) &* p5), 11) &* p1
            at += 1
        }
        h ^= h >> 33; h &*= p2
        h ^= h >> 29; h &*= p3
        h ^= h >> 32
        return h
    }
}

/// A fast non-cryptographic hash for dictionary lookups of short byte strings.
///
/// Short values (the common case for dictionary columns) are read with at most two
/// overlapping loads instead of a byte loop; longer ones eight bytes at a time. Every path
/// ends with a full avalanche so the low bits used for slot selection depend on every
/// byte. It is deterministic (unlike `Hasher`, which is seeded per process), which keeps
/// the writer's behaviour reproducible.
enum ByteHasher {
    private static let k0: UInt64 = 0x9E37_79B9_7F4A_7C15
    private static let k1: UInt64 = 0xBF58_476D_1CE4_E5B9
    private static let k2: UInt64 = 0x94D0_49BB_1331_11EB

    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        let seed = k0 &* UInt64(truncatingIfNeeded: count &+ 1)
        guard let base = bytes.baseAddress else { return mix(seed) }
        if count <= 16 {
            let a: UInt64
            let b: UInt64
            if count >= 8 {
                a = base.loadUnaligned(as: UInt64.self)
                b = base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            } else if count >= 4 {
                a = UInt64(base.loadUnaligned(as: UInt32.self))
                b = UInt64(base.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self))
            } else {
                // 1...3 bytes: first, middle and last byte cover them all.
                a = UInt64(base.load(as: UInt8.self)) << 16
                    | UInt64(base.load(fromByteOffset: count >> 1, as: UInt8.self)) << 8
                    | UInt64(base.load(fromByteOffset: count &- 1, as: UInt8.self))
                b = 0
            }
            return mix((seed ^ a) &* k1 ^ (b &* k2))
        }
        var h = seed
        var i = 0
        while i &+ 8 <= count {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k1
            h ^= h >> 31
            i &+= 8
        }
        if i < count {
            // The last eight bytes, overlapping what was already read.
            h = (h ^ base.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)) &* k2
        }
        return mix(h)
    }

    /// Final avalanche (the splitmix64 finaliser); also used to hash 64-bit keys.
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* k1
        z = (z ^ (z >> 27)) &* k2
        return z ^ (z >> 31)
    }
}

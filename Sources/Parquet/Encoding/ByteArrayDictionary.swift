/// Distinct byte strings of one column chunk, in first-seen order, with an open-addressing
/// hash index over them.
///
/// Entries live back to back in one byte buffer (no allocation per entry), each with its
/// 4-byte length prefix: the buffer is the PLAIN dictionary page body, written without a copy.
struct ByteArrayDictionary {
    /// The PLAIN dictionary page body: each entry as its 4-byte little-endian length + bytes.
    private(set) var plain: [UInt8] = []
    /// Entry `i` (prefix included) is `plain[offsets[i] ..< offsets[i + 1]]`.
    private(set) var offsets: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Slot -> entry index + 1 (0 = empty). Capacity is a power of two, load <= 1/2.
    private var slots: [Int32]
    private var mask: Int
    /// The entry found last; consecutive equal values (sorted or grouped data) skip hashing.
    private var lastIndex: Int32 = -1

    /// Size of the PLAIN-encoded dictionary page body (4-byte length + bytes per entry).
    var plainSize: Int { plain.count }

    var count: Int { offsets.count &- 1 }

    init(initialCapacity: Int = 64) {
        var capacity = 16
        while capacity < initialCapacity * 2 { capacity <<= 1 }
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Forgets all entries, for the next column chunk; keeping the allocated storage saves
    /// growing it again.
    mutating func removeAll(keepingCapacity: Bool) {
        guard keepingCapacity, !slots.isEmpty else { return self = ByteArrayDictionary() }
        plain.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        offsets.append(0)
        hashes.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
        lastIndex = -1
    }

    /// Frees the hash index when the chunk stops looking values up (it fell back to PLAIN); the
    /// entries stay for its dictionary page. `removeAll` makes the dictionary usable again.
    mutating func stopLookups() {
        slots = []
        hashes = []
        mask = 0
        lastIndex = -1
    }

    /// Index of `value`, adding it as a new entry if it is not there yet.
    @inline(__always)
    mutating func index(of value: UnsafeRawBufferPointer) -> Int32 {
        if lastIndex >= 0, entryEquals(Int(lastIndex), value) {
            return lastIndex
        }
        let found = lookupOrInsert(value)
        lastIndex = found
        return found
    }

    @inline(__always)
    private func entryEquals(_ entry: Int, _ value: UnsafeRawBufferPointer) -> Bool {
        let start = offsets[entry] &+ 4
        let length = offsets[entry &+ 1] &- start
        guard length == value.count else { return false }
        if length == 0 { return true }
        return plain.withUnsafeBytes { buffer in
            bytesEqual(buffer.baseAddress! + start, value.baseAddress!, length)
        }
    }

    private mutating func lookupOrInsert(_ value: UnsafeRawBufferPointer) -> Int32 {
        let hash = ByteHasher.hash(value)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let entry = Int(stored) &- 1
            if hashes[entry] == hash, entryEquals(entry, value) {
                return Int32(entry)
            }
            slot = (slot &+ 1) & mask
        }
        let entry = count
        PlainEncoder.appendByteArray(value, to: &plain)
        offsets.append(plain.count)
        hashes.append(hash)
        slots[slot] = Int32(entry &+ 1)
        if count &* 2 > slots.count { grow() }
        return Int32(entry)
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
        for entry in 0 ..< count {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = Int32(entry &+ 1)
        }
    }

    /// Calls `body` with the entries' bytes, entry `i` being `entry(i)`.
    func withEntries<R>(_ body: (_ entry: (Int) -> UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try plain.withUnsafeBytes { all in
            try body { UnsafeRawBufferPointer(rebasing: all[offsets[$0] + 4 ..< offsets[$0 + 1]]) }
        }
    }
}

/// Equality of two byte ranges of the same length, a word at a time. Inlined, it beats a
/// memcmp call for the short values typical of dictionary columns.
@inline(__always)
func bytesEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var i = 0
    while i &+ 8 <= count {
        if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
            return false
        }
        i &+= 8
    }
    while i < count {
        if a.load(fromByteOffset: i, as: UInt8.self) != b.load(fromByteOffset: i, as: UInt8.self) { return false }
        i &+= 1
    }
    return true
}

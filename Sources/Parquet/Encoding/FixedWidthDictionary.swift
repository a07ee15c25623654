/// Distinct fixed-width values (by bit pattern) of one column chunk, in first-seen order,
/// with an open-addressing hash index.
///
/// Keys are the raw bits widened to 64, so -0.0 and +0.0 (and NaN payloads) stay distinct
/// and round-trip exactly.
struct FixedWidthDictionary {
    private(set) var keys: [UInt64] = []
    /// Slot -> entry index + 1 (0 = empty). Capacity is a power of two, load <= 1/2.
    private var slots: [Int32]
    private var shift: UInt64
    private var lastKey: UInt64 = 0
    private var lastIndex: Int32 = -1

    var count: Int { keys.count }

    init(initialCapacity: Int = 64) {
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < initialCapacity * 2 {
            capacity <<= 1
            bits += 1
        }
        slots = [Int32](repeating: 0, count: capacity)
        shift = 64 - bits
    }

    /// Forgets all entries, for the next column chunk; keeping the allocated storage saves
    /// growing it again.
    mutating func removeAll(keepingCapacity: Bool) {
        guard keepingCapacity, !slots.isEmpty else { return self = FixedWidthDictionary() }
        keys.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
        lastIndex = -1
    }

    /// Frees the hash index when the chunk stops looking values up (it fell back to PLAIN); the
    /// keys stay for its dictionary page. `removeAll` makes the dictionary usable again.
    mutating func stopLookups() {
        slots = []
        lastIndex = -1
    }

    /// Index of `key`, adding it as a new entry if it is not there yet.
    @inline(__always)
    mutating func index(of key: UInt64) -> Int32 {
        if lastIndex >= 0, key == lastKey { return lastIndex }
        let found = lookupOrInsert(key)
        lastKey = key
        lastIndex = found
        return found
    }

    /// Index of `key` if it is an entry already; nothing is added.
    @inline(__always)
    mutating func existingIndex(of key: UInt64) -> Int32? {
        if lastIndex >= 0, key == lastKey { return lastIndex }
        guard !slots.isEmpty else { return nil }
        let mask = slots.count &- 1
        var slot = slotFor(key)
        while true {
            let stored = slots[slot]
            if stored == 0 { return nil }
            let entry = Int(stored) &- 1
            if keys[entry] == key {
                lastKey = key
                lastIndex = Int32(entry)
                return lastIndex
            }
            slot = (slot &+ 1) & mask
        }
    }

    @inline(__always)
    private func slotFor(_ key: UInt64) -> Int {
        // Fibonacci hashing: the high bits of the product are well mixed.
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private mutating func lookupOrInsert(_ key: UInt64) -> Int32 {
        let mask = slots.count &- 1
        var slot = slotFor(key)
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let entry = Int(stored) &- 1
            if keys[entry] == key { return Int32(entry) }
            slot = (slot &+ 1) & mask
        }
        let entry = keys.count
        keys.append(key)
        slots[slot] = Int32(entry &+ 1)
        if keys.count &* 2 > slots.count { grow() }
        return Int32(entry)
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: 0, count: capacity)
        shift -= 1
        let mask = capacity - 1
        for (entry, key) in keys.enumerated() {
            var slot = slotFor(key)
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = Int32(entry &+ 1)
        }
    }
}

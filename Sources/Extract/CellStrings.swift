#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The long cell texts one extract worker has made, found again by their bytes: the template's
/// labels (行政规范性文件, 本年新收政府信息公开申请数量…) recur in every report, and each long
/// `String` costs a UTF-8 validation and an allocation when it is made again. Texts of 15 bytes or
/// fewer are stored inside the `String` itself and are not worth a lookup.
///
/// At most `limit` texts are kept (the first ones seen, where the template's labels come); later
/// ones are made as they come. One per worker: it is not safe to share between threads.
final class CellStrings: @unchecked Sendable {
    /// Only its worker touches it, so the runtime's exclusivity check (one per lookup, as costly
    /// as the lookup) is left out.
    @exclusivity(unchecked) private var table: Table

    init(limit: Int = 4096) {
        table = Table(limit: limit)
    }

    func string(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
        guard utf8.count > 15 else { return String(decoding: utf8, as: UTF8.self) }
        return table.string(utf8)
    }

    /// Open addressing over the kept texts (a struct, so a lookup is one access to the class).
    private struct Table {
        struct Entry {
            var hash: UInt64
            var start: Int
            var count: Int
        }

        let limit: Int
        var entries: [Entry] = []
        var strings: [String] = []
        /// The kept texts' bytes, back to back.
        var bytes: [UInt8] = []
        /// An entry's index + 1, or 0 where empty; twice `limit` slots (a power of two).
        var slots: [Int32]

        init(limit: Int) {
            self.limit = limit
            var size = 1
            while size < 2 * limit { size *= 2 }
            slots = [Int32](repeating: 0, count: size)
        }

        mutating func string(_ utf8: UnsafeBufferPointer<UInt8>) -> String {
            let hash = Self.hash(utf8)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                let entry = entries[index]
                if entry.hash == hash, entry.count == utf8.count,
                   bytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + entry.start, utf8.baseAddress!, utf8.count) == 0 }) {
                    return strings[index]
                }
                slot = (slot + 1) & mask
            }
            let string = String(decoding: utf8, as: UTF8.self)
            if strings.count < limit {
                entries.append(Entry(hash: hash, start: bytes.count, count: utf8.count))
                bytes.append(contentsOf: utf8)
                strings.append(string)
                slots[slot] = Int32(strings.count)
            }
            return string
        }

        /// FNV-1a over eight bytes at a time, then the rest one by one.
        static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> UInt64 {
            let prime: UInt64 = 0x100_0000_01B3
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            var index = 0
            let base = UnsafeRawPointer(utf8.baseAddress!)
            while index + 8 <= utf8.count {
                hash = (hash ^ base.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* prime
                index += 8
            }
            while index < utf8.count {
                hash = (hash ^ UInt64(utf8[index])) &* prime
                index += 1
            }
            // Multiplying carries only upwards: the high bits are mixed down (MurmurHash3's finish)
            // before the low ones pick a slot.
            hash = (hash ^ (hash >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            return hash ^ (hash >> 33)
        }
    }
}

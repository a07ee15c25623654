#if canImport(Glibc)
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
#elseif canImport(Darwin)
import Darwin
#elseif canImport(Musl)
import Musl
#endif

/// Unsigned byte-wise comparison (UTF8 / BYTE_ARRAY sort order): memcmp over the common
/// prefix, then the shorter value first.
@inline(__always)
func compareUnsignedBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Int {
    let common = min(a.count, b.count)
    if common > 0 {
        let result = memcmp(a.baseAddress!, b.baseAddress!, common)
        if result != 0 { return Int(result) }
    }
    return a.count - b.count
}

/// Running minimum and maximum of byte strings, for statistics of PLAIN-encoded pages.
struct ByteArrayBounds {
    private(set) var min: [UInt8]?
    private(set) var max: [UInt8]?

    mutating func reset() {
        min = nil
        max = nil
    }

    mutating func update(_ value: UnsafeRawBufferPointer) {
        guard let currentMin = min, let currentMax = max else {
            min = Array(value)
            max = Array(value)
            return
        }
        if currentMin.withUnsafeBytes({ compareUnsignedBytes(value, $0) }) < 0 {
            min = Array(value)
        } else if currentMax.withUnsafeBytes({ compareUnsignedBytes(value, $0) }) > 0 {
            max = Array(value)
        }
    }

    mutating func merge(_ other: ByteArrayBounds) {
        if let otherMin = other.min { otherMin.withUnsafeBytes { update($0) } }
        if let otherMax = other.max { otherMax.withUnsafeBytes { update($0) } }
    }
}

extension ByteArrayDictionary {
    /// Bounds over all entries (every entry occurs in the chunk, so they are the chunk's).
    var bounds: ByteArrayBounds {
        withEntries { entry in
            var result = ByteArrayBounds()
            guard count > 0 else { return result }
            var minEntry = 0
            var maxEntry = 0
            for i in 1 ..< count {
                if compareUnsignedBytes(entry(i), entry(minEntry)) < 0 {
                    minEntry = i
                } else if compareUnsignedBytes(entry(i), entry(maxEntry)) > 0 {
                    maxEntry = i
                }
            }
            result.update(entry(minEntry))
            result.update(entry(maxEntry))
            return result
        }
    }
}

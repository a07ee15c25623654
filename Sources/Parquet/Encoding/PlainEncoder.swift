/// PLAIN encoding (Encodings.md): fixed-width values little endian, booleans bit-packed
/// least significant bit first, byte arrays as a 4-byte little-endian length + bytes.
enum PlainEncoder {
    @inline(__always)
    static func append(_ value: Int32, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always)
    static func append(_ value: Int64, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always)
    static func append(_ value: Double, to out: inout [UInt8]) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { out.append(contentsOf: $0) }
    }

    @inline(__always)
    static func appendByteArray(_ value: UnsafeRawBufferPointer, to out: inout [UInt8]) {
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: value.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: value)
    }

    /// Appends booleans bit-packed, eight per byte, first value in the lowest bit.
    static func appendBooleans(_ values: some Sequence<Bool>, to out: inout [UInt8]) {
        var packer = BooleanBitPacker()
        for value in values { packer.append(value, to: &out) }
        packer.finish(to: &out)
    }

    /// 64-bit keys narrowed to `T` (their low bits), as little-endian bytes: a fixed-width
    /// dictionary's page body, written straight from its keys.
    static func appendFixedWidth<T: FixedWidthInteger>(_ keys: [UInt64], narrowedTo _: T.Type, to out: inout [UInt8]) {
        let width = MemoryLayout<T>.size
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: keys.count &* width))
        out.withUnsafeMutableBytes { bytes in
            for (i, key) in keys.enumerated() {
                bytes.storeBytes(of: T(truncatingIfNeeded: key).littleEndian, toByteOffset: start &+ i &* width, as: T.self)
            }
        }
    }

    /// Fixed-width values already in host order, copied as little-endian bytes.
    static func appendFixedWidth<T: FixedWidthInteger>(_ values: [T], to out: inout [UInt8]) {
        #if _endian(little)
        values.withUnsafeBytes { out.append(contentsOf: $0) }
        #else
        for value in values { withUnsafeBytes(of: value.littleEndian) { out.append(contentsOf: $0) } }
        #endif
    }
}

/// Packs booleans LSB-first into bytes as they arrive.
struct BooleanBitPacker {
    private var current: UInt8 = 0
    private var bitCount = 0

    @inline(__always)
    mutating func append(_ value: Bool, to out: inout [UInt8]) {
        if value { current |= 1 << UInt8(bitCount) }
        bitCount &+= 1
        if bitCount == 8 {
            out.append(current)
            current = 0
            bitCount = 0
        }
    }

    /// Flushes a partial last byte (its unused high bits are zero).
    mutating func finish(to out: inout [UInt8]) {
        if bitCount > 0 {
            out.append(current)
            current = 0
            bitCount = 0
        }
    }
}

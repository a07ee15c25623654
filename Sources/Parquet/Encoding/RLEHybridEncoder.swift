/// The RLE / bit-packed hybrid encoding (Encodings.md), used for definition levels and
/// dictionary indices.
///
/// Values are split into runs: a value repeated at least `minRepeatRun` times becomes an
/// RLE run (`varint(len << 1)` + the value in ceil(width/8) bytes, little endian); anything
/// else becomes bit-packed groups of eight values (`varint(groups << 1 | 1)` + `width` bytes
/// per group, least significant bit first). Literal runs are capped at 63 groups so their
/// header is one byte, which every reader handles.
enum RLEHybridEncoder {
    /// Repeats shorter than this are cheaper bit-packed than as their own RLE run.
    static let minRepeatRun = 8
    /// 63 groups × 8 values: the most a one-byte bit-packed header can describe.
    static let maxLiteralValues = 63 * 8

    /// Bits needed for values in `0...maxValue` (0 for an all-zero stream).
    static func bitWidth(forMaxValue maxValue: UInt64) -> Int {
        maxValue == 0 ? 0 : 64 - maxValue.leadingZeroBitCount
    }

    /// Appends the runs for `values` to `out`, with no length prefix (the dictionary-index
    /// form, which is preceded by a one-byte bit width instead).
    static func encode<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        precondition(bitWidth >= 0 && bitWidth <= 32, "bit width must be in 0...32")
        let n = values.count
        var i = 0
        while i < n {
            let value = values[i]
            var runEnd = i &+ 1
            while runEnd < n, values[runEnd] == value { runEnd &+= 1 }
            if runEnd &- i >= minRepeatRun || bitWidth == 0 {
                appendRepeatedRun(UInt64(value), count: runEnd &- i, bitWidth: bitWidth, into: &out)
                i = runEnd
                continue
            }
            let literalEnd = endOfLiteralRun(values, from: i)
            appendBitPackedRun(values, from: i, to: literalEnd, bitWidth: bitWidth, into: &out)
            i = literalEnd
        }
    }

    /// An RLE_DICTIONARY data page body: the one-byte bit width of the largest index, then the
    /// indices' runs. Both column writers build their dictionary pages' data this way.
    static func encodeDictionaryIndices(_ indices: [UInt32], dictionarySize: Int, into out: inout [UInt8]) {
        let bitWidth = bitWidth(forMaxValue: UInt64(dictionarySize - 1))
        out.append(UInt8(bitWidth))
        indices.withUnsafeBufferPointer { encode($0, bitWidth: bitWidth, into: &out) }
    }

    /// Same, preceded by the 4-byte little-endian byte length (the data page v1 form for levels).
    static func encodeWithLengthPrefix<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, bitWidth: Int, into out: inout [UInt8]
    ) {
        let lengthAt = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        encode(values, bitWidth: bitWidth, into: &out)
        let length = UInt32(out.count - lengthAt - 4)
        out[lengthAt] = UInt8(truncatingIfNeeded: length)
        out[lengthAt + 1] = UInt8(truncatingIfNeeded: length >> 8)
        out[lengthAt + 2] = UInt8(truncatingIfNeeded: length >> 16)
        out[lengthAt + 3] = UInt8(truncatingIfNeeded: length >> 24)
    }

    /// Where a literal (bit-packed) run starting at `start` should end: just before a long
    /// enough repeat (rounded up so the literal is whole groups), at the cap, or at the end.
    private static func endOfLiteralRun<T: FixedWidthInteger>(
        _ values: UnsafeBufferPointer<T>, from start: Int
    ) -> Int {
        let limit = min(values.count, start + maxLiteralValues)
        var runStart = start
        var k = start &+ 1
        while k < limit {
            if values[k] != values[k &- 1] {
                runStart = k
            } else {
                // The literal would be padded into the repeat; stop only if what remains of
                // the repeat is still long enough to be an RLE run on its own.
                let padding = (8 &- (runStart &- start) & 7) & 7
                if k &- runStart &+ 1 >= padding &+ minRepeatRun {
                    return runStart &+ padding
                }
            }
            k &+= 1
        }
        return limit
    }

    private static func appendRepeatedRun(_ value: UInt64, count: Int, bitWidth: Int, into out: inout [UInt8]) {
        appendVarint(UInt64(count) << 1, into: &out)
        var v = value
        for _ in 0 ..< (bitWidth + 7) / 8 {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    /// Bit-packs `values[start..<end]`, zero-padding the last group to eight values.
    private static func appendBitPackedRun<T: FixedWidthInteger & UnsignedInteger>(
        _ values: UnsafeBufferPointer<T>, from start: Int, to end: Int, bitWidth: Int, into out: inout [UInt8]
    ) {
        let groups = (end &- start &+ 7) / 8
        appendVarint(UInt64(groups) << 1 | 1, into: &out)
        let byteCount = groups &* bitWidth
        let first = out.count
        out.append(contentsOf: repeatElement(0, count: byteCount))
        out.withUnsafeMutableBufferPointer { buffer in
            var target = buffer.baseAddress! + first
            var accumulator: UInt64 = 0
            var bits = 0
            var k = start
            while k < end {
                accumulator |= UInt64(values[k]) << UInt64(bits)
                bits &+= bitWidth
                while bits >= 8 {
                    target.pointee = UInt8(truncatingIfNeeded: accumulator)
                    target += 1
                    accumulator >>= 8
                    bits &-= 8
                }
                k &+= 1
            }
            // Padding values are zero: only the partly filled last byte remains.
            if bits > 0 { target.pointee = UInt8(truncatingIfNeeded: accumulator) }
        }
    }

    @inline(__always)
    static func appendVarint(_ value: UInt64, into out: inout [UInt8]) {
        var v = value
        while v >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        out.append(UInt8(v))
    }
}

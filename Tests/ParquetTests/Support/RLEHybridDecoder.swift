// RLE / bit-packed hybrid decoder for tests (Encodings.md), written independently of the encoder.

func decodeRLEHybrid(_ bytes: ArraySlice<UInt8>, bitWidth: Int, count: Int) throws -> [UInt64] {
    var values: [UInt64] = []
    var position = bytes.startIndex
    func byte() throws -> UInt8 {
        guard position < bytes.endIndex else { throw DecodeError("RLE data ends early") }
        defer { position += 1 }
        return bytes[position]
    }
    func varint() throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try byte()
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }
    while values.count < count {
        let header = try varint()
        if header & 1 == 0 {
            let run = Int(header >> 1)
            var value: UInt64 = 0
            for i in 0 ..< (bitWidth + 7) / 8 { value |= UInt64(try byte()) << (8 * UInt64(i)) }
            values.append(contentsOf: repeatElement(value, count: run))
        } else {
            let groups = Int(header >> 1)
            var bitOffset = 0
            let start = position
            position += groups * bitWidth
            guard position <= bytes.endIndex else { throw DecodeError("bit-packed run past the end") }
            for _ in 0 ..< groups * 8 {
                var value: UInt64 = 0
                for bit in 0 ..< bitWidth {
                    let absolute = bitOffset + bit
                    let b = bytes[start + absolute / 8]
                    if b >> (absolute % 8) & 1 == 1 { value |= 1 << UInt64(bit) }
                }
                bitOffset += bitWidth
                values.append(value)
            }
        }
    }
    return Array(values.prefix(count))
}

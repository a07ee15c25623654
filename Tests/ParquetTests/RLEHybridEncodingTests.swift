import Testing
@testable import Parquet

/// RLE / bit-packed hybrid runs checked against bytes worked out from Encodings.md.
@Suite struct RLEHybridEncoding {
    private func encode(_ values: [UInt32], bitWidth: Int, lengthPrefix: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        values.withUnsafeBufferPointer {
            if lengthPrefix {
                RLEHybridEncoder.encodeWithLengthPrefix($0, bitWidth: bitWidth, into: &out)
            } else {
                RLEHybridEncoder.encode($0, bitWidth: bitWidth, into: &out)
            }
        }
        return out
    }

    @Test func allDefinitionLevelsOneBecomeASingleRLERunWithLengthPrefix() {
        // RLE header varint(10 << 1) = 0x14, value 1 in one byte; data length 2 as 4-byte LE.
        #expect(encode(Array(repeating: 1, count: 10), bitWidth: 1, lengthPrefix: true) == [0x02, 0x00, 0x00, 0x00, 0x14, 0x01])
    }

    @Test func mixedLevelsAreBitPackedLeastSignificantBitFirst() {
        // 10 values -> 2 groups of 8 (padded): header (2 << 1) | 1 = 0x05.
        // byte 1: values 1,0,1,1,0,0,0,1 from bit 0 up = 0b1000_1101 = 0x8D; byte 2: 1,1 then zeros = 0x03.
        #expect(encode([1, 0, 1, 1, 0, 0, 0, 1, 1, 1], bitWidth: 1) == [0x05, 0x8D, 0x03])
    }

    @Test func bitWidthThreeMatchesTheSpecExample() {
        // Encodings.md: 0..7 with bit width 3 packs to 10001000 11000110 11111010.
        #expect(encode([0, 1, 2, 3, 4, 5, 6, 7], bitWidth: 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test func bitWidthZeroWritesRunHeadersWithoutValueBytes() {
        #expect(encode([0, 0, 0, 0, 0], bitWidth: 0) == [0x0A])
    }

    @Test func repeatedValueUsesRoundedUpByteWidth() {
        // width 3 -> 1 byte; width 9 -> 2 bytes little endian.
        #expect(encode(Array(repeating: 5, count: 10), bitWidth: 3) == [0x14, 0x05])
        #expect(encode(Array(repeating: 300, count: 8), bitWidth: 9) == [0x10, 0x2C, 0x01])
    }

    @Test func literalThenRepeatSplitsAtAGroupBoundary() {
        // 1, 2 then fourteen 3s: the literal group must hold whole groups of 8, so it takes
        // 1, 2 and six 3s; the eight 3s left still make an RLE run of their own.
        let values: [UInt32] = [1, 2] + Array(repeating: 3, count: 14)
        let bytes = encode(values, bitWidth: 2)
        // literal: 1 group: 1,2,3,3,3,3,3,3 -> bits 01 10 11 11 | 11 11 11 11 -> 0xF9, 0xFF
        // run: 8 x 3 -> header 0x10, value 0x03
        #expect(bytes == [0x03, 0xF9, 0xFF, 0x10, 0x03])
    }

    @Test func longRunsOfDistinctValuesAreSplitIntoLiteralRunsOf504() throws {
        let values = (0 ..< 1_000).map { UInt32($0 % 7) }
        let bytes = encode(values, bitWidth: 3)
        #expect(bytes[0] == (63 << 1 | 1))
        let decoded = try decodeRLEHybrid(bytes[...], bitWidth: 3, count: values.count)
        #expect(decoded == values.map(UInt64.init))
    }

    @Test func randomStreamsRoundTripThroughAnIndependentDecoder() throws {
        var state: UInt64 = 12345
        for width in [1, 2, 5, 8, 13, 17, 32] {
            var values: [UInt32] = []
            while values.count < 3_000 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                let value = UInt32(truncatingIfNeeded: state >> 33) & UInt32(truncatingIfNeeded: (UInt64(1) << width) - 1)
                let run = Int(state >> 60) % 3 == 0 ? Int(state >> 50 & 31) : 1
                values.append(contentsOf: repeatElement(value, count: max(1, run)))
            }
            let bytes = encode(values, bitWidth: width)
            #expect(try decodeRLEHybrid(bytes[...], bitWidth: width, count: values.count) == values.map(UInt64.init))
        }
    }

    @Test func bitWidthIsTheBitsOfTheLargestValue() {
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 0) == 0)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 1) == 1)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 7) == 3)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 8) == 4)
        #expect(RLEHybridEncoder.bitWidth(forMaxValue: 19_999) == 15)
    }
}

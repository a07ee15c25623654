import Testing
@testable import Parquet

/// PLAIN encoding bytes per Encodings.md.
@Suite struct PlainEncoding {
    @Test func int32IsFourBytesLittleEndian() {
        var out: [UInt8] = []
        PlainEncoder.append(Int32(1), to: &out)
        PlainEncoder.append(Int32(-2), to: &out)
        #expect(out == [0x01, 0x00, 0x00, 0x00, 0xFE, 0xFF, 0xFF, 0xFF])
    }

    @Test func int64IsEightBytesLittleEndian() {
        var out: [UInt8] = []
        PlainEncoder.append(Int64(0x0102_0304_0506_0708), to: &out)
        #expect(out == [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
    }

    @Test func doubleIsIEEEBitsLittleEndian() {
        var out: [UInt8] = []
        PlainEncoder.append(-2.0, to: &out)
        #expect(out == [0, 0, 0, 0, 0, 0, 0x00, 0xC0])
    }

    @Test func fixedWidthArraysMatchValueByValueEncoding() {
        var bulk: [UInt8] = []
        PlainEncoder.appendFixedWidth([UInt32(7), UInt32(0xDEAD_BEEF)], to: &bulk)
        #expect(bulk == [0x07, 0, 0, 0, 0xEF, 0xBE, 0xAD, 0xDE])
    }

    @Test func dictionaryKeysAreNarrowedToTheirTypeWidth() {
        var narrow: [UInt8] = [0xAA]
        PlainEncoder.appendFixedWidth([7, 0xDEAD_BEEF, UInt64(UInt32(bitPattern: -2))], narrowedTo: UInt32.self, to: &narrow)
        #expect(narrow == [0xAA, 0x07, 0, 0, 0, 0xEF, 0xBE, 0xAD, 0xDE, 0xFE, 0xFF, 0xFF, 0xFF])
        var wide: [UInt8] = []
        PlainEncoder.appendFixedWidth([0x0102_0304_0506_0708], narrowedTo: UInt64.self, to: &wide)
        #expect(wide == [0x08, 0x07, 0x06, 0x05, 0x04, 0x03, 0x02, 0x01])
    }

    @Test func booleansArePackedLeastSignificantBitFirst() {
        var out: [UInt8] = []
        PlainEncoder.appendBooleans([true, false, true, true, false, false, false, false, true], to: &out)
        // first byte: bits 0,2,3 set = 0x0D; second byte: bit 0 = 0x01.
        #expect(out == [0x0D, 0x01])
    }

    @Test func byteArraysHaveAFourByteLengthPrefix() {
        var out: [UInt8] = []
        Array("hé".utf8).withUnsafeBytes { PlainEncoder.appendByteArray($0, to: &out) }
        [UInt8]().withUnsafeBytes { PlainEncoder.appendByteArray($0, to: &out) }
        #expect(out == [0x03, 0, 0, 0, 0x68, 0xC3, 0xA9, 0x00, 0, 0, 0])
    }
}

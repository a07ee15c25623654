import Testing
@testable import Pipeline

/// The checksum is XXH64: the reference implementation's values (Python's xxhash package).
@Suite struct ChecksumTests {
    func xxh64(_ text: String, seed: UInt64 = 0) -> UInt64 {
        Array(text.utf8).withUnsafeBytes { Checksum.xxh64($0, seed: seed) }
    }

    @Test func matchesTheReferenceImplementation() {
        #expect(xxh64("") == 0xEF46_DB37_51D8_E999)
        #expect(xxh64("abc") == 0x44BC_2CF5_AD77_0999)
        // Long enough for the four-lane loop: 72 bytes (an 8-byte tail), 39 (4- and 1-byte tails).
        #expect(xxh64("The quick brown fox jumps over the lazy dog, twice: the quick brown fox.") == 0x05DD_DDEC_682D_9F58)
        #expect(xxh64("0123456789abcdefghijklmnopqrstuvwxyzABC") == 0x16AD_2D8A_60AD_5BC2)
        #expect(xxh64("abc", seed: 0x44BC_2CF5_AD77_0999) == 0xBAC9_6412_5EDC_A0F2)
    }

    @Test func aManifestChecksumChainsItsLines() {
        var checksum = Checksum()
        checksum.update(line: Array("abc".utf8)[...])
        #expect(checksum.value == 0x44BC_2CF5_AD77_0999)
        checksum.update(line: Array("abc".utf8)[...])
        #expect(checksum.value == 0xBAC9_6412_5EDC_A0F2)
    }
}

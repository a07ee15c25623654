import Crypto

/// The work store's checksum: the first 64 bits of SHA-256. SHA-256 is already at hand (report
/// ids), runs in hardware on current x86 and ARM cores, and 64 bits make an undetected change of
/// a record as unlikely as anyone needs (docs/pipelines.md has the measured cost).
struct Checksum {
    private var hasher = SHA256()

    mutating func update(_ bytes: UnsafeRawBufferPointer) { hasher.update(bufferPointer: bytes) }

    mutating func update(_ bytes: ArraySlice<UInt8>) { bytes.withUnsafeBytes { update($0) } }

    mutating func update(_ bytes: [UInt8]) { bytes.withUnsafeBytes { update($0) } }

    /// The 64 bits, as a number (records) or 16 hex digits (the manifest).
    func finalize() -> UInt64 {
        hasher.finalize().withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var checksum = Checksum()
        checksum.update(bytes)
        return checksum.finalize()
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}

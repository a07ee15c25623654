import DisclosureModel
import Testing
@testable import Extract

/// Damaged ZIP containers are rejects naming what is wrong, never a trap that ends the run.
@Suite struct ZIPArchiveTests {
    func reject(_ bytes: [UInt8]) -> Reject? {
        if case .reject(let reject) = Extractor.extract(bytes: bytes, sourcePath: "x.docx") { return reject }
        return nil
    }

    /// A ZIP of one stored entry, as a writer lays it out: local header, data, directory, end record.
    static func storedZIP(_ name: String, _ data: [UInt8], flags: UInt16 = 0, method: UInt16 = 0) -> [UInt8] {
        func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(value >> (8 * $0) & 0xFF) } }
        let crc = RawInflate.crc32(data), nameBytes = Array(name.utf8), size = le32(UInt32(data.count))
        let local = le32(0x0403_4B50) + le16(20) + le16(Int(flags)) + le16(Int(method)) + le32(0) + le32(crc) + size + size
            + le16(nameBytes.count) + le16(0) + nameBytes
        let central = le32(0x0201_4B50) + le16(20) + le16(20) + le16(Int(flags)) + le16(Int(method)) + le32(0) + le32(crc) + size + size
            + le16(nameBytes.count) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(0) + nameBytes
        let end = le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(UInt32(central.count))
            + le32(UInt32(local.count + data.count)) + le16(0)
        return local + data + central + end
    }

    static let document = Array(#"<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>"#.utf8)

    @Test func aStoredDocumentIsRead() throws {
        let archive = try ZIPArchive(Self.storedZIP("word/document.xml", Self.document))
        let entry = try #require(archive["word/document.xml"])
        #expect(try archive.contents(of: entry, limit: 1 << 20) == Self.document)
    }

    /// The crash of the hostile-input test: ZIPFoundation 0.9.20 trapped on this 136-byte file.
    @Test func aLocalHeaderOffsetPastTheEndIsDamaged() throws {
        let bytes = try Fixture.bytes("Tests/Fixtures/formats/rejects/offset-past-end.docx")
        #expect(bytes.count == 136)
        let rejected = try #require(reject(bytes))
        #expect(rejected.reason == .docxDamaged)
        #expect(rejected.detail.contains("the local header of word/document.xml (offset 2147483632) is past the end of the 136-byte file"))
    }

    @Test func aCentralDirectoryPastTheEndIsDamaged() throws {
        let rejected = try #require(reject(try Fixture.bytes("Tests/Fixtures/formats/rejects/directory-past-end.docx")))
        #expect(rejected.reason == .docxDamaged)
        #expect(rejected.detail.contains("the central directory (63 bytes from offset 2147483392) runs past the end"))
    }

    /// 80 MiB deflated to 80 KB, with a header that says 1,000 bytes: unpacking stops at the cap.
    @Test func aZIPBombWhoseHeaderLiesStopsAtTheCap() throws {
        let rejected = try #require(reject(try Fixture.bytes("Tests/Fixtures/formats/rejects/bomb-lying-header.docx")))
        #expect(rejected.reason == .tooLarge)
        #expect(rejected.detail.contains("unpacks to more than the 67108864 bytes read (its header says 1000)"))
    }

    @Test func everyTruncationOfAWordFileIsARejectNotACrash() throws {
        let bytes = try Fixture.bytes("Tests/Fixtures/formats/docx/kaifeng-2023.docx")
        for length in stride(from: 4, to: bytes.count, by: 97) {
            #expect(reject(Array(bytes.prefix(length)))?.reason == .docxDamaged)
        }
    }

    @Test func dataRunningPastTheEndIsDamaged() throws {
        var bytes = Self.storedZIP("word/document.xml", Self.document)
        // The directory's compressed size (offset 20 of the entry) made larger than the file.
        let directory = bytes.count - 22 - 46 - 17
        bytes[directory + 22] = 0x7F
        #expect(reject(bytes)?.detail.contains("runs past the end of the") == true)
    }

    @Test func aChangedByteFailsTheChecksum() throws {
        var bytes = Self.storedZIP("word/document.xml", Self.document)
        bytes[30 + 17 + 5] ^= 0x01
        #expect(reject(bytes)?.detail.contains("does not match its checksum (CRC-32)") == true)
    }

    @Test func moreEntriesThanTheDirectoryHoldsIsDamaged() throws {
        var bytes = Self.storedZIP("word/document.xml", Self.document)
        bytes[bytes.count - 22 + 10] = 0xFF
        #expect(reject(bytes)?.detail.contains("declares 255 entries, more than its 63 bytes can hold") == true)
    }

    @Test func encryptedAndUnknownMethodsAreNamed() throws {
        #expect(reject(Self.storedZIP("word/document.xml", Self.document, flags: 1))?.detail.contains("word/document.xml is encrypted") == true)
        #expect(reject(Self.storedZIP("word/document.xml", Self.document, method: 12))?.detail.contains("compression method 12") == true)
    }

    @Test func cutDeflateDataIsDamaged() throws {
        let bytes = try Fixture.bytes("Tests/Fixtures/formats/docx/kaifeng-2023.docx")
        let archive = try ZIPArchive(bytes)
        let entry = try #require(archive["word/document.xml"])
        #expect(entry.method == 8)
        var cut = entry
        cut.compressedSize /= 2
        #expect(throws: ZIPArchive.Failure.damaged("word/document.xml is cut off: its compressed data ends early")) {
            try archive.contents(of: cut, limit: 64 << 20)
        }
    }
}

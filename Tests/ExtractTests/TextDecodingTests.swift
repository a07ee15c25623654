import DisclosureModel
import Testing
@testable import Extract

/// Encodings as government sites serve them all read to the same text.
@Suite struct TextDecodingTests {
    func text(_ relative: String) throws -> (String, String) {
        guard case .success(let decoded) = TextDecoding.decode(try Fixture.bytes(relative)) else {
            Issue.record("\(relative) did not decode")
            return ("", "")
        }
        return (String(decoding: decoded.utf8, as: UTF8.self), decoded.encoding)
    }

    @Test func gb18030ReadsLikeTheUTF8Original() throws {
        let (original, _) = try text("samples/002_d3cf8b1128643171.txt")
        let (gbk, encoding) = try text("Tests/Fixtures/inputs/gb18030_seed002.txt")
        #expect(encoding == "gb18030")
        #expect(gbk == original)
    }

    @Test func utf16WithByteOrderMarkReadsLikeTheUTF8Original() throws {
        let (original, _) = try text("samples/003_4d0dc32836f03b08.txt")
        let (utf16, encoding) = try text("Tests/Fixtures/inputs/utf16le_bom_seed003.txt")
        #expect(encoding == "utf-16le")
        #expect(utf16 == original)
    }

    @Test func utf8ByteOrderMarkAndCRLFLineEndingsAreNormalized() throws {
        let (original, _) = try text("samples/004_d92da6674a0d90b8.txt")
        let (bom, encoding) = try text("Tests/Fixtures/inputs/utf8_bom_crlf_seed004.txt")
        #expect(encoding == "utf-8-bom")
        #expect(bom == original)
    }

    @Test func utf16BigEndianIsRead() {
        let bytes: [UInt8] = [0xFE, 0xFF] + Array("年度报告\n".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        guard case .success(let decoded) = TextDecoding.decode(bytes) else { Issue.record("not decoded"); return }
        #expect(decoded.encoding == "utf-16be")
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == "年度报告\n")
    }

    /// A UTF-16 report with an unpaired surrogate and a cut last byte is read, each bad unit a
    /// U+FFFD said by line; one with many bad units is still `undecodable`.
    @Test func utf16WithAFewBadUnitsIsRepaired() throws {
        let original = String(decoding: try Fixture.bytes("samples/003_4d0dc32836f03b08.txt"), as: UTF8.self)
        var units = Array(original.utf16)
        let at = units.firstIndex(of: 0x0A)! + 3
        let line = units[..<at].filter { $0 == 0x0A }.count + 1
        units.insert(0xD800, at: at)  // a high surrogate with no low one after it
        var bytes: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        bytes.append(0x41)  // half a unit at the end
        guard case .success(let decoded) = TextDecoding.decode(bytes) else { Issue.record("not repaired"); return }
        #expect(decoded.encoding == "utf-16le")
        let text = String(decoding: decoded.utf8, as: UTF8.self)
        #expect(text.unicodeScalars.filter { $0 == "\u{FFFD}" }.count == 2)
        #expect(text.replacingOccurrences(of: "\u{FFFD}", with: "") == original)
        #expect(decoded.repair == TextDecoding.Repair(invalid: 3, nul: 0, lines: [line, original.split(separator: "\n", omittingEmptySubsequences: false).count]))
        var broken: [UInt8] = [0xFF, 0xFE]
        for _ in 0..<50 { broken += [0x00, 0xD8, 0x41, 0x00] }
        guard case .failure(.undecodable(let why)) = TextDecoding.decode(broken) else { Issue.record("repaired"); return }
        #expect(why.contains("not valid utf-16le"))
    }

    @Test func emptyAndWhitespaceOnlyFilesAreEmpty() throws {
        #expect(TextDecoding.decode(try Fixture.bytes("Tests/Fixtures/inputs/empty.txt")) == .failure(.empty))
        #expect(TextDecoding.decode(try Fixture.bytes("Tests/Fixtures/inputs/whitespace_only.txt")) == .failure(.empty))
    }

    /// The validator's two-sequences-at-a-load path agrees with the standard library wherever a
    /// bad, overlong or surrogate sequence falls in a run of CJK text.
    @Test func utf8ValidationAgreesWithTheStandardLibrary() {
        let run = Array("政府信息公开工作年度报告".utf8)
        let inserts: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xE4, 0xB8],
                                  [0x80], [0xC0, 0xAF], [0xF0, 0x9F, 0x98, 0x80], [0x0B], [0x41]]
        for insert in inserts {
            for offset in 0...run.count {
                let bytes = Array(run[..<offset]) + insert + Array(run[offset...])
                let expected = String(validating: bytes, as: UTF8.self) != nil
                #expect(bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) } == expected, "\(insert) at \(offset)")
            }
        }
    }

    /// Control characters counted along the validation match a plain count, also when the text
    /// turns out not to be UTF-8 and the rest of the sample is counted apart.
    @Test func controlCharactersAreCountedAlongTheValidation() {
        let unit = Array("年度报告ab\u{0B}".utf8)
        let text = Array((0..<100).map { _ in unit }.joined())
        for bytes in [text, [0xFF] + text, Array(text[..<700]) + [0xFF] + Array(text[700...])] {
            let expected = bytes.withUnsafeBufferPointer { TextDecoding.controlCount($0) }
            let (reason, _) = bytes.withUnsafeBufferPointer { TextDecoding.examine($0) }
            #expect(reason == "\(expected) control characters in the first \(bytes.count) bytes")
        }
    }

    @Test func aZipContainerIsBinary() throws {
        guard case .failure(.binary(let why)) = TextDecoding.decode(try Fixture.bytes("Tests/Fixtures/inputs/binary.bin")) else {
            Issue.record("binary.bin was taken as text")
            return
        }
        #expect(why.contains("NUL"))
    }
}

extension Result: @retroactive Equatable where Success == TextDecoding.Decoded, Failure == TextDecoding.Failure {
    public static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.failure(let a), .failure(let b)): a == b
        case (.success(let a), .success(let b)): a.utf8 == b.utf8 && a.encoding == b.encoding
        default: false
        }
    }
}

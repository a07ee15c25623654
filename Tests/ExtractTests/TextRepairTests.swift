import DisclosureModel
import Testing
@testable import Extract

/// A seed report with a byte damaged is still read, the bad bytes replaced by U+FFFD and named
/// by line; only text with many bad bytes is refused, and only binary files are `binary`.
@Suite struct TextRepairTests {
    let utf8Seed = "samples/002_d3cf8b1128643171.txt"
    let gbSeed = "Tests/Fixtures/inputs/gb18030_seed002.txt"
    /// 贯 (in 贯彻, line 9 of seed 002) in each encoding.
    let guanUTF8 = Array("贯彻".utf8), guanGB: [UInt8] = [0xB9, 0xE1, 0xB3, 0xB9]

    func seed(_ relative: String, changing pattern: [UInt8], at offset: Int, to byte: UInt8) throws -> [UInt8] {
        var bytes = try Fixture.bytes(relative)
        let start = try #require(bytes.firstRange(of: pattern)).lowerBound
        bytes[start + offset] = byte
        return bytes
    }

    func original() throws -> String { String(decoding: try Fixture.bytes(utf8Seed), as: UTF8.self) }

    @Test func oneBadByteInUTF8IsReplacedAndNamedByLine() throws {
        let damaged = try seed(utf8Seed, changing: guanUTF8, at: 0, to: 0xFF)
        guard case .success(let decoded) = TextDecoding.decode(damaged) else { Issue.record("rejected"); return }
        #expect(decoded.encoding == "utf-8")
        // The lead byte made 0xFF: it and the two continuation bytes left alone are bad.
        #expect(decoded.repair == TextDecoding.Repair(invalid: 3, nul: 0, lines: [9]))
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == (try original()).replacingOccurrences(of: "贯彻", with: "\u{FFFD}\u{FFFD}\u{FFFD}彻"))
    }

    @Test func oneBadByteInGB18030IsReplacedAndNamedByLine() throws {
        let damaged = try seed(gbSeed, changing: guanGB, at: 1, to: 0xFF)
        guard case .success(let decoded) = TextDecoding.decode(damaged) else { Issue.record("rejected"); return }
        #expect(decoded.encoding == "gb18030")
        #expect(decoded.repair == TextDecoding.Repair(invalid: 2, nul: 0, lines: [9]))
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == (try original()).replacingOccurrences(of: "贯彻", with: "\u{FFFD}\u{FFFD}彻"))
    }

    @Test func aStrayNULIsReplacedRatherThanMakingTheFileBinary() throws {
        let damaged = try seed(utf8Seed, changing: Array("2023 年，在区委".utf8), at: 0, to: 0)
        guard case .success(let decoded) = TextDecoding.decode(damaged) else { Issue.record("rejected"); return }
        #expect(decoded.repair == TextDecoding.Repair(invalid: 0, nul: 1, lines: [9]))
        #expect(String(decoding: decoded.utf8, as: UTF8.self) == (try original()).replacingOccurrences(of: "2023 年，在区委", with: "\u{FFFD}023 年，在区委"))
    }

    @Test func theDamagedSeedIsAReportWithATextRepairedDiagnostic() throws {
        let damaged = try seed(utf8Seed, changing: guanUTF8, at: 0, to: 0xFF)
        guard case .report(let report) = Extractor.extract(bytes: damaged, sourcePath: "002.txt") else { Issue.record("rejected"); return }
        let repaired = report.diagnostics.filter { $0.code == .textRepaired }
        #expect(repaired.map(\.detail) == ["3 byte(s) not valid utf-8 replaced by U+FFFD (�) at line(s) 9; the rest of the text is read as it is"])
        guard case .report(let intact) = Extractor.extract(bytes: try Fixture.bytes(utf8Seed), sourcePath: "002.txt") else { return }
        #expect(report.tables == intact.tables && report.identity == intact.identity)
    }

    @Test func textWithMoreThanOneBadByteInAHundredIsUndecodable() throws {
        var bytes = try Fixture.bytes(utf8Seed)
        for index in stride(from: 100, to: bytes.count, by: 50) { bytes[index] = 0xFF }
        guard case .failure(.undecodable(let why)) = TextDecoding.decode(bytes) else { Issue.record("not undecodable"); return }
        #expect(why.contains("more than 1 in 100"))
    }

    @Test func randomBytesAreBinary() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<4096).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        guard case .failure(.binary(let why)) = TextDecoding.decode(bytes) else { Issue.record("not binary"); return }
        #expect(why.contains("control characters"))
    }
}

import DisclosureModel
import Testing
@testable import Extract

/// Inputs that are not reports are rejected with a reason, and layouts are told apart.
@Suite struct ExtractorTests {
    func reject(_ relative: String) throws -> Reject? {
        if case .reject(let reject) = Extractor.extract(bytes: try Fixture.bytes(relative), sourcePath: relative) { return reject }
        return nil
    }

    @Test func emptyFileIsRejectedAsEmpty() throws {
        #expect(try reject("Tests/Fixtures/inputs/empty.txt")?.reason == .empty)
    }

    @Test func binaryFileIsRejectedAsBinary() throws {
        // An image saved by mistake: no known container, NUL bytes.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        guard case .reject(let rejected) = Extractor.extract(bytes: png, sourcePath: "scan.png") else {
            Issue.record("a PNG was read as a report")
            return
        }
        #expect(rejected.reason == .binary)
        #expect(rejected.detail.contains("NUL"))
    }

    @Test func aTruncatedWordFileIsRejectedAsADamagedDocx() throws {
        // binary.bin is the first 4 KiB of a .docx (its ZIP entries name word/…).
        let rejected = try reject("Tests/Fixtures/inputs/binary.bin")
        #expect(rejected?.reason == .docxDamaged)
    }

    @Test func aNoticeThatIsNotAnAnnualReportIsRejected() throws {
        let rejected = try reject("Tests/Fixtures/inputs/not_a_report.txt")
        #expect(rejected?.reason == .notAReport)
        #expect(rejected?.detail.contains("主动公开政府信息情况") == true)
    }

    @Test func reportIdIsTheSHA256OfTheBytes() {
        #expect(Extractor.reportId(of: Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func tablesAreFoundInGB18030Text() throws {
        guard case .report(let report) = Extractor.extract(bytes: try Fixture.bytes("Tests/Fixtures/inputs/gb18030_seed002.txt"), sourcePath: "x") else {
            Issue.record("rejected")
            return
        }
        #expect(report.encoding == "gb18030")
        #expect(report.identity.agency == "攀枝花市东区民政局")
        #expect(Set(report.tables.keys) == Set(TableKind.allCases))
    }

    @Test func cellTextsReusedAcrossReportsReadTheSame() throws {
        // A small limit: some texts are kept and found again, the rest are made each time.
        let strings = CellStrings(limit: 8)
        let samples = ["000_a4d9d5453e5df20b", "001_596f64b8fe124db2", "002_d3cf8b1128643171", "003_4d0dc32836f03b08",
                       "004_d92da6674a0d90b8", "001_596f64b8fe124db2"].map { "samples/\($0).txt" }
        for sample in samples + ["Tests/Fixtures/inputs/gb18030_seed002.txt"] {
            let bytes = try Fixture.bytes(sample)
            guard case .report(let plain) = Extractor.extract(bytes: bytes, sourcePath: "x"),
                  case .report(let reused) = Extractor.extract(bytes: bytes, sourcePath: "x", reportId: nil, strings: strings, file: nil, toolTimeout: 120) else {
                Issue.record("rejected")
                return
            }
            #expect(reused == plain)
        }
    }

    @Test func everyValueKeepsItsSourceLine() throws {
        guard case .report(let report) = Extractor.extract(bytes: try Fixture.bytes("samples/004_d92da6674a0d90b8.txt"), sourcePath: "x") else {
            Issue.record("rejected")
            return
        }
        // 行政许可 is on line 56 and its value 77 on line 57 of the Word export.
        let row = try #require(report.tables[.proactive]?.first { $0.labels.contains { $0.text == "行政许可" } })
        #expect(row.labels.last?.line == 56)
        #expect(row.values.first == TextCell("77", line: 57))
    }
}

/// What reads as one number in a cell.
@Suite struct NumberCellTests {
    @Test func aSpaceIsAThousandsSeparatorOnlyBeforeThreeDigits() {
        #expect(ByteText.isNumber("1 234"))
        #expect(ByteText.isNumber("1 234 567"))
        #expect(ByteText.isNumber("12,345"))
        #expect(!ByteText.isNumber("9    0         0     0   0   0     9"), "a row of values in one cell is not a number")
        #expect(!ByteText.isNumber("12 5"))
        #expect(!ByteText.isNumber("1 2345"))
    }
}

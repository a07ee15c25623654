import DisclosureModel
import Extract
import Testing

/// The work store's binary records give back exactly what was stored.
@Suite struct StoredRecordTests {
    @Test(arguments: ["samples/001_596f64b8fe124db2.txt", "samples/003_4d0dc32836f03b08.txt", "samples/format-anyang-2023.pdf"])
    func reportsRoundTripThroughTheirBinaryForm(_ file: String) throws {
        guard case .report(let extracted) = Extractor.extract(bytes: try Repository.bytes(file), sourcePath: file) else {
            Issue.record("\(file) was rejected")
            return
        }
        #expect(try ExtractedReport(encoded: extracted.encoded()) == extracted)
        let transformed = try Repository.transform(file)
        #expect(try TransformedReport(encoded: transformed.encoded()) == transformed)
    }

    @Test func aCutRecordIsReportedAsDamaged() throws {
        let transformed = try Repository.transform("samples/002_d3cf8b1128643171.txt")
        let bytes = transformed.encoded()
        #expect(throws: BinaryReader.Damaged.self) { try TransformedReport(encoded: Array(bytes.prefix(bytes.count / 2))) }
    }

    /// A count or length bigger than the record (a damaged work file) is an error, not a crash
    /// while reserving room for it.
    @Test func anImpossibleCountIsReportedAsDamaged() throws {
        let empty = TransformedReport(
            reportId: "id", sourcePath: "a.txt", sourceFormat: "text", encoding: "utf-8",
            identity: ReportIdentity(agency: "某局", reportYear: 2023, reportDate: nil, postedDate: nil),
            proactive: [], applications: [], appeals: [], checkFailures: [], diagnostics: [])
        let bytes = empty.encoded()
        #expect(Array(bytes.suffix(5)) == [0, 0, 0, 0, 0])  // the five section counts
        let huge: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]  // UInt64.max
        for section in 0..<5 {
            let damaged = Array(bytes.dropLast(5 - section)) + huge + [UInt8](repeating: 0, count: 4 - section)
            #expect(throws: BinaryReader.Damaged.self) { try TransformedReport(encoded: damaged) }
        }
        var reader = BinaryReader(huge)
        #expect(throws: BinaryReader.Damaged.self) { try reader.readStringRange() }
        reader = BinaryReader(huge)
        #expect(throws: BinaryReader.Damaged.self) { try reader.readIndex(below: 3, what: "row") }
    }

    @Test func rejectsRoundTrip() throws {
        let reject = Reject(sourcePath: "a/b.doc", reason: .legacyDoc, detail: "convert it")
        #expect(try Reject(encoded: reject.encoded()) == reject)
    }
}

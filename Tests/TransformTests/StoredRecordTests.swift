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

    @Test func rejectsRoundTrip() throws {
        let reject = Reject(sourcePath: "a/b.doc", reason: .legacyDoc, detail: "convert it")
        #expect(try Reject(encoded: reject.encoded()) == reject)
    }
}

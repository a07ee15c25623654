import DisclosureModel
import Testing
@testable import Extract

/// Files of a supported kind that cannot be read become rejects whose detail says what to do.
@Suite struct FormatRejectTests {
    func reject(_ name: String) throws -> Reject? {
        let path = "Tests/Fixtures/formats/rejects/\(name)"
        if case .reject(let reject) = Extractor.extract(bytes: try Fixture.bytes(path), sourcePath: path) { return reject }
        return nil
    }

    @Test func aWord97DocumentIsRejectedWithTheConversionCommand() throws {
        let rejected = try #require(try reject("legacy-word97.doc"))
        #expect(rejected.reason == .legacyDoc)
        #expect(rejected.reason.rawValue == "legacy_doc")
        #expect(rejected.detail.contains("libreoffice --headless --convert-to docx"))
    }

    @Test func aPasswordProtectedPDFIsRejectedAsEncrypted() throws {
        let rejected = try #require(try reject("encrypted.pdf"))
        #expect(rejected.reason == .pdfEncrypted)
        #expect(rejected.detail.contains("password"))
        #expect(rejected.detail.contains("qpdf --password="))
        // The tool's message names the file it read; the reject must not (a temporary copy's name
        // would differ from run to run): `cannot authenticate password: the PDF`.
        #expect(!rejected.detail.contains("/") && rejected.detail.contains(": the PDF"), "\(rejected.detail)")
    }

    @Test func aTruncatedPDFIsRejectedAsDamaged() throws {
        let rejected = try #require(try reject("truncated.pdf"))
        #expect(rejected.reason == .pdfDamaged)
        #expect(rejected.detail.contains("damaged or truncated"))
        #expect(rejected.detail.contains("download it again"))
    }

    @Test func aScannedPDFIsRejectedWithAPointerToOCR() throws {
        let rejected = try #require(try reject("scanned.pdf"))
        #expect(rejected.reason == .pdfNoText)
        #expect(rejected.detail.contains("1 page(s) but no text layer"))
        #expect(rejected.detail.contains("ocrmypdf"))
    }

    @Test func aTruncatedWordFileIsRejectedAsDamaged() throws {
        let rejected = try #require(try reject("truncated.docx"))
        #expect(rejected.reason == .docxDamaged)
        #expect(rejected.detail.contains("save it again as .docx"))
    }

    @Test func aZIPThatIsNotAWordDocumentIsRejectedNamingItsEntries() throws {
        let rejected = try #require(try reject("attachments.zip"))
        #expect(rejected.reason == .unsupportedFormat)
        #expect(rejected.detail.contains("附件1.html"))
        #expect(rejected.detail.contains("unzip"))
    }

    @Test func rejectReasonsKeepTheirPrintedNames() {
        let reasons = [Reject.Reason.legacyDoc, .pdfEncrypted, .pdfDamaged, .pdfNoText, .docxDamaged, .unsupportedFormat, .toolMissing]
        #expect(reasons.map(\.rawValue) == ["legacy_doc", "pdf_encrypted", "pdf_damaged", "pdf_no_text", "docx_damaged", "unsupported_format", "tool_missing"])
    }
}

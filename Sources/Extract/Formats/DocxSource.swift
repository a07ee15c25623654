import DisclosureModel

/// Reads a Word `.docx`: `word/document.xml` from the ZIP, its paragraphs as lines and its tables
/// (`w:tbl`/`w:tr`/`w:tc`) row by row.
///
/// A cell merged across columns (`w:gridSpan`) or down rows (`w:vMerge`) is read once, where it
/// starts; the continuation cells of a vertical merge are left out rather than read as empty cells,
/// which would be taken for values.
enum DocxSource {
    /// A document.xml larger than this is not a report (and may be a ZIP bomb): unpacking stops here.
    static let largestDocument = 64 << 20

    static func read(_ bytes: [UInt8]) -> Result<StructuredText, FormatFailure> {
        let xml: [UInt8]
        do throws(ZIPArchive.Failure) {
            let archive = try ZIPArchive(bytes)
            guard let entry = archive["word/document.xml"] else {
                let names = archive.entries.prefix(5).map(\.name).joined(separator: ", ")
                if archive["[Content_Types].xml"] != nil && names.contains("word/") {
                    return .failure(damaged("the ZIP holds no word/document.xml"))
                }
                return .failure(FormatFailure(.unsupportedFormat,
                    "a ZIP archive that is not a Word document (no word/document.xml; first entries: \(names)); if it holds reports, unzip them into the input folder"))
            }
            xml = try archive.contents(of: entry, limit: largestDocument)
        } catch {
            switch error {
            case .damaged(let why): return .failure(damaged(why))
            case .tooLarge(let why): return .failure(FormatFailure(.tooLarge, "a Word document too large to be a report, or a ZIP bomb: \(why)"))
            }
        }
        guard let text = DocxBodyReader.read(xml) else {
            return .failure(damaged("word/document.xml is not well-formed XML with a w:body"))
        }
        return .success(StructuredText(text: text, format: "docx", encoding: "utf-8"))
    }

    static func damaged(_ why: String) -> FormatFailure {
        FormatFailure(.docxDamaged, "a damaged Word document: \(why). Open it in Word or LibreOffice and save it again as .docx")
    }
}

/// Sends a file to the reader of its format, recognized from its bytes.
enum FormatRouter {
    /// Lines read from an HTML, PDF or Word file, or why it cannot be read; nil for text files,
    /// which the text path decodes itself. `file` is where the bytes were read from, if anywhere.
    static func read(_ bytes: [UInt8], file: String? = nil, toolTimeout: Double = PDFSource.defaultTimeout) -> Result<StructuredText, FormatFailure>? {
        switch SourceKind.sniff(bytes) {
        case .text: return nil
        case .html: return HTMLSource.read(bytes)
        case .pdf: return PDFSource.read(bytes, file: file, timeout: toolTimeout)
        case .zip: return DocxSource.read(bytes)
        case .legacyOffice:
            return .failure(FormatFailure(.legacyDoc,
                "a legacy binary Office file (Word 97–2003 .doc, OLE format), which is not read: convert it with libreoffice --headless --convert-to docx FILE.doc and put the .docx in the input folder"))
        }
    }
}

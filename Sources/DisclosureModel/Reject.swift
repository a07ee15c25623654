/// An input that yields no report, and why.
public struct Reject: Sendable, Hashable, Codable {
    public var sourcePath: String
    public var reason: Reason
    public var detail: String

    public init(sourcePath: String, reason: Reason, detail: String) {
        self.sourcePath = sourcePath
        self.reason = reason
        self.detail = detail
    }

    /// Why an input was rejected; the raw value is what the `rejects` dataset prints.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// The file has no bytes (or only whitespace).
        case empty
        /// The bytes are not text in any supported encoding (NUL bytes, control characters).
        case binary
        /// The bytes look like text but decode in no supported encoding.
        case undecodable
        /// The text is not an annual report: none of the template's tables is there.
        case notAReport = "not_a_report"
        /// No report year in the title, the text or the dates.
        case noReportYear = "no_report_year"
        /// The file could not be read.
        case unreadable
        /// The same bytes as another input (same report_id); the first path in order is kept.
        case duplicate
        /// A legacy binary Office file (Word 97–2003 `.doc`): convert it to `.docx` first.
        case legacyDoc = "legacy_doc"
        /// A PDF protected by a password: save an unprotected copy first.
        case pdfEncrypted = "pdf_encrypted"
        /// A PDF that poppler cannot open: truncated or corrupt.
        case pdfDamaged = "pdf_damaged"
        /// A PDF with pages but no text layer (a scan): OCR it first.
        case pdfNoText = "pdf_no_text"
        /// A `.docx` whose ZIP container or document.xml is broken.
        case docxDamaged = "docx_damaged"
        /// A format the pipeline does not read (a ZIP that is not a Word document).
        case unsupportedFormat = "unsupported_format"
        /// A tool the format needs (poppler for PDF) is not installed.
        case toolMissing = "tool_missing"
        /// A FIFO, socket, device or link to a folder in the input folder: never opened.
        case notAFile = "not_a_file"
        /// A symbolic link to nothing, or a loop of links.
        case brokenLink = "broken_link"
        /// Larger than the pipeline's `max_input_bytes` (rejected from its size, without reading it),
        /// or than a report can be: what a `.docx` unpacks to (a ZIP bomb), a page over 2 GiB.
        case tooLarge = "too_large"
    }
}

import DisclosureModel
import Foundation

/// Reads a PDF through MuPDF's `mutool trace`, which gives every character with its position and
/// every drawn line in one pass; `PDFLayout` turns them into lines and table rows. A PDF that
/// needs a password, or that MuPDF cannot repair, is rejected; one with pages but no characters is
/// a scan and is rejected with a pointer to OCR.
public enum PDFSource {
    /// Seconds MuPDF may work on one PDF unless the pipeline says otherwise (`tool_timeout_seconds`).
    public static let defaultTimeout: TimeInterval = 120

    /// MuPDF's tool, looked up on `PATH` once per run.
    static let mutool = ExternalTool(name: "mutool")

    /// `file` is the path the bytes were read from: MuPDF reads it there while it still has their
    /// size (a file replaced since is read from a private copy of the bytes, as are bytes from
    /// nowhere), which spares writing every report out again.
    static func read(_ bytes: [UInt8], file: String? = nil, timeout: TimeInterval = defaultTimeout) -> Result<StructuredText, FormatFailure> {
        guard mutool.path != nil else {
            return .failure(FormatFailure(.toolMissing,
                "reading PDF files needs MuPDF's mutool, which is not installed: run scripts/setup (or apt-get install mupdf-tools)"))
        }
        var input = file ?? ""
        var copy: URL?
        defer { if let copy { PrivateTemporaryFolder.removeJobFolder(copy) } }
        var status = stat()
        if file == nil || stat(input, &status) != 0 || Int(status.st_size) != bytes.count {
            do {
                let folder = try PrivateTemporaryFolder.makeFolder("pdf")
                copy = folder
                input = folder.appendingPathComponent("input.pdf").path
                try PrivateTemporaryFolder.writeFile(bytes, to: URL(fileURLWithPath: input))
            } catch {
                return .failure(FormatFailure(.unreadable, "the PDF could not be handed to MuPDF: \(error)"))
            }
        }
        // A name starting with `-` would be taken for an option.
        if !input.hasPrefix("/") { input = "./" + input }
        do {
            var trace = MuPDFTrace()
            let run = try mutool.run(["trace", input], timeout: timeout, memoryLimit: Self.memoryLimit) { trace.consume($0) }
            if trace.pageCount == 0 || run.timedOut, let failure = failure(run, tool: "mutool", timeout: timeout, input: input) { return .failure(failure) }
            guard trace.pageCount > 0 else {
                return .failure(FormatFailure(.pdfDamaged, "the PDF opens but has no pages; download it again"))
            }
            guard !trace.glyphs.isEmpty else {
                return .failure(FormatFailure(.pdfNoText,
                    "the PDF has \(trace.pageCount) page(s) but no text layer: it is a scan or an image. OCR it first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and put the OCRed file in the input folder"))
            }
            let (text, diagnostics) = PDFLayout.text(trace)
            return .success(StructuredText(text: text, format: "pdf", encoding: "utf-8", diagnostics: diagnostics))
        } catch {
            return .failure(FormatFailure(.unreadable, "MuPDF could not be run on the PDF: \(error)"))
        }
    }

    /// The address space MuPDF may take on one PDF: a page that would need more (a crafted or
    /// broken file) makes it fail with "out of memory" instead of taking the machine's memory; an
    /// ordinary report needs a few tens of MB.
    static let memoryLimit = 4 << 30

    /// A reject for a tool run that failed: a password, damage, or a tool that hung. The tool's
    /// message names the file it was given (the input's own path, or a temporary copy's), which
    /// would make the reject differ from run to run: it is said as "the PDF" instead.
    static func failure(_ run: ExternalTool.Run, tool: String, timeout: TimeInterval, input: String) -> FormatFailure? {
        if run.timedOut {
            return FormatFailure(.pdfDamaged,
                "\(tool) did not finish within \(Int(timeout)) s on this PDF (tool_timeout_seconds); open it and print it again to PDF")
        }
        guard run.status != 0 else { return nil }
        let message = (run.standardError.split(separator: "\n").map(String.init).last { !$0.isEmpty } ?? "exit status \(run.status)")
            .replacingOccurrences(of: input, with: "the PDF")
        if run.standardError.lowercased().contains("out of memory") || run.standardError.contains("malloc") {
            return FormatFailure(.tooLarge,
                "\(tool) ran out of the \(memoryLimit >> 30) GiB it may use on one PDF (\(tool): \(message)); the PDF is damaged or made to exhaust memory: print it again to PDF")
        }
        if run.standardError.lowercased().contains("password") {
            return FormatFailure(.pdfEncrypted,
                "the PDF is protected by a password (\(tool): \(message)); save an unprotected copy, e.g. qpdf --password=PASSWORD --decrypt in.pdf out.pdf")
        }
        return FormatFailure(.pdfDamaged,
            "the PDF is damaged or truncated (\(tool): \(message)); download it again, or repair it with qpdf in.pdf out.pdf")
    }
}

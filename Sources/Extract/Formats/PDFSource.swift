import DisclosureModel
import Foundation

/// Reads a PDF through poppler: `pdfinfo` tells whether it opens (password, damage) and
/// `pdftotext -bbox-layout` gives every word with its position, from which `PDFLayout` rebuilds
/// the tables. A PDF with pages but no words is a scan and is rejected with a pointer to OCR.
enum PDFSource {
    static func read(_ bytes: [UInt8]) -> Result<StructuredText, FormatFailure> {
        let info = ExternalTool(name: "pdfinfo"), pdftotext = ExternalTool(name: "pdftotext")
        guard info.path != nil, pdftotext.path != nil else {
            return .failure(FormatFailure(.toolMissing,
                "reading PDF files needs poppler's pdfinfo and pdftotext, which are not installed: run scripts/setup (or apt-get install poppler-utils)"))
        }
        let folder: URL
        do { folder = try PrivateTemporaryFolder.makeFolder("pdf") } catch {
            return .failure(FormatFailure(.unreadable, "the PDF could not be handed to poppler: \(error)"))
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let input = folder.appendingPathComponent("input.pdf")
            try PrivateTemporaryFolder.writeFile(bytes, to: input)

            let facts = try info.run([input.path], in: folder)
            if let failure = failure(facts, tool: "pdfinfo") { return .failure(failure) }
            let pages = pageCount(String(decoding: facts.standardOutput, as: UTF8.self))
            guard pages > 0 else {
                return .failure(FormatFailure(.pdfDamaged, "the PDF opens but has no pages; download it again"))
            }

            let output = folder.appendingPathComponent("words.html")
            let extraction = try pdftotext.run(["-bbox-layout", "-enc", "UTF-8", input.path, output.path], in: folder)
            if let failure = failure(extraction, tool: "pdftotext") { return .failure(failure) }
            guard let parsed = PDFWord.words(fromBBoxLayout: [UInt8](try Data(contentsOf: output))) else {
                return .failure(FormatFailure(.pdfDamaged, "pdftotext gave no readable word list for this PDF; open it and print it again to PDF"))
            }
            guard !parsed.words.isEmpty else {
                return .failure(FormatFailure(.pdfNoText,
                    "the PDF has \(pages) page(s) but no text layer: it is a scan or an image. OCR it first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf) and put the OCRed file in the input folder"))
            }
            return .success(StructuredText(text: PDFLayout.text(parsed.words), format: "pdf", encoding: "utf-8"))
        } catch {
            return .failure(FormatFailure(.unreadable, "the PDF could not be handed to poppler: \(error)"))
        }
    }

    /// A reject for a tool run that failed: a password, damage, or a tool that hung.
    static func failure(_ run: ExternalTool.Run, tool: String) -> FormatFailure? {
        if run.timedOut {
            return FormatFailure(.pdfDamaged, "\(tool) did not finish in time on this PDF; open it and print it again to PDF")
        }
        guard run.status != 0 else { return nil }
        let message = run.standardError.split(separator: "\n").map(String.init).last { !$0.isEmpty } ?? "exit status \(run.status)"
        if run.standardError.lowercased().contains("password") {
            return FormatFailure(.pdfEncrypted,
                "the PDF is protected by a password (\(tool): \(message)); save an unprotected copy, e.g. qpdf --password=PASSWORD --decrypt in.pdf out.pdf")
        }
        return FormatFailure(.pdfDamaged,
            "the PDF is damaged or truncated (\(tool): \(message)); download it again, or repair it with qpdf in.pdf out.pdf")
    }

    /// `Pages:          3` in pdfinfo's report.
    static func pageCount(_ report: String) -> Int {
        for line in report.split(separator: "\n") where line.hasPrefix("Pages:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        return 0
    }
}

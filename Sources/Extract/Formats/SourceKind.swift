/// What a file is, judged from its first bytes rather than its name: analysts save files under any
/// name (`report.html` that is a PDF, `附件1` with no extension).
enum SourceKind: Equatable, Sendable {
    case text, html, pdf, zip, legacyOffice

    static let pdfHeader = Array("%PDF-".utf8)

    static func sniff(_ bytes: [UInt8]) -> SourceKind {
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        // The PDF header may follow some junk bytes; readers look for it in the first kilobyte.
        if ByteText.contains(pdfHeader, in: bytes.prefix(1024)) { return .pdf }
        if looksLikeHTML(bytes) { return .html }
        return .text
    }

    /// Markup right at the start (after a BOM and whitespace): `<!DOCTYPE html`, `<html`, or a
    /// fragment saved from a page (`<meta`, `<head`, `<body`, `<table`, `<div`, a comment), or one
    /// that starts with another element (`<p style=…>`, as a kiosk app stored a page's body) and
    /// closes a tag within its first 2 KB.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        while start < bytes.count, TextDecoding.isWhitespace(bytes[start]) { start += 1 }
        guard start < bytes.count, bytes[start] == 0x3C else { return false }
        let head = bytes[start..<min(bytes.count, start + 2048)].map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        for tag in ["<!doctype html", "<html", "<head", "<meta", "<body", "<table", "<div", "<!--"] {
            if head.starts(with: Array(tag.utf8)) { return true }
        }
        if startsWithElement(head), ByteText.contains(Array("</".utf8), in: head[...]) { return true }
        return ByteText.contains(Array("<html".utf8), in: head[...]) || ByteText.contains(Array("<table".utf8), in: head[...])
    }

    /// Elements a saved page fragment starts with besides those above.
    private static let fragmentStarts: Set<[UInt8]> = Set([
        "p", "span", "font", "center", "strong", "b", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
        "header", "main", "style", "script", "link", "title", "br", "hr", "ul", "ol", "img", "a", "form",
    ].map { Array($0.utf8) })

    /// Whether `head` (lowercased) starts with `<name` of a known element, then a space, `>` or `/`.
    private static func startsWithElement(_ head: [UInt8]) -> Bool {
        guard let end = head.dropFirst().firstIndex(where: { !((0x61...0x7A).contains($0) || (0x30...0x39).contains($0)) }),
              [0x20, 0x3E, 0x2F, 0x09, 0x0A, 0x0D].contains(head[end]) else { return false }
        return fragmentStarts.contains(Array(head[1..<end]))
    }
}

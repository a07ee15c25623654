import DisclosureModel

/// The lines a structured source (HTML, DOCX, PDF) is turned into, so the text path reads its
/// tables unchanged: each paragraph is a line, each table row one line of tab-separated cells.
///
/// `origins` says where each line came from (`table 3, row 7`, `page 2, y=431.2`), so a value cited
/// by line in a diagnostic can be traced back to the source.
struct VirtualText: Sendable {
    private(set) var lines: [String] = []
    private(set) var origins: [String] = []

    var isEmpty: Bool { lines.isEmpty }

    /// A paragraph; blank ones are dropped.
    mutating func paragraph(_ text: String, origin: String) {
        let cleaned = Self.clean(text)
        guard !cleaned.isEmpty else { return }
        lines.append(cleaned)
        origins.append(origin)
    }

    /// A table row: cells joined by tabs. Empty cells are kept (an empty cell is data: 0); an
    /// empty last cell gets a closing tab, since the text path reads a trailing tab as a terminator.
    mutating func row(_ cells: [String], origin: String) {
        guard !cells.isEmpty else { return }
        let cleaned = cells.map(Self.clean)
        lines.append(cleaned.joined(separator: "\t") + (cleaned.last?.isEmpty == true ? "\t" : ""))
        origins.append(origin)
    }

    /// Another text's lines after these.
    mutating func append(_ other: VirtualText) {
        lines += other.lines
        origins += other.origins
    }

    /// The lines as the text path reads them.
    var sourceLines: SourceLines {
        SourceLines(utf8: Array(lines.joined(separator: "\n").utf8))
    }

    /// Tabs and line breaks inside a cell or paragraph would split it: they become spaces.
    static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).trimmingSpaces
    }

    /// Whether `clean` would return the text as it is: no control character, no U+0085, U+2028 or
    /// U+2029, no space at either end. Most cells are, and are then kept without a copy.
    static func isClean(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return false }
            // Leading U+3000 (E3 80 80) or U+00A0 (C2 A0); trailing ones end in 80 or A0.
            if first == 0xE3 || first == 0xC2 || last == 0x80 || last == 0xA0 { return false }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 { return false }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 { return false }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 { return false }
                index += 1
            }
            return true
        }
    }
}

import DisclosureModel

extension MarkdownText {
    /// Whether the text has a markdown table: a separator row (`|---|---|`, `| :--- | ---: |`)
    /// right under a row with a `|`. Runs on every text file without tabs, so it reads bytes in
    /// place: a file without `|` is decided by one search, the others by one pass over their lines.
    /// The classic `web_text_pipe` layout has pipe rows but no separator row.
    static func hasTable(_ lines: SourceLines) -> Bool {
        guard ByteText.firstIndex(of: pipe, in: lines.bytes[...]) != nil else { return false }
        return lines.bytes.withUnsafeBufferPointer { text in
            var previousHasPipe = false
            for line in lines.ranges {
                let hasPipe = ByteText.firstIndex(of: pipe, in: text, line) != nil
                if hasPipe, previousHasPipe, isSeparatorRow(text, line) { return true }
                previousHasPipe = hasPipe
            }
            return false
        }
    }

    static let pipe: UInt8 = 0x7C

    /// Only `|`, `-`, `:` and spaces, with a `|` and a `-` between each pair of pipes.
    static func isSeparatorRow(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        var pipes = 0, dashes = 0, cellHasDash = false, cellHasText = false
        for index in line {
            switch text[index] {
            case pipe:
                // A cell between two pipes must be a run of dashes (`||` is not a separator row).
                if cellHasText && !cellHasDash { return false }
                pipes += 1
                cellHasDash = false
                cellHasText = false
            case 0x2D: dashes += 1; cellHasDash = true; cellHasText = true
            case 0x3A: cellHasText = true
            case 0x20, 0x09, 0x0D: continue
            default: return false
            }
        }
        if cellHasText && !cellHasDash { return false }
        return pipes > 0 && dashes > 0
    }
}

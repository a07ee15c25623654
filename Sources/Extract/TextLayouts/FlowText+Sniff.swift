extension FlowText {
    /// Whether the text is reading-order text: values alone on their lines, and hardly any line with
    /// numbers set apart by runs of spaces (that is `pdftotext -layout`, the columns kept). Bytes
    /// only, no allocation: it runs on every text file without tabs.
    static func isFlow(_ lines: SourceLines) -> Bool {
        var alone = 0
        var spaced = 0
        lines.bytes.withUnsafeBufferPointer { text in
            for range in lines.ranges {
                let trimmed = ByteText.trimmed(text, range)
                guard !trimmed.isEmpty else { continue }
                let line = UnsafeBufferPointer(rebasing: text[trimmed])
                if ByteText.firstIndex(of: 0x20, in: text, trimmed) == nil, ByteText.isNumber(line) || ByteText.isDash(line) {
                    alone += 1
                } else if spacedNumbers(line) >= 2 {
                    spaced += 1
                }
            }
        }
        return alone >= 5 && spaced * 4 <= alone
    }

    /// Digits that follow a run of two or more spaces: the columns of a layout-preserving converter.
    private static func spacedNumbers(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var spaces = 0
        for byte in line {
            if byte == 0x20 { spaces += 1; continue }
            if spaces >= 2, byte >= 0x30, byte <= 0x39 { count += 1 }
            spaces = 0
        }
        return count
    }
}

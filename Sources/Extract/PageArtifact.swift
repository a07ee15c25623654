import DisclosureModel

/// Page furniture that PDF and Word converters leave inside tables: `- 3 -`, `— 3 —`, `第3页`, `3/12`.
enum PageArtifact {
    static let di = Array("第".utf8)

    /// The same test on a line's bytes. Every artifact has 1…16 scalars besides spaces and tabs and
    /// holds a digit or 第, which most table lines fail: only the rest are decoded.
    static func isPageArtifact(_ line: ArraySlice<UInt8>) -> Bool {
        var scalars = 0, spaces = 0, hasDigit = false
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte & 0xC0 != 0x80 { scalars += 1 }
            if byte == 0x20 || byte == 0x09 { spaces += 1 }
            if byte >= 0x30 && byte <= 0x39 { hasDigit = true }
            if byte == 0xEF, index + 2 < line.endIndex, line[index + 1] == 0xBC, (0x90...0x99).contains(line[index + 2]) {
                hasDigit = true
            }
            if byte == 0xE3, index + 2 < line.endIndex, line[index + 1] == 0x80, line[index + 2] == 0x80 { spaces += 1 }
            index += 1
        }
        let counted = scalars - spaces
        guard counted > 0, counted <= 16, hasDigit || ByteText.contains(di, in: line) else { return false }
        return isPageArtifact(String(decoding: line, as: UTF8.self))
    }

    static func isPageArtifact(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.filter { $0.value != 0x20 && $0.value != 0x3000 && $0.value != 0x09 })
        guard !scalars.isEmpty, scalars.count <= 16 else { return false }
        func isDigit(_ s: Unicode.Scalar) -> Bool { (0x30...0x39).contains(s.value) || (0xFF10...0xFF19).contains(s.value) }
        func isDash(_ s: Unicode.Scalar) -> Bool { [0x2D, 0x2014, 0x2013, 0xFF0D, 0x2015, 0x2500].contains(s.value) }
        // - 3 -   — 3 —
        var start = 0, end = scalars.count
        while start < end, isDash(scalars[start]) { start += 1 }
        while end > start, isDash(scalars[end - 1]) { end -= 1 }
        let core = scalars[start..<end]
        if start > 0, end < scalars.count, !core.isEmpty, core.count <= 4, core.allSatisfy(isDigit) { return true }
        // 第3页 / 第3页共12页
        let string = String(String.UnicodeScalarView(scalars))
        if string.hasPrefix("第"), string.hasSuffix("页") {
            let inner = string.dropFirst().dropLast().unicodeScalars.filter { !isDigit($0) }
            return inner.isEmpty || String(String.UnicodeScalarView(inner)) == "页共"
        }
        // 3/12
        if let slash = scalars.firstIndex(where: { $0.value == 0x2F }), slash > 0, slash < scalars.count - 1 {
            return scalars[..<slash].allSatisfy(isDigit) && scalars[(slash + 1)...].allSatisfy(isDigit)
                && scalars.count <= 9
        }
        return false
    }
}

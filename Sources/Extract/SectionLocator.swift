import DisclosureModel

/// Finds the line ranges of the three tables from the template's section headings.
///
/// A heading is a short line whose text, once numbering, punctuation and spaces are dropped, is the
/// template's heading (二、主动公开政府信息情况 …). A table runs to the next heading, section 五, or the end.
enum SectionLocator {
    static let headings: [(TableKind, String)] = [
        (.proactive, "主动公开政府信息情况"),
        (.applications, "收到和处理政府信息公开申请情况"),
        (.appeals, "政府信息公开行政复议行政诉讼情况"),
    ]

    static func locate(_ lines: SourceLines) -> [TableKind: Range<Int>] {
        var starts: [(TableKind, Int)] = []
        var boundaries: [Int] = []
        for index in 0..<lines.count {
            let line = lines[index]
            guard line.count < 150, mayBeHeading(line) else { continue }
            let key = headingKey(lines.string(index))
            if let (kind, _) = headings.first(where: { key == $0.1 || key == sectionNumber($0.0) + $0.1 }),
               !starts.contains(where: { $0.0 == kind }) {
                starts.append((kind, index))
                boundaries.append(index)
            } else if !starts.isEmpty, isLaterSection(key) {
                boundaries.append(index)
            }
        }
        var regions: [TableKind: Range<Int>] = [:]
        for (kind, start) in starts {
            let end = boundaries.first { $0 > start } ?? lines.count
            regions[kind] = (start + 1)..<end
        }
        return regions
    }

    static func sectionNumber(_ kind: TableKind) -> String { kind.sectionNumber }

    static let headingWords = ["情况", "问题", "改进", "事项"].map { Array($0.utf8) }

    /// Every heading holds one of these words; checking bytes first spares the other lines.
    static func mayBeHeading(_ line: ArraySlice<UInt8>) -> Bool {
        headingWords.contains { ByteText.firstIndex(of: $0, in: line) != nil }
    }

    /// 五、存在的主要问题及改进情况 and 六、其他需要报告的事项 close the last table.
    static func isLaterSection(_ key: String) -> Bool {
        guard key.count < 30 else { return false }
        return (key.hasPrefix("五") || key.hasPrefix("六")) && (key.contains("问题") || key.contains("改进") || key.contains("其他需要报告"))
    }

    /// Only CJK letters and ASCII letters/digits, full-width folded to half-width.
    static func headingKey(_ line: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            var value = scalar.value
            if (0xFF01...0xFF5E).contains(value) { value -= 0xFEE0 }
            let isCJK = (0x4E00...0x9FFF).contains(value) || value == 0x3007
            let isAlnum = (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
            if isCJK || isAlnum, let folded = Unicode.Scalar(value) { out.append(folded) }
        }
        return String(out)
    }
}

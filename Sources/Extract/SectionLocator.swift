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

    /// Each heading's key bytes, bare and with its section number (二主动公开…), built once.
    static let headingKeys: [(kind: TableKind, bare: [UInt8], numbered: [UInt8])] = headings.map { kind, heading in
        (kind, Array(heading.utf8), Array((kind.sectionNumber + heading).utf8))
    }

    static func locate(_ lines: SourceLines) -> [TableKind: Range<Int>] {
        var regions = [TableKind: Range<Int>](minimumCapacity: TableKind.allCases.count)
        // The table whose heading was the last boundary: it runs to the next one. A heading is a
        // boundary, so at most one table is open at a time.
        var open: (kind: TableKind, heading: Int)?
        var key: [UInt8] = []
        key.reserveCapacity(150)
        lines.bytes.withUnsafeBufferPointer { text in
            for index in 0..<lines.count {
                let line = lines.ranges[index]
                // Blank lines are most of the short ones: a heading word alone is six bytes.
                guard line.count >= 6, line.count < 150,
                      let first = firstKeyScalar(UnsafeBufferPointer(rebasing: text[line])), keyStarts.contains(first),
                      mayBeHeading(text, line) else { continue }
                headingKey(UnsafeBufferPointer(rebasing: text[line]), into: &key)
                if let kind = tableKind(ofHeadingKey: key), regions[kind] == nil, open?.kind != kind {
                    if let open { regions[open.kind] = (open.heading + 1)..<index }
                    open = (kind, index)
                } else if let table = open, isLaterSection(key) {
                    regions[table.kind] = (table.heading + 1)..<index
                    open = nil
                }
            }
        }
        if let open { regions[open.kind] = (open.heading + 1)..<lines.count }
        return regions
    }

    /// The table whose heading has this key (with or without its section number), if any.
    static func tableKind(ofHeadingKey key: [UInt8]) -> TableKind? {
        headingKeys.first { key == $0.bare || key == $0.numbered }?.kind
    }

    static let headingWords = ["情况", "问题", "改进", "事项"].map { Array($0.utf8) }

    /// Every heading holds one of these words; checking bytes first spares the other lines.
    static func mayBeHeading(_ text: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> Bool {
        headingWords.contains { ByteText.firstIndex(of: $0, in: text, line) != nil }
    }

    static let laterSectionNumbers = ["五", "六"].map { Array($0.utf8) }
    static let laterSectionWords = ["问题", "改进", "其他需要报告"].map { Array($0.utf8) }

    /// 五、存在的主要问题及改进情况 and 六、其他需要报告的事项 close the last table.
    /// A key holds only CJK and ASCII letters, one `Character` per scalar, so bytes compare alike.
    static func isLaterSection(_ key: [UInt8]) -> Bool {
        guard ByteText.scalarCount(key[...]) < 30 else { return false }
        return laterSectionNumbers.contains { key.starts(with: $0) }
            && laterSectionWords.contains { ByteText.contains($0, in: key[...]) }
    }

    /// Only CJK letters and ASCII letters/digits, full-width folded to half-width, as UTF-8 read
    /// from the line's bytes without building a `String`. CJK letters and full-width forms are all
    /// three bytes long; other multi-byte scalars are skipped.
    static func headingKey(_ line: ArraySlice<UInt8>) -> [UInt8] {
        var key: [UInt8] = []
        line.withUnsafeBufferPointer { headingKey($0, into: &key) }
        return key
    }

    /// The key of `line` in `out`, whose storage is reused from line to line.
    static func headingKey(_ line: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(line.count)
        var index = 0
        while index < line.count {
            let (value, next) = keyScalar(line, at: index)
            if let value {
                if value < 0x80 {
                    out.append(UInt8(value))
                } else {
                    out.append(line[index])
                    out.append(line[index + 1])
                    out.append(line[index + 2])
                }
            }
            index = next
        }
    }

    /// The first scalar of a line's key, found without building the key.
    static func firstKeyScalar(_ line: UnsafeBufferPointer<UInt8>) -> UInt32? {
        var index = 0
        while index < line.count {
            let (value, next) = keyScalar(line, at: index)
            if value != nil { return value }
            index = next
        }
        return nil
    }

    /// Every heading key starts with its section number or its first word: a line whose key starts
    /// otherwise is passed over before its words are searched.
    static let keyStarts: [UInt32] = (headingKeys.flatMap { [$0.bare, $0.numbered] } + laterSectionNumbers).compactMap { key in
        key.withUnsafeBufferPointer { firstKeyScalar($0) }
    }

    /// The scalar at `index` as the key has it (nil when the key drops it: punctuation, spaces),
    /// and the index of the next one.
    private static func keyScalar(_ line: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32?, next: Int) {
        let byte = line[index]
        if byte < 0x80 { return (isAlnum(byte) ? UInt32(byte) : nil, index + 1) }
        guard byte & 0xF0 == 0xE0, index + 2 < line.count else { return (nil, index + (byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4)) }
        let value = UInt32(byte & 0x0F) << 12 | UInt32(line[index + 1] & 0x3F) << 6 | UInt32(line[index + 2] & 0x3F)
        if (0x4E00...0x9FFF).contains(value) || value == 0x3007 { return (value, index + 3) }
        if (0xFF01...0xFF5E).contains(value), case let folded = UInt8(value - 0xFEE0), isAlnum(folded) { return (UInt32(folded), index + 3) }
        return (nil, index + 3)
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}

import DisclosureModel

/// `pdftotext -layout` and tools like it: columns aligned with spaces (a column per character),
/// tables drawn by position only.
///
/// Prose lines stay lines. Each table is rebuilt from its words' columns: table 3 as blocks that
/// start at a numbered row label (`LayoutApplicationsTable`), tables 2 and 4 line by line under
/// their header words (`LayoutGridTable`). A value whose column is not certain is left out with
/// a diagnostic, never put in a neighbouring cell.
enum LayoutText {
    static let format = "pdf_text_layout"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        let regions = SectionLocator.locate(lines)
        guard !regions.isEmpty, isAligned(lines, regions.values) else { return nil }
        var text = VirtualText()
        var diagnostics: [Diagnostic] = []
        // Pages start with a form feed (pdftotext); without any, page numbers are the bare ones
        // `UnbrokenPageNumbers` finds (pdfplumber), or none at all (pandoc).
        let paged = ByteText.firstIndex(of: 0x0C, in: lines.bytes[...]) != nil
        let pageNumbers = paged ? [] : unbrokenPageNumbers(lines)
        let wide = countsWideColumns(lines, regions.values)
        let tables = regions.sorted { $0.value.lowerBound < $1.value.lowerBound }
        var index = 0
        for (kind, region) in tables {
            while index < region.lowerBound {
                text.paragraph(lines.string(index), origin: ConvertedText.origin(line: index))
                index += 1
            }
            var rule: [Range<Int>] = []
            let parsed = region.compactMap { index -> (index: Int, line: LayoutLine)? in
                var line = LayoutLine(lines[index], wide: wide)
                guard !line.isRule else {
                    if line.ruleRuns.count > rule.count { rule = line.ruleRuns }
                    return nil
                }
                line.isBarePageNumber = pageNumbers.contains(index)
                return (index: index, line: line)
            }
            switch kind {
            case .applications: LayoutApplicationsTable(parsed, rule: rule, paged: paged).emit(into: &text, diagnostics: &diagnostics)
            case .proactive: LayoutGridTable(parsed, kind: kind, rule: rule, paged: paged).emit(into: &text, diagnostics: &diagnostics)
            case .appeals: LayoutGridTable(parsed, kind: kind, rule: rule, paged: paged).emit(into: &text, diagnostics: &diagnostics)
            }
            index = region.upperBound
        }
        while index < lines.count {
            text.paragraph(lines.string(index), origin: ConvertedText.origin(line: index))
            index += 1
        }
        return ConvertedText(text: text, format: format, diagnostics: diagnostics)
    }

    /// Whether the tables' numbers are aligned by spaces: at least three lines hold two numbers
    /// two or more spaces apart, or (a table printing most cells blank) fewer such lines but six
    /// in all with those holding a label and a number two or more spaces apart (text in reading
    /// order has a number a line, or words one space apart).
    static func isAligned(_ lines: SourceLines, _ regions: some Sequence<Range<Int>>) -> Bool {
        var aligned = 0, labelled = 0
        lines.bytes.withUnsafeBufferPointer { text in
            for region in regions {
                for index in region where aligned < 3 && aligned + labelled < 6 {
                    switch spacedNumbers(UnsafeBufferPointer(rebasing: text[lines.ranges[index]])) {
                    case .afterValue: aligned += 1
                    case .afterLabel: labelled += 1
                    case .none: break
                    }
                }
            }
        }
        return aligned >= 3 || aligned + labelled >= 6
    }

    /// Whether the tables' columns line up when a CJK character counts two columns (pandoc's plain
    /// text) rather than one (pdftotext): the numbers' left or right edges then fall on fewer
    /// places. Over the office-made corpus, counted so, pandoc's text has 0.20–0.79 times the
    /// places and pdftotext's 1.04–2.8 times: at most 0.8 reads it so; otherwise one column a
    /// character, as before (a wrong choice leaves cells out: the columns are still checked).
    static func countsWideColumns(_ lines: SourceLines, _ regions: some Sequence<Range<Int>>) -> Bool {
        let wide = ColumnCounting(lines, regions, wide: true), narrow = ColumnCounting(lines, regions, wide: false)
        // Rule lines (pandoc's) draw the columns: the counting that aligns every number on a run
        // of its table's rule, when only one does.
        if let wideOff = wide.offRules, let narrowOff = narrow.offRules, (wideOff == 0) != (narrowOff == 0) { return wideOff == 0 }
        return wide.places > 0 && wide.places * 5 <= narrow.places * 4
    }

    /// The tables' numbers counted one way (a CJK character one column or two), each line parsed
    /// once: on how many places their left or right edges fall (the fewer), and how many are not
    /// aligned on a run of their table's longest rule line (inside it, at its start or its end, as
    /// pandoc aligns a cell; nil when no table has a rule).
    private struct ColumnCounting {
        var places = 0
        var offRules: Int?

        init(_ lines: SourceLines, _ regions: some Sequence<Range<Int>>, wide: Bool) {
            var starts = Set<Int>(), ends = Set<Int>()
            for region in regions {
                let parsed = region.map { LayoutLine(lines[$0], wide: wide) }
                for word in parsed.flatMap(\.values) {
                    starts.insert(word.start)
                    ends.insert(word.end)
                }
                let values = parsed.filter { !$0.isRule }.flatMap(\.values)
                guard let rule = parsed.filter(\.isRule).max(by: { $0.ruleRuns.count < $1.ruleRuns.count })?.ruleRuns else { continue }
                offRules = (offRules ?? 0) + values.filter { word in
                    !rule.contains { word.isInside($0) && ($0.lowerBound == word.start || $0.upperBound == word.end) }
                }.count
            }
            places = min(starts.count, ends.count)
        }
    }

    private enum SpacedNumber { case none, afterLabel, afterValue }

    /// A value (a number, or a dash or slash printed for zero) two or more spaces after a value,
    /// else after a label: on bytes, since every text without tabs or pipes passes here.
    private static func spacedNumbers(_ line: UnsafeBufferPointer<UInt8>) -> SpacedNumber {
        var index = 0
        var previous: Bool? = nil
        var spacesBefore = 0
        var found = SpacedNumber.none
        while index < line.count {
            if line[index] == 0x20 {
                spacesBefore += 1
                index += 1
                continue
            }
            var end = index
            while end < line.count, line[end] != 0x20 { end += 1 }
            let isValue = isValueToken(UnsafeBufferPointer(rebasing: line[index..<end]))
            if isValue, let previous, spacesBefore >= 2 {
                if previous { return .afterValue }
                found = .afterLabel
            }
            previous = isValue
            spacesBefore = 0
            index = end
        }
        return found
    }

    private static func isValueToken(_ token: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = token.first else { return false }
        if first >= 0x30 && first <= 0x39 {
            return token.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        }
        return ByteText.isDash(token)
    }

    /// In text without form feeds (pdfplumber's layout text, pages joined by a line break), the
    /// lines taken for bare page numbers (`UnbrokenPageNumbers`).
    private static func unbrokenPageNumbers(_ lines: SourceLines) -> Set<Int> {
        let trimmed = (0..<lines.count).map { ByteText.trimmed(lines[$0]) }
        return Set(UnbrokenPageNumbers.find(lineCount: lines.count,
                                            number: { UnbrokenPageNumbers.number(String(decoding: trimmed[$0], as: UTF8.self)) },
                                            isBlank: { trimmed[$0].isEmpty }))
    }

    /// A number alone on its line at the foot of a page (the next line with anything on it starts
    /// the next page, or there is none in the table; or a bare page number of text without form
    /// feeds): a page number, not a cell. Text without form feeds has no other page numbers: a
    /// number alone at a table's end there is its one printed cell.
    static func isPageNumber(_ lines: [(index: Int, line: LayoutLine)], at position: Int, paged: Bool) -> Bool {
        if lines[position].line.isBarePageNumber { return true }
        guard paged else { return false }
        let words = lines[position].line.words
        guard words.count == 1, words[0].isValue else { return false }
        guard let next = lines[(position + 1)...].first(where: { !$0.line.words.isEmpty || $0.line.startsPage }) else { return true }
        return next.line.startsPage
    }

    /// Page furniture (`- 3 -`, `第 3 页`, `3/12`): printed as one short group of words. A line of
    /// values spread over the columns (`1    0    0    /    1`) is not, whatever its characters.
    static func isPageFurniture(_ line: LayoutLine) -> Bool {
        guard let first = line.words.first, let last = line.words.last, last.end - first.start <= 16 else { return false }
        return PageArtifact.isPageArtifact(line.words.map(\.text).joined(separator: " "))
    }
}

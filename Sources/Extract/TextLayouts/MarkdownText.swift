import DisclosureModel

/// Markdown and OCR conversions: tables as `| a | b |` rows under a `|---|` separator, headed `表二`, `## 表3` or the template's headings, with generic column headers (`数据1` … `数据6`, `类别`).
///
/// Headings and paragraphs become lines without their marks, table rows tab-separated rows. Each
/// table is recognized as one of the template's from its words, its caption or its place after the
/// one before, and gets the template's heading line if it has none, so `SectionLocator` finds it.
enum MarkdownText {
    static let format = "markdown"

    /// The text rewritten as tab-separated rows, or nil when it is not in this layout.
    static func read(_ lines: SourceLines) -> ConvertedText? {
        guard hasTable(lines) else { return nil }
        let blocks = withoutContentsBeforeTitle(blocks(lines))
        let kinds = tableKinds(blocks)
        var firstTable: [TableKind: Int] = [:]
        for (index, kind) in kinds.sorted(by: { $0.key < $1.key }) where firstTable[kind] == nil { firstTable[kind] = index }
        let chosen = chosenHeadings(blocks, firstTable: firstTable)

        var text = VirtualText()
        var diagnostics: [Diagnostic] = []
        var open: TableKind?
        var previousHeader: (kind: TableKind, generic: Bool)?
        for (index, block) in blocks.enumerated() {
            switch block {
            case .text(let line, let number):
                if let heading = headingKind(line) {
                    // A caption is replaced by the heading; a heading above its table's own (a table of contents) is dropped.
                    guard heading.isTemplateHeading else { continue }
                    if let first = firstTable[heading.kind], index < first, chosen[heading.kind] != index { continue }
                    if chosen[heading.kind] == index || firstTable[heading.kind] == nil { open = heading.kind }
                } else if isLaterSection(line) {
                    open = nil
                } else if isCaption(line) {
                    continue
                }
                text.paragraph(line, origin: ConvertedText.origin(line: number))
            case .table(let table):
                let origin = table.header?.line ?? table.rows.first?.line ?? 0
                guard let kind = kinds[index] else {
                    for row in [table.header].compactMap({ $0 }) + table.rows {
                        text.row(row.cells, origin: ConvertedText.origin(line: row.line))
                    }
                    continue
                }
                if firstTable[kind] == index, chosen[kind] == nil {
                    text.paragraph(templateHeading(kind), origin: "\(ConvertedText.origin(line: origin)) (heading of the table below, not printed)")
                    open = kind
                }
                guard open == kind else {
                    diagnostics.append(Diagnostic(.extract, .cellMissing, "table \(kind.sectionNumber), \(ConvertedText.origin(line: origin)): a part of the table printed after another table's heading; not read",
                                                  at: Diagnostic.Place(table: kind)))
                    continue
                }
                if let html = table.html {
                    text.append(html)
                    continue
                }
                let generic = table.header.map { MarkdownRows.isGenericHeader($0.cells) }
                    ?? (previousHeader?.kind == kind ? previousHeader?.generic ?? false : false)
                previousHeader = (kind, generic)
                let output = MarkdownRows(kind: kind, genericHeader: generic).rewrite(table)
                for row in output.rows { text.row(row.cells, origin: ConvertedText.origin(line: row.line)) }
                diagnostics += output.diagnostics
            }
        }
        return ConvertedText(text: text, format: format, diagnostics: diagnostics)
    }

    /// The template's table of each table block: from its words, else its caption or the template
    /// heading above it, else (a table of numbers only) the one after the table before it.
    /// A caption naming a table already found is the converter's own numbering, and not used.
    static func tableKinds(_ blocks: [MarkdownBlock]) -> [Int: TableKind] {
        var kinds: [Int: TableKind] = [:]
        var caption: TableKind?
        var last: TableKind?
        for (index, block) in blocks.enumerated() {
            switch block {
            case .text(let line, _):
                if let heading = headingKind(line) { caption = heading.kind } else if isLaterSection(line) { caption = nil; last = nil }
            case .table(let table):
                let taken = Set(kinds.values)
                // A caption naming a table already found is the converter's own numbering (表1, 表2, 表3).
                let captioned = caption.flatMap { taken.contains($0) ? nil : $0 }
                let kind = contentKind(table) ?? captioned ?? (table.header == nil ? last : nil) ?? next(after: last, taken: taken)
                kinds[index] = kind
                if let kind { last = kind }
                caption = nil
            }
        }
        return kinds
    }

    /// The table after `last` in the template's order, unless one was already found.
    private static func next(after last: TableKind?, taken: Set<TableKind>) -> TableKind? {
        guard let last, let position = TableKind.allCases.firstIndex(of: last), position + 1 < TableKind.allCases.count else { return nil }
        let next = TableKind.allCases[position + 1]
        return taken.contains(next) ? nil : next
    }

    /// For each table, the block of its template heading: the last one between the table before
    /// and its first table. A table without one gets the heading written before it.
    static func chosenHeadings(_ blocks: [MarkdownBlock], firstTable: [TableKind: Int]) -> [TableKind: Int] {
        var chosen: [TableKind: Int] = [:]
        for (kind, first) in firstTable {
            var index = first - 1
            while index >= 0 {
                if case .table = blocks[index] { break }
                if case .text(let line, _) = blocks[index], let heading = headingKind(line), heading.isTemplateHeading {
                    if heading.kind == kind { chosen[kind] = index }
                    break
                }
                index -= 1
            }
        }
        return chosen
    }

    static let contentsKey = Array("目录".utf8)
    static let reportWords = ["年度报告", "工作报告"].map { Array($0.utf8) }

    /// A table of contents (`目录` and its entries) printed before the title is left out: its
    /// entries are the template's headings, and the title is where the agency is read.
    static func withoutContentsBeforeTitle(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
        guard let contents = blocks.prefix(10).firstIndex(where: { block in
            if case .text(let line, _) = block { return SectionLocator.headingKey(Array(line.utf8)[...]) == contentsKey }
            return false
        }) else { return blocks }
        guard let title = blocks[contents...].prefix(60).firstIndex(where: { block in
            guard case .text(let line, _) = block else { return false }
            let key = SectionLocator.headingKey(Array(line.utf8)[...])
            return reportWords.contains { ByteText.contains($0, in: key[...]) }
        }) else { return blocks }
        return Array(blocks[..<contents] + blocks[title...])
    }
}

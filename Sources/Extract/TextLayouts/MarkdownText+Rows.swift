import DisclosureModel

/// The rows of one markdown table rewritten for the text path: label cells, then value cells.
///
/// A converter writes a merged cell's text in each cell it spans, or writes it once and leaves the
/// others blank; either way a label is kept once and blank label cells are dropped, so the values
/// follow the labels directly. Header rows keep their words only. The values of a row are kept only
/// when there are exactly as many as the template's row has: with `数据1`-style headers nothing
/// else says which column a value is in.
struct MarkdownRows {
    let kind: TableKind?
    /// The header row is `数据1`, `类别`, `列1` …: it says nothing of the columns.
    let genericHeader: Bool

    struct Output {
        var rows: [MarkdownTable.Row] = []
        var diagnostics: [Diagnostic] = []
    }

    func rewrite(_ table: MarkdownTable) -> Output {
        var output = Output()
        let body = (genericHeader ? [] : [table.header].compactMap { $0 }) + table.rows
        let labelColumns = Self.labelColumns(body, blankRows: kind == .proactive)
        // html2text leaves out the cells a label spans down (`（二）部分公开 | …` has one label cell,
        // `三、本年度办理结果 | （一）予以公开 | …` two): then rows differ in length, and each row's
        // labels end at its last text cell.
        let lengths = Set(body.filter { $0.cells.contains(where: Self.isFilledValue) }.map(\.cells.count))
        let proactive2019 = kind == .proactive && body.contains { $0.cells.contains { cell in Self.words2019.contains { cell.contains($0) } } }
        var appealValues = 0
        var columnHeader: [String]?
        for (index, row) in body.enumerated() {
            let cells = row.cells
            guard let labelColumns, cells.count > labelColumns else {
                output.rows.append(MarkdownTable.Row(cells: Self.words(cells), line: row.line))
                continue
            }
            var split = labelColumns
            if cells[labelColumns...].contains(where: { !Self.isValue($0) }) {
                // A label in the value columns, then the row's values (`三、本年度办理结果 | (一)予以公开 |
                // 19 | 0 …`: a group written once beside its first row): the labels run to the last
                // text cell. Without values after it: column headers, or a label across the columns.
                let last = cells.lastIndex { !Self.isValue($0) }!
                let after = cells[(last + 1)...]
                guard after.contains(where: Self.isFilledValue) || (kind == .applications && after.count == Template.applicantCount) else {
                    columnHeader = Array(cells[labelColumns...])
                    output.rows.append(MarkdownTable.Row(cells: Self.words(cells), line: row.line))
                    continue
                }
                split = last + 1
            } else if kind == .applications, lengths.count > 1, cells.count - split != Template.applicantCount,
                      let last = cells.lastIndex(where: { !Self.isValue($0) }), cells.count - (last + 1) == Template.applicantCount {
                split = last + 1
            }
            let values = Array(cells[split...])
            let labels = Self.words(Array(cells[..<split]))
            if labels.isEmpty && values.allSatisfy(\.isEmpty) { continue }
            if labels.isEmpty, kind == .applications || kind == .proactive {
                // Values without a label would be read as more values of the row above.
                output.diagnostics.append(Diagnostic(.extract, .cellMissing, "table \(kind?.sectionNumber ?? ""), line \(row.line + 1): values without a label (\(values.joined(separator: " "))); not used",
                                                             at: Diagnostic.Place(table: kind)))
                continue
            }
            let kept: [String]
            switch kind {
            case .applications?:
                kept = applicationValues(labels, values, next: body.dropFirst(index + 1).first, labelColumns, row.line, &output.diagnostics)
            case .proactive? where proactive2019:
                kept = proactive2019Values(labels, values, header: columnHeader, row.line, &output.diagnostics)
            case .proactive?:
                kept = proactiveValues(labels, values, row.line, &output.diagnostics)
            case .appeals?:
                appealValues += values.count
                kept = values
            default:
                kept = values
            }
            output.rows.append(MarkdownTable.Row(cells: labels + kept, line: row.line))
        }
        if kind == .appeals { checkAppeals(&output, valueCount: appealValues) }
        return output
    }

    /// How many cells a row's labels take: up to the first filled value cell of any row, but no
    /// further than the last text cell before it in any row (blank cells between are blank
    /// values: `规章 |  |  | 3` and `行政规范性文件 |  | 1 |  ` have one label cell, not two; table
    /// 4's `|  | — | 0 | …` none).
    ///
    /// A table 2 block printing no number at all (`行政许可 |  `, its one cell blank; `blankRows`)
    /// has its labels up to the last text cell of the rows that end in blank cells: those are its
    /// value cells, blank. (Tables 3 and 4 print header rows with blank cells beside their words.)
    static func labelColumns(_ rows: [MarkdownTable.Row], blankRows: Bool = false) -> Int? {
        var firstValue: Int?, labelsEnd = 0, blankRowsEnd: Int?
        for row in rows {
            guard let first = row.cells.firstIndex(where: isFilledValue) else {
                if let last = row.cells.lastIndex(where: { !isValue($0) }), last + 1 < row.cells.count {
                    blankRowsEnd = max(blankRowsEnd ?? 0, last + 1)
                }
                continue
            }
            firstValue = min(firstValue ?? first, first)
            // A row of values alone (table 4's, its first cell blank) has no label cells.
            labelsEnd = max(labelsEnd, (row.cells[..<first].lastIndex(where: { !isValue($0) }) ?? -1) + 1)
        }
        guard let firstValue else { return blankRows ? blankRowsEnd : nil }
        return min(firstValue, labelsEnd)
    }

    // MARK: Table 3

    /// A row's seven values; none for a group heading row (三、本年度办理结果, （三）不予公开 …) whose
    /// rows follow it, and none when the row has another number of value cells.
    private func applicationValues(_ labels: [String], _ values: [String], next: MarkdownTable.Row?, _ labelColumns: Int,
                                   _ line: Int, _ diagnostics: inout [Diagnostic]) -> [String] {
        if let label = labels.last, Self.isGroup(label), let next,
           let nextLabel = Self.words(Array(next.cells.prefix(labelColumns))).first, Self.startsSubRows(nextLabel) {
            if values.contains(where: { !$0.isEmpty }) {
                diagnostics.append(Diagnostic(.extract, .cellMissing, "table 三, line \(line + 1): group \(label) printed with values (\(values.joined(separator: " "))) above its own rows; not used",
                                              at: Diagnostic.Place(table: .applications, label: label)))
            }
            return []
        }
        guard values.count == Template.applicantCount else {
            diagnostics.append(Diagnostic(.extract, .cellMissing, "table 三, line \(line + 1): \(labels.joined(separator: " ")) has \(values.count) value cells for the template's \(Template.applicantCount) applicant columns; which column each is in cannot be told, so none is used",
                                          at: Diagnostic.Place(table: .applications, label: labels.joined(separator: " "))))
            return []
        }
        return values
    }

    static let groupKeys = ["三本年度办理结果", "本年度办理结果", "三不予公开", "四无法提供", "五不予处理", "六其他处理"].map { Array($0.utf8) }

    static func isGroup(_ label: String) -> Bool {
        groupKeys.contains(SectionLocator.headingKey(Array(label.utf8)[...]))
    }

    /// `1.属于国家秘密`, `（一）予以公开`: the first row of a group.
    static func startsSubRows(_ label: String) -> Bool {
        let key = SectionLocator.headingKey(Array(label.utf8)[...])
        return key.first == UInt8(ascii: "1") || key.starts(with: Array("一".utf8)) && !key.starts(with: Array("一本年".utf8))
    }

    // MARK: Table 2

    /// 2021 template: 规章 and 行政规范性文件 have three values, the other items one.
    static let threeMeasureItems = ["规章", "行政规范性文件", "规范性文件"]
    static let oneMeasureItems = ["行政许可", "行政处罚", "行政强制", "行政事业性收费"]
    /// Words of the 2019 template's table 2, whose items have other measures.
    static let words2019 = ["上一年项目数量", "本年新制作数量", "其他对外管理服务事项", "政府集中采购", "本年增"]

    private func proactiveValues(_ labels: [String], _ values: [String], _ line: Int, _ diagnostics: inout [Diagnostic]) -> [String] {
        guard let label = labels.last else { return values }
        let key = String(decoding: SectionLocator.headingKey(Array(label.utf8)[...]), as: UTF8.self)
        if Self.oneMeasureItems.contains(key) {
            // One value across the merged columns: written once (blanks beside it) or in each.
            let filled = values.filter { !$0.isEmpty }
            if filled.isEmpty { return [""] }
            if filled.allSatisfy({ $0 == filled[0] }) { return [filled[0]] }
            diagnostics.append(Diagnostic(.extract, .cellMissing, "table 二, line \(line + 1): \(label) has the values \(filled.joined(separator: " ")) for one cell; none is used", at: Diagnostic.Place(table: .proactive, label: label)))
            return []
        }
        if Self.threeMeasureItems.contains(key), values.count != 3 {
            diagnostics.append(Diagnostic(.extract, .cellMissing, "table 二, line \(line + 1): \(label) has \(values.count) value cells for the template's 3; which column each is in cannot be told, so none is used",
                                          at: Diagnostic.Place(table: .proactive, label: label)))
            return []
        }
        return values
    }

    // MARK: Table 4

    /// Under a generic header, 15 values or none. The values need a label before them to be read
    /// as a row: the template's header words stand for the header the converter left out.
    private func checkAppeals(_ output: inout Output, valueCount: Int) {
        if genericHeader, valueCount != Template.appealCount {
            let line = output.rows.first?.line ?? 0
            output.diagnostics.append(Diagnostic(.extract, .cellMissing, "table 四, line \(line + 1): \(valueCount) value cells under a generic header for the template's \(Template.appealCount); which cell each is in cannot be told, so none is used",
                                                  at: Diagnostic.Place(table: .appeals)))
            output.rows = output.rows.map { row in MarkdownTable.Row(cells: row.cells.filter { !Self.isValue($0) }, line: row.line) }
        }
        if let first = output.rows.first, let cell = first.cells.first, Self.isValue(cell) {
            output.rows.insert(MarkdownTable.Row(cells: ["行政复议", "行政诉讼"], line: first.line), at: 0)
        }
    }

    // MARK: Cells

    /// The non-blank cells, a run of equal ones (one merged cell written in each column) kept once.
    static func words(_ cells: [String]) -> [String] {
        var kept: [String] = []
        for cell in cells where !cell.isEmpty && kept.last != cell { kept.append(cell) }
        return kept
    }

    /// A number, a dash, or an amount with its unit (2019's `251000元`).
    static func isFilledValue(_ cell: String) -> Bool { ByteText.isNumber(cell) || ByteText.isDash(cell) || ByteText.isNumberWithUnit(cell) }
    static func isValue(_ cell: String) -> Bool { cell.isEmpty || isFilledValue(cell) }

    /// `数据1`, `列2`, `类别`, `项目`, `Column 3`: header cells that name no column.
    static func isGenericHeader(_ cells: [String]) -> Bool {
        cells.contains { !$0.isEmpty } && cells.allSatisfy { cell in
            let name = cell.filter { !$0.isNumber && $0 != " " }
            return genericNames.contains(name.lowercased())
        }
    }

    static let genericNames: Set<String> = ["", "数据", "列", "栏", "类别", "项目", "序号", "column", "col", "值", "数值"]
}

private enum Template {
    static let applicantCount = 7
    static let appealCount = 15
}

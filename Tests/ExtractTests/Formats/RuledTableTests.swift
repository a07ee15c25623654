import Testing
@testable import Extract

/// Tables read from their drawn rules: which cell holds each character, and how the rows read.
@Suite struct RuledTableTests {
    /// Characters of one line, from `x` on, `size` points high, upright.
    func line(_ text: String, x: Double, y: Double, size: Double = 10) -> [PDFGlyph] {
        var left = x
        return text.unicodeScalars.map { scalar in
            let width = scalar.value < 0x80 ? size / 2 : size
            defer { left += width }
            return PDFGlyph(page: 1, scalar: scalar, x: left + width / 2, y: y, size: size, width: width, dx: 1, dy: 0)
        }
    }

    /// A label column of three rows and a value column; `labelRules` says whether the label
    /// column's inner rules are drawn.
    func rows(labelRules: Bool, labels: [(String, Double)]) -> [String] {
        var rules = [
            PDFRule(page: 1, isHorizontal: true, position: 100, start: 50, end: 350),
            PDFRule(page: 1, isHorizontal: true, position: 190, start: 50, end: 350),
            PDFRule(page: 1, isHorizontal: false, position: 50, start: 100, end: 190),
            PDFRule(page: 1, isHorizontal: false, position: 300, start: 100, end: 190),
            PDFRule(page: 1, isHorizontal: false, position: 350, start: 100, end: 190),
        ]
        for y in [130.0, 160.0] {
            rules.append(PDFRule(page: 1, isHorizontal: true, position: y, start: labelRules ? 50 : 300, end: 350))
        }
        guard var table = RuledTable.tables(page: 1, rules: rules).first else { return [] }
        var placed = 0
        for (text, y) in labels + [("1", 115.0), ("2", 145.0), ("3", 175.0)] {
            for glyph in line(text, x: text.count == 1 ? 320 : 60, y: y) where table.place(glyph) { placed += 1 }
        }
        #expect(placed == labels.map(\.0.unicodeScalars.count).reduce(3, +))
        var assembler = PDFTableAssembler()
        assembler.add(table)
        var text = VirtualText()
        assembler.emit(into: &text)
        return text.lines
    }

    @Test func eachLabelReadsBesideItsValues() {
        let lines = rows(labelRules: true, labels: [("1.信访举报投诉类申请", 115), ("2.重复申请", 145), ("3.要求提供公开出版物", 175)])
        #expect(lines == ["1.信访举报投诉类申请\t1", "2.重复申请\t2", "3.要求提供公开出版物\t3"])
    }

    /// The label column's inner rules are not drawn, but each label is printed beside its values:
    /// the cell is split at the value rows' edges.
    @Test func labelsStackedInOneCellWithoutRulesAreSplitAtTheRows() {
        let lines = rows(labelRules: false, labels: [("1.信访举报投诉类申请", 115), ("2.重复申请", 145), ("3.要求提供公开出版物", 175)])
        #expect(lines == ["1.信访举报投诉类申请\t1", "2.重复申请\t2", "3.要求提供公开出版物\t3"])
    }

    /// A label printed across a row edge cannot be split: the cell stays whole (one label, which
    /// the text path will not know), and no value moves.
    @Test func aLabelAcrossARowEdgeIsNotSplit() {
        let lines = rows(labelRules: false, labels: [("1.信访举报投诉类申请", 128), ("2.重复申请", 160)])
        #expect(lines == ["1.信访举报投诉类申请2.重复申请\t1", "2", "3"])
    }
}

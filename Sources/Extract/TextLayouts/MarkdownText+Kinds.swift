import DisclosureModel

/// Which of the template's tables a markdown table is: from its words, its caption (`表二`,
/// `## 表3`, `表三：…`) or the template's heading above it.
extension MarkdownText {
    /// The template's headings as printed, emitted before a table found without one.
    static func templateHeading(_ kind: TableKind) -> String {
        switch kind {
        case .proactive: "二、主动公开政府信息情况"
        case .applications: "三、收到和处理政府信息公开申请情况"
        case .appeals: "四、政府信息公开行政复议、行政诉讼情况"
        }
    }

    /// The table a heading line names: the template's heading (`二、主动公开政府信息情况`) or a
    /// caption `表二`, `表2`, `表 3`, `表三：收到和处理…` (the template's tables are those of sections 二 to 四).
    static func headingKind(_ line: String) -> (kind: TableKind, isTemplateHeading: Bool)? {
        let key = SectionLocator.headingKey(Array(line.utf8)[...])
        if let kind = SectionLocator.tableKind(ofHeadingKey: key) { return (kind, true) }
        guard line.unicodeScalars.count <= 40, key.starts(with: captionWord) else { return nil }
        let number = String(decoding: key.dropFirst(captionWord.count).prefix(3), as: UTF8.self)
        guard let first = number.first, let kind = captionNumbers[first] else { return nil }
        return (kind, false)
    }

    /// `表1`, `表五`, `表 2-1`: a table's caption, which the text path does not need (it would be
    /// read as a label inside a table's section).
    static func isCaption(_ line: String) -> Bool {
        let key = SectionLocator.headingKey(Array(line.utf8)[...])
        guard line.unicodeScalars.count <= 40, key.starts(with: captionWord) else { return false }
        let number = String(decoding: key.dropFirst(captionWord.count).prefix(3), as: UTF8.self)
        return number.first.map { $0.isNumber } ?? false
    }

    static let captionWord = Array("表".utf8)
    static let captionNumbers: [Character: TableKind] = [
        "二": .proactive, "2": .proactive, "三": .applications, "3": .applications, "四": .appeals, "4": .appeals,
    ]

    /// 五、存在的主要问题及改进情况 and 六、其他需要报告的事项, which close the last table.
    static func isLaterSection(_ line: String) -> Bool {
        SectionLocator.isLaterSection(SectionLocator.headingKey(Array(line.utf8)[...]))
    }

    /// Words that only one of the tables prints (labels and column headers).
    static let contentWords: [(TableKind, [String])] = [
        (.proactive, ["规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费", "本年制发件数", "现行有效件数",
                      "本年处理决定数量", "本年收费金额", "政府集中采购", "上一年项目数量"]),
        (.applications, ["本年新收政府信息公开申请数量", "上年结转政府信息公开申请数量", "予以公开", "部分公开", "不予公开",
                         "无法提供", "不予处理", "结转下年度继续办理", "申请人情况", "自然人", "商业企业", "科研机构"]),
        (.appeals, ["行政复议", "行政诉讼", "结果维持", "结果纠正", "尚未审结", "未经复议直接起诉", "复议后起诉"]),
    ]

    /// The table whose words the table's cells hold most, or nil when none or a tie.
    static func contentKind(_ table: MarkdownTable) -> TableKind? {
        var hits: [TableKind: Int] = [:]
        for row in [table.header].compactMap({ $0 }) + table.rows {
            for cell in row.cells where !cell.isEmpty && !ByteText.isNumber(cell) {
                for (kind, words) in contentWords where words.contains(where: { cell.contains($0) }) {
                    hits[kind, default: 0] += 1
                }
            }
        }
        let ranked = hits.sorted { $0.value > $1.value }
        guard let best = ranked.first, ranked.count == 1 || ranked[1].value < best.value else { return nil }
        return best.key
    }
}

/// Which of table 3's 25 template rows a line of reading-order text names. Each row is known by
/// words that come early in its label (so a label wrapped over lines is still found on its first
/// line, in columns as narrow as `4.保护第三方合` / `法权益`), that no other row or header shares,
/// and that the usual label variants keep.
enum FlowRowLabels {
    /// Per template row (`FlowApplications.rows`), the words that name it (any of them); none for
    /// 3.其他 and （七）总计, matched apart.
    static let words: [[String]] = [
        ["本年新收"], ["上年结转"], ["予以公开"], ["部分公开"], ["国家秘"], ["其他法律"], ["三安"], ["第三方"],
        ["三类内"], ["四类过"], ["行政执"], ["行政查"], ["本机关不"], ["没有现成"], ["补正后"],
        ["信访举报"], ["重复申请"], ["公开出版物", "要求提供"], ["大量反复"], ["要求行政机"],
        ["无正当理由逾期", "申请人无正"], ["逾期未按收费", "申请人逾期"], [], [], ["结转下年度"],
    ]
    static let other = 22
    static let total = 23

    /// The rows `key` (a line without spaces, brackets full-width) names, in row order.
    static func rows(in key: String) -> [Int] {
        var rows: [Int] = []
        for (row, names) in words.enumerated() {
            if names.contains(where: key.contains) { rows.append(row) }
            if row == other, namesOther(key) { rows.append(row) }
            if row == total, key.contains("（七）总计") || key.contains("（七）合计") { rows.append(row) }
        }
        return rows
    }

    /// `3.其他` (or `3．其他`, `3、其他`), not the start of a longer label such as 3.其他法律….
    private static func namesOther(_ key: String) -> Bool {
        for prefix in ["3.其他", "3．其他", "3、其他"] {
            var rest = Substring(key)
            while let found = rest.range(of: prefix) {
                let after = rest[found.upperBound...]
                if !(after.hasPrefix("法") || after.hasPrefix("处")) { return true }
                rest = after
            }
        }
        return false
    }
}

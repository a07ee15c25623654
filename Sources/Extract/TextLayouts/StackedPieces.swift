import DisclosureModel

/// The pieces of header and group cells that space-aligned text prints a character or two a line
/// (自然 / 人, 结 / 果 / 维 / 持, （三 / ）不 / 予公): no label, and no guide to a cell. Passed on, each
/// became a `label_unrecognized` warning (60 a report under `pdftotext -layout`), hiding the
/// report's real doubts; they are left out and named once per table, as routine.
///
/// A piece is left out only when every word of it is part of one of the table's printed words;
/// a whole word (行政复议, 自然人) is passed on, and any other text is too, so that a row label cut
/// loose is still seen by the dictionary.
struct StackedPieces {
    /// The words of the table's header and group cells, as the template prints them.
    let vocabulary: [String]
    private(set) var skipped: [String] = []

    init(vocabulary: [String]) {
        self.vocabulary = vocabulary
    }

    /// The pieces to pass on as labels, whole words one space apart (`商业企业 科研机构`, two
    /// columns' headers) one label each; the others are noted for `diagnostic(table:)`.
    mutating func keep(_ pieces: [String]) -> [String] {
        pieces.flatMap { piece -> [String] in
            let words = piece.split(separator: " ").map { Self.normalized(String($0)) }
            if !words.isEmpty, words.allSatisfy({ vocabulary.contains($0) }) { return words }
            guard !words.isEmpty, words.allSatisfy({ word in vocabulary.contains { $0.contains(word) } }) else { return [piece] }
            skipped.append(piece)
            return []
        }
    }

    /// One routine diagnostic naming the pieces left out; nil when there are none.
    func diagnostic(table: TableKind) -> Diagnostic? {
        guard !skipped.isEmpty else { return nil }
        let shown = skipped.prefix(12).joined(separator: ", ") + (skipped.count > 12 ? ", …" : "")
        return Diagnostic(.extract, .labelPiecesSkipped,
            "table \(table.sectionNumber): \(skipped.count) piece(s) of header or group cells printed a character or two a line (\(shown)), parts of no row label; not read as labels", at: Diagnostic.Place(table: table))
    }

    /// Half-width brackets and punctuation as the template prints them (full-width).
    static func normalized(_ word: String) -> String {
        String(String.UnicodeScalarView(word.unicodeScalars.map { scalar in
            switch scalar {
            case "(": "（"
            case ")": "）"
            case ":": "："
            case ",": "，"
            default: scalar
            }
        }))
    }

    /// Table 3: its header (the note in the label cell, 申请人情况, the applicant columns) and the
    /// group cells beside its rows.
    static let applications = StackedPieces(vocabulary: [
        LayoutApplicationsTable.headerNote, "申请人情况", "法人或其他组织",
        "自然人", "商业企业", "科研机构", "社会公益组织", "社会组织", "法律服务机构", "其他", "总计", "合计",
        "三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理",
    ])

    /// Table 4: its proceedings and the outcome columns under each.
    static let appeals = StackedPieces(vocabulary: [
        "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "合计",
    ])
}

import DisclosureModel

/// The columns `reports_wide` adds after the `reports` ones: every template cell in printed order
/// (table 2, 3, 4), then a failed-check count per rule. Names join the codes with `_` and turn the
/// dots of grouped codes into `_` too (`t3_denied_state_secret_total`), so every tool can quote
/// them plainly (a dot breaks Spark column references).
enum WideColumns {
    /// Table 2 cells in printed order, as (item, measure).
    static let proactiveCells: [(item: String, measure: String)] =
        Template.proactiveItems.flatMap { item in item.measures.map { (item.code, $0) } }

    static let columns: [DatasetColumn] =
        proactiveCells.map { DatasetColumn(name("t2", $0.item, $0.measure), .double, nullable: true) }
        + Template.applicationRows.flatMap { row in
            Template.applicants.map { DatasetColumn(name("t3", row, $0), .int64, nullable: true) }
        }
        + Template.proceedings.flatMap { proceeding in
            Template.outcomes.map { DatasetColumn(name("t4", proceeding, $0), .int64, nullable: true) }
        }
        + CheckRule.allCases.map { DatasetColumn("checks_\($0.rawValue)", .int32) }

    static func name(_ table: String, _ first: String, _ second: String) -> String {
        "\(table)_\(first)_\(second)".replacingOccurrences(of: ".", with: "_")
    }

    /// For a stored table 2 cell (positions in `StoredCodes.items` and `.measures`), its place in
    /// `proactiveCells`; nil for a pair the template does not print.
    static let proactiveSlot: [[Int?]] = StoredCodes.items.map { item in
        StoredCodes.measures.map { measure in proactiveCells.firstIndex { $0.item == item && $0.measure == measure } }
    }

    /// Each rule's name as UTF-8, to match a stored check failure's rule without a `String`.
    static let ruleNames: [[UInt8]] = CheckRule.allCases.map { Array($0.rawValue.utf8) }
}

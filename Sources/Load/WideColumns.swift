import DisclosureModel

/// The columns `reports_wide` adds after the `reports` ones: every cell of every template in printed
/// order (table 2, 3, 4; the 2021 template's cells first, then the cells only 2019 prints), then a
/// failed-check count per rule. A report leaves the other template's cells null. Names join the codes with `_` and turn the
/// dots of grouped codes into `_` too (`t3_denied_state_secret_total`), so every tool can quote
/// them plainly (a dot breaks Spark column references).
enum WideColumns {
    /// Table 2 cells in printed order, as (item, measure).
    static let proactiveCells: [(item: String, measure: String)] = {
        var seen = Set<String>()
        return Template.all.flatMap { $0.proactiveItems.flatMap { item in item.measures.map { (item: item.code, measure: $0) } } }
            .filter { seen.insert("\($0.item).\($0.measure)").inserted }
    }()

    /// Table 3 and 4 cells are laid out as `StoredCodes`' rows × applicants, proceedings × outcomes,
    /// so a stored cell's place is its row's position times the width plus its column's.
    static let columns: [DatasetColumn] =
        proactiveCells.map { DatasetColumn(name("t2", $0.item, $0.measure), .double, nullable: true) }
        + StoredCodes.applicationRows.flatMap { row in
            StoredCodes.applicants.map { DatasetColumn(name("t3", row, $0), .int64, nullable: true) }
        }
        + StoredCodes.proceedings.flatMap { proceeding in
            StoredCodes.outcomes.map { DatasetColumn(name("t4", proceeding, $0), .int64, nullable: true) }
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

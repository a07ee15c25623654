/// The template's consistency rules (勾稽关系, docs/datasets.md), in the order they are checked:
/// `checks.rule` holds their names, and `reports_wide` has one count column per rule.
public enum CheckRule: String, Sendable, CaseIterable {
    /// new_received + carried_over = total + carried_forward, per applicant column.
    case identity
    /// The 21 outcome rows add up to the total row, per applicant column.
    case totalOfOutcomes = "total_of_outcomes"
    /// The six applicant columns add up to the total column, per row.
    case applicantTotal = "applicant_total"
    /// The four outcomes add up to the total, per proceeding.
    case appealTotal = "appeal_total"
    /// Across reports: the same agency's consecutive years continue each other (carried_forward →
    /// carried_over, the 现行有效件数 chain). Checked at load, where every report is at hand.
    case continuity

    /// The table whose cells the rule relates (for `continuity`, table 3 of two reports).
    public var table: TableKind { self == .appealTotal ? .appeals : .applications }

    /// The rules checked within one report's tables (all but `continuity`).
    public static let withinReport = allCases.filter { $0 != .continuity }
}

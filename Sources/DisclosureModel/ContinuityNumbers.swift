/// The numbers of a report that the `continuity` check compares with the same agency's report of
/// the year before (docs/datasets.md): 上年结转 and 结转下年度继续办理 per applicant column, and
/// 本年制发, 本年废止 and 现行有效件数 of the items whose 现行有效件数 chains from year to year.
///
/// Derived from the cells and stored with each transform result (`Sources/WorkStore`, which finds
/// them by the codes' positions as it writes the record), so that load's pass over every report
/// before it writes reads these twenty numbers, not the report's two hundred cells.
public struct ContinuityNumbers: Sendable, Hashable {
    /// By slot (`Slot`); nil where the report lacks the cell.
    public var values: [Int64?]

    /// Where each number is in `values`.
    public enum Slot {
        public static let carriedOver = 0
        public static let carriedForward = StoredCodes.applicants.count
        /// issued, repealed, in_force (`measure` 0, 1, 2) of each chained item.
        public static func chain(_ item: Int, _ measure: Int) -> Int { 2 * StoredCodes.applicants.count + 3 * item + measure }
        public static let count = 2 * StoredCodes.applicants.count + 3 * chainItems.count
    }

    /// Table 2 items whose 现行有效件数 chains from year to year, and the measures compared.
    public static let chainItems = ["regulations", "normative_documents"]
    public static let chainMeasures = ["issued", "repealed", "in_force"]

    /// No number known.
    public init() {
        values = Array(repeating: nil, count: Slot.count)
    }
}

/// The numbers of a report that the `continuity` check compares with the same agency's report of
/// the year before (docs/datasets.md): 上年结转 and 结转下年度继续办理 per applicant column, and
/// 本年制发, 本年废止 and 现行有效件数 of the items whose 现行有效件数 chains from year to year.
///
/// Derived from the cells and stored with each transform result, so that load's pass over every
/// report before it writes reads these twenty numbers, not the report's two hundred cells.
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

    /// The numbers the cells hold. Run on every report a transform writes: codes are compared by
    /// their length first, which settles almost every comparison of two different codes.
    public init(proactive: [ProactiveCell], applications: [ApplicationCell]) {
        self.init()
        for cell in proactive {
            guard let item = Self.position(of: cell.item, in: Self.chainItems),
                  let measure = Self.position(of: cell.measure, in: Self.chainMeasures),
                  let whole = Int64(exactly: cell.value) else { continue }
            values[Slot.chain(item, measure)] = whole
        }
        // Cells come row by row: a row's code is looked up once, and its next cells carry the same
        // string (the same storage, compared as bits).
        var lastRow = (UInt64(0), UInt64(0)), lastPosition: Int? = nil
        applications.withUnsafeBufferPointer { cells in
            for index in cells.indices {
                let row = unsafeBitCast(cells[index].row, to: (UInt64, UInt64).self)
                if row != lastRow {
                    lastRow = row
                    lastPosition = Self.position(of: cells[index].row, in: Self.rows)
                }
                guard let position = lastPosition,
                      let applicant = Self.position(of: cells[index].applicant, in: StoredCodes.applicants) else { continue }
                values[(position == 0 ? Slot.carriedOver : Slot.carriedForward) + applicant] = cells[index].value
            }
        }
    }

    private static let rows = ["carried_over", "carried_forward"]

    private static func position(of code: String, in codes: [String]) -> Int? {
        let length = code.utf8.count
        return codes.firstIndex { $0.utf8.count == length && $0 == code }
    }
}

extension TransformedReport {
    /// What the `continuity` check needs of this report.
    public var continuityNumbers: ContinuityNumbers { ContinuityNumbers(proactive: proactive, applications: applications) }
}

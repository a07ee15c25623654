import DisclosureModel

extension ContinuityNumbers {
    /// The numbers the report's cells hold, their codes found as positions in `StoredCodes` the way
    /// the record's writer finds them (`CodeCursors`: cells come in template order, so most codes
    /// are the string the cursor expects).
    public init(cellsOf report: TransformedReport) {
        self.init()
        var codes = CodeCursors.start
        // The lookup tables as locals: a static read in the loop is a lazy-initialisation check
        // per cell (hundreds per report).
        let chainItemAt = Self.chainItemAt, chainMeasureAt = Self.chainMeasureAt
        let carriedOverRow = Self.carriedOverRow, carriedForwardRow = Self.carriedForwardRow
        for index in report.proactive.indices {
            let item = codes.position(of: report.proactive[index].item, in: .items)
            let measure = codes.position(of: report.proactive[index].measure, in: .measures)
            guard let chained = chainItemAt[item], let place = chainMeasureAt[measure],
                  let whole = Int64(exactly: report.proactive[index].value) else { continue }
            values[Slot.chain(chained, place)] = whole
        }
        for index in report.applications.indices {
            let row = codes.position(of: report.applications[index].row, in: .applicationRows)
            guard let first = row == carriedOverRow ? Slot.carriedOver : row == carriedForwardRow ? Slot.carriedForward : nil else { continue }
            values[first + codes.position(of: report.applications[index].applicant, in: .applicants)] = report.applications[index].value
        }
    }

    /// By position in `StoredCodes.items` and `StoredCodes.measures`: the chained item and measure.
    private static let chainItemAt = StoredCodes.items.map { chainItems.firstIndex(of: $0) }
    private static let chainMeasureAt = StoredCodes.measures.map { chainMeasures.firstIndex(of: $0) }
    private static let carriedOverRow = StoredCodes.applicationRows.firstIndex(of: "carried_over")!
    private static let carriedForwardRow = StoredCodes.applicationRows.firstIndex(of: "carried_forward")!
}

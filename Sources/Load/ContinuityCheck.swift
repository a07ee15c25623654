import DisclosureModel

/// The `continuity` check across reports (docs/datasets.md): where the same agency has reports
/// for consecutive years, last year's 结转下年度继续办理 (carried_forward) should be this year's
/// 上年结转 (carried_over) in each applicant column, and this year's 现行有效件数 (in_force) last
/// year's plus this year's 制发 (issued) less 废止 (repealed). Failures are rows of `checks` on the
/// later report, naming the earlier one.
public enum ContinuityCheck {
    /// What the check needs of one report.
    public struct Facts: Sendable {
        public var reportId = ""
        var agency = AgencyName("")
        var year = 0
        /// Per applicant column (`StoredCodes.applicants`); nil when the cell is missing.
        var carriedOver = [Int64?](repeating: nil, count: StoredCodes.applicants.count)
        var carriedForward = [Int64?](repeating: nil, count: StoredCodes.applicants.count)
        /// Per chained item (`chainItems`): issued, repealed, in_force.
        var issued = [Double?](repeating: nil, count: chainItems.count)
        var repealed = [Double?](repeating: nil, count: chainItems.count)
        var inForce = [Double?](repeating: nil, count: chainItems.count)
    }

    /// One failed comparison, for the later report's `checks` rows.
    public struct Failure: Sendable, Equatable {
        public var subject: String
        public var expected: Int64
        public var actual: Int64
        public var otherReportId: String
    }

    /// Table 2 items whose 现行有效件数 chains from year to year.
    static let chainItems = ["regulations", "normative_documents"]

    /// The failures of every report that has any, by report_id.
    public static func failures(_ facts: [Facts]) -> [String: [Failure]] {
        var byYear: [Int: [Int]] = [:]
        for index in facts.indices { byYear[facts[index].year, default: []].append(index) }
        var result: [String: [Failure]] = [:]
        for (year, later) in byYear {
            guard let earlier = byYear[year - 1] else { continue }
            // Last year's reports by every form of their name, so a pair is found without
            // comparing every report with every other.
            var byName: [AgencyName: [Int]] = [:]
            for index in earlier {
                byName[facts[index].agency, default: []].append(index)
                for form in facts[index].agency.shorterForms { byName[form, default: []].append(index) }
            }
            for index in later {
                let current = facts[index]
                var candidates = byName[current.agency] ?? []
                for form in current.agency.shorterForms {
                    candidates += (byName[form] ?? []).filter { facts[$0].agency == form }
                }
                for previous in Set(candidates).sorted(by: { facts[$0].reportId < facts[$1].reportId }) {
                    result[current.reportId, default: []] += compare(facts[previous], current)
                }
            }
        }
        return result
    }

    /// The failed comparisons between last year's report and this year's.
    static func compare(_ last: Facts, _ this: Facts) -> [Failure] {
        var failures: [Failure] = []
        for (column, applicant) in StoredCodes.applicants.enumerated() {
            guard let expected = last.carriedForward[column], let actual = this.carriedOver[column], expected != actual else { continue }
            failures.append(Failure(subject: "carried_over.\(applicant)", expected: expected, actual: actual, otherReportId: last.reportId))
        }
        for (slot, item) in chainItems.enumerated() {
            guard let before = last.inForce[slot], let issued = this.issued[slot], let repealed = this.repealed[slot],
                  let actual = this.inForce[slot] else { continue }
            let expected = before + issued - repealed
            guard expected != actual, let wanted = Int64(exactly: expected), let got = Int64(exactly: actual) else { continue }
            failures.append(Failure(subject: "in_force.\(item)", expected: wanted, actual: got, otherReportId: last.reportId))
        }
        return failures
    }
}

/// Collects a stored report's `ContinuityCheck.Facts` as its record is read.
public struct ContinuityFactsReader: TransformedRecordVisitor {
    public private(set) var facts = ContinuityCheck.Facts()

    public init() {}

    /// The facts of a stored report (`TransformedReport.encoded()`).
    public static func facts(record: [UInt8]) throws -> ContinuityCheck.Facts {
        var reader = ContinuityFactsReader()
        try TransformedReport.read(encoded: record, into: &reader)
        return reader.facts
    }

    private static let carriedOver = StoredCodes.applicationRows.firstIndex(of: "carried_over")!
    private static let carriedForward = StoredCodes.applicationRows.firstIndex(of: "carried_forward")!
    private static let chainItem: [Int?] = StoredCodes.items.map { ContinuityCheck.chainItems.firstIndex(of: $0) }
    private static let issued = StoredCodes.measures.firstIndex(of: "issued")
    private static let repealed = StoredCodes.measures.firstIndex(of: "repealed")
    private static let inForce = StoredCodes.measures.firstIndex(of: "in_force")

    public mutating func header(_ header: StoredReportHeader) {
        facts.reportId = String(decoding: header.reportId, as: UTF8.self)
        facts.agency = AgencyName(String(decoding: header.agency, as: UTF8.self))
        facts.year = header.reportYear
    }

    public mutating func begin(_ section: StoredReportSection, count: Int) {}

    public mutating func proactive(item: Int, measure: Int, value: Double) {
        guard let slot = Self.chainItem[item] else { return }
        switch measure {
        case Self.issued: facts.issued[slot] = value
        case Self.repealed: facts.repealed[slot] = value
        case Self.inForce: facts.inForce[slot] = value
        default: break
        }
    }

    public mutating func application(row: Int, applicant: Int, value: Int64) {
        if row == Self.carriedOver { facts.carriedOver[applicant] = value }
        if row == Self.carriedForward { facts.carriedForward[applicant] = value }
    }

    public mutating func appeal(proceeding: Int, outcome: Int, value: Int64) {}
    public mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) {}
    public mutating func diagnostic(_ diagnostic: StoredDiagnostic) {}
}

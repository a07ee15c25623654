import DisclosureModel
import WorkStore

/// The `continuity` check across reports (docs/datasets.md): where the same agency has reports
/// for consecutive years, last year's 结转下年度继续办理 (carried_forward) should be this year's
/// 上年结转 (carried_over) in each applicant column, and this year's 现行有效件数 (in_force) last
/// year's plus this year's 制发 (issued) less 废止 (repealed). Failures are rows of `checks` on the
/// later report, naming the earlier one.
public enum ContinuityCheck {
    /// What the check needs of one report: its agency as printed, its year, and its numbers
    /// (`ContinuityNumbers.Slot` order; `missing` where the cell is not in the report).
    public struct Facts: Sendable {
        public var agency = ""
        public var year = 0
        public var numbers = [Int64](repeating: missing, count: Slot.count)
    }

    /// A number the report does not hold.
    public static let missing = Int64.min

    typealias Slot = ContinuityNumbers.Slot

    /// Every report's facts, packed for 100,000s of reports: agencies held once, numbers in one
    /// array of 32-bit values (about 90 bytes per report rather than a struct of arrays each); the
    /// rare number beyond 32 bits is kept whole aside.
    public struct Table: Sendable {
        var names: [AgencyName] = []
        private var nameIndex: [String: Int32] = [:]
        var agency: [Int32] = []
        var year: [Int32] = []
        var numbers: [Int32] = []
        /// Numbers that do not fit `numbers`, by their position in it.
        private var wideNumbers: [Int: Int64] = [:]
        private static let absent = Int32.min
        private static let keptAside = Int32.min + 1

        public init() {}

        public var count: Int { agency.count }

        /// Room for `reports` reports: the table holds every report of a run, and arrays grown
        /// by doubling would take up to twice that (three times while one is copied).
        public mutating func reserveCapacity(_ reports: Int) {
            agency.reserveCapacity(reports)
            year.reserveCapacity(reports)
            numbers.reserveCapacity(reports * Slot.count)
        }

        public mutating func append(_ facts: Facts) {
            let index: Int32
            if let known = nameIndex[facts.agency] {
                index = known
            } else {
                index = Int32(names.count)
                names.append(AgencyName(facts.agency))
                nameIndex[facts.agency] = index
            }
            agency.append(index)
            year.append(Int32(truncatingIfNeeded: facts.year))
            for value in facts.numbers {
                if value == missing {
                    numbers.append(Self.absent)
                } else if let narrow = Int32(exactly: value), narrow > Self.keptAside {
                    numbers.append(narrow)
                } else {
                    wideNumbers[numbers.count] = value
                    numbers.append(Self.keptAside)
                }
            }
        }

        func number(_ report: Int, _ slot: Int) -> Int64? {
            let position = report * Slot.count + slot
            switch numbers[position] {
            case Self.absent: return nil
            case Self.keptAside: return wideNumbers[position]
            case let value: return Int64(value)
            }
        }
    }

    /// One failed comparison, for the later report's `checks` rows.
    public struct Failure: Sendable, Equatable {
        public var subject: String
        public var expected: Int64
        public var actual: Int64
        public var otherReportId: String
    }

    /// The failures of every report that has any, by its position in `table`; `reportId` names
    /// the earlier report of a pair.
    public static func failures(_ table: Table, reportId: (Int) -> String) -> [Int: [Failure]] {
        var byYear: [Int32: [Int]] = [:]
        for report in 0..<table.count { byYear[table.year[report], default: []].append(report) }
        // Every name and shorter form numbered once, so the pairing below hashes integers, not names.
        var formNumbers: [AgencyName: Int32] = [:]
        func number(_ name: AgencyName) -> Int32 {
            if let known = formNumbers[name] { return known }
            let new = Int32(formNumbers.count)
            formNumbers[name] = new
            return new
        }
        let own = table.names.map(number)
        let shorter = table.names.map { $0.shorterForms.map(number) }
        var result: [Int: [Failure]] = [:]
        for (year, later) in byYear {
            guard let earlier = byYear[year - 1] else { continue }
            // Last year's reports by every form of their name, so a pair is found without
            // comparing every report with every other.
            var byName: [Int32: [Int]] = [:]
            for report in earlier {
                let name = Int(table.agency[report])
                byName[own[name], default: []].append(report)
                for form in shorter[name] { byName[form, default: []].append(report) }
            }
            for report in later {
                let name = Int(table.agency[report])
                var candidates = byName[own[name]] ?? []
                for form in shorter[name] {
                    candidates += (byName[form] ?? []).filter { own[Int(table.agency[$0])] == form }
                }
                if candidates.count > 1 { candidates = Set(candidates).sorted() }
                for previous in candidates {
                    let found = compare(table, previous, report) { reportId(previous) }
                    if !found.isEmpty { result[report, default: []] += found }
                }
            }
        }
        return result
    }

    /// The failed comparisons between last year's report and this year's.
    /// `otherReportId` is asked for only when one fails.
    static func compare(_ table: Table, _ last: Int, _ this: Int, otherReportId: () -> String) -> [Failure] {
        var failures: [Failure] = []
        for (column, applicant) in StoredCodes.applicants.enumerated() {
            guard let expected = table.number(last, Slot.carriedForward + column), let actual = table.number(this, Slot.carriedOver + column),
                  expected != actual else { continue }
            failures.append(Failure(subject: "carried_over.\(applicant)", expected: expected, actual: actual, otherReportId: otherReportId()))
        }
        for (item, code) in ContinuityNumbers.chainItems.enumerated() {
            guard let before = table.number(last, Slot.chain(item, 2)), let issued = table.number(this, Slot.chain(item, 0)),
                  let repealed = table.number(this, Slot.chain(item, 1)), let actual = table.number(this, Slot.chain(item, 2)) else { continue }
            let expected = before + issued - repealed
            if expected != actual {
                failures.append(Failure(subject: "in_force.\(code)", expected: expected, actual: actual, otherReportId: otherReportId()))
            }
        }
        return failures
    }
}

/// Collects a stored report's `ContinuityCheck.Facts` as its record is read: its header and the
/// numbers stored after it, not its cells.
public struct ContinuityFactsReader: TransformedRecordVisitor {
    public private(set) var facts = ContinuityCheck.Facts()

    public init() {}

    /// The facts of a stored report (`TransformedReport.encoded()`).
    public static func facts(record: [UInt8]) throws -> ContinuityCheck.Facts {
        var reader = ContinuityFactsReader()
        try TransformedReport.read(encoded: record, into: &reader)
        return reader.facts
    }

    public mutating func header(_ header: StoredReportHeader) {
        facts.agency = String(decoding: header.agency, as: UTF8.self)
        facts.year = header.reportYear
    }

    public mutating func continuityNumber(slot: Int, value: Int64?) {
        facts.numbers[slot] = value ?? ContinuityCheck.missing
    }

    /// The header and the numbers are all it needs: the cells are not read.
    public var wantsMore: Bool { false }

    public mutating func begin(_ section: StoredReportSection, count: Int) {}
    public mutating func proactive(_ cells: StoredCells<Double>) {}
    public mutating func applications(_ cells: StoredCells<Int64>) {}
    public mutating func appeals(_ cells: StoredCells<Int64>) {}
    public mutating func checkFailure(rule: UnsafeRawBufferPointer, subject: UnsafeRawBufferPointer, expected: Int64, actual: Int64) {}
    public mutating func diagnostic(_ diagnostic: StoredDiagnostic) {}
}

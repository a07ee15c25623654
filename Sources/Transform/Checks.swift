import DisclosureModel

/// The template's consistency checks (勾稽关系), contract §4. A failure is reported, never fixed.
enum Checks {
    static func run(applications: [ApplicationCell], appeals: [AppealCell], diagnostics: inout [Diagnostic]) -> [CheckFailure] {
        var table: [String: Int64] = [:]
        for cell in applications { table[cell.row + "|" + cell.applicant] = cell.value }
        func value(_ row: String, _ applicant: String) -> Int64? { table[row + "|" + applicant] }

        var failures: [CheckFailure] = []
        var skipped: [String: [String]] = [:]
        func check(_ rule: String, _ subject: String, expected: Int64?, actual: Int64?) {
            guard let expected, let actual else { skipped[rule, default: []].append(subject); return }
            if expected != actual { failures.append(CheckFailure(rule: rule, subject: subject, expected: expected, actual: actual)) }
        }
        func sum(_ values: [Int64?]) -> Int64? {
            values.contains { $0 == nil } ? nil : values.reduce(0) { $0 + $1! }
        }

        for applicant in Template.applicants {
            check("identity", applicant,
                  expected: sum([value("new_received", applicant), value("carried_over", applicant)]),
                  actual: sum([value("total", applicant), value("carried_forward", applicant)]))
        }
        for applicant in Template.applicants {
            check("total_of_outcomes", applicant,
                  expected: sum(Template.outcomeRows.map { value($0, applicant) }),
                  actual: value("total", applicant))
        }
        for row in Template.applicationRows {
            check("applicant_total", row,
                  expected: sum(Template.applicants.dropLast().map { value(row, $0) }),
                  actual: value(row, "total"))
        }
        var appealTable: [String: Int64] = [:]
        for cell in appeals { appealTable[cell.proceeding + "|" + cell.outcome] = cell.value }
        for proceeding in Template.proceedings {
            check("appeal_total", proceeding,
                  expected: sum(["upheld", "corrected", "other", "pending"].map { appealTable[proceeding + "|" + $0] }),
                  actual: appealTable[proceeding + "|total"])
        }
        for rule in ["identity", "total_of_outcomes", "applicant_total", "appeal_total"] {
            guard let subjects = skipped[rule] else { continue }
            diagnostics.append(Diagnostic(.transform, .checkSkipped, "\(rule) not checked for \(subjects.joined(separator: ", ")): cells missing"))
        }
        return failures
    }
}

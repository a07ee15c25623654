import DisclosureModel

/// The template's consistency checks (勾稽关系), docs/contract.md §4. A failure is reported, never fixed.
///
/// Works on grids indexed like the report's template (nil = missing cell), so it costs a few
/// additions; only the checks the template lists are run.
enum Checks {
    static func run(_ template: Template, applications: [[Int64?]], appeals: [[Int64?]], diagnostics: inout [Diagnostic]) -> [CheckFailure] {
        let rows = template.applicationRows
        func row(_ code: String) -> Int { rows.firstIndex(of: code) ?? 0 }
        let newReceived = row("new_received"), carriedOver = row("carried_over"), total = row("total"),
            carriedForward = row("carried_forward")
        let outcomeRows = template.outcomeRows
        let totalColumn = template.applicants.count - 1

        var failures: [CheckFailure] = []
        var skipped: [(CheckRule, [String])] = []
        func check(_ rule: CheckRule, _ subjects: [String], _ pair: (Int) -> (expected: Int64?, actual: Int64?)) {
            guard template.checks.contains(rule) else { return }
            var missing: [String] = []
            for (index, subject) in subjects.enumerated() {
                let (expected, actual) = pair(index)
                guard let expected, let actual else { missing.append(subject); continue }
                if expected != actual { failures.append(CheckFailure(rule: rule.rawValue, subject: subject, expected: expected, actual: actual)) }
            }
            if !missing.isEmpty { skipped.append((rule, missing)) }
        }
        func sum(_ values: some Sequence<Int64?>) -> Int64? {
            var total: Int64 = 0
            for value in values {
                guard let value else { return nil }
                total += value
            }
            return total
        }

        check(.identity, template.applicants) { column in
            (sum([applications[newReceived][column], applications[carriedOver][column]]),
             sum([applications[total][column], applications[carriedForward][column]]))
        }
        check(.totalOfOutcomes, template.applicants) { column in
            (sum(outcomeRows.lazy.map { applications[$0][column] }), applications[total][column])
        }
        check(.applicantTotal, rows) { index in
            (sum(applications[index][..<totalColumn]), applications[index][totalColumn])
        }
        let outcomeTotal = template.outcomes.count - 1
        check(.appealTotal, template.proceedings) { index in
            (sum(appeals[index][..<outcomeTotal]), appeals[index][outcomeTotal])
        }
        for (rule, subjects) in skipped {
            diagnostics.append(Diagnostic(.transform, .checkSkipped, "\(rule.rawValue) not checked for \(subjects.joined(separator: ", ")): cells missing",
                                          at: Diagnostic.Place(table: rule.table)))
        }
        return failures
    }
}

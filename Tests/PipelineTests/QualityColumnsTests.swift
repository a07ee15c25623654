import DisclosureModel
import Foundation
import Load
import Testing

/// The quality data is structured: each diagnostic says its severity and where it points (table,
/// line, page, label) in fields that agree with its sentence; `checks` and `diagnostics` carry
/// the report's agency and year; `reports` counts warnings and errors.
@Suite struct QualityColumnsTests {
    @Test func diagnosticsSayTheirSeverityAndPlaceAndReportsCountThem() throws {
        let wide = ReportsWideTests()
        let output = try wide.run()
        let diagnostics = try wide.records(output, "diagnostics")
        #expect(diagnostics[0] == ["report_id", "report_year", "agency", "stage", "code", "severity", "table", "line", "page", "label", "detail"])
        let reports = try wide.records(output, "reports")
        let header = reports[0]
        let column = { (name: String) in header.firstIndex(of: name)! }
        let byId = Dictionary(uniqueKeysWithValues: reports.dropFirst().map { ($0[0], $0) })

        var severities: [String: [String: Int]] = [:]
        var placed = 0, labelled = 0
        for row in diagnostics.dropFirst() {
            let (id, year, agency, code, severity, table, line, label, detail) = (row[0], row[1], row[2], row[4], row[5], row[6], row[7], row[9], row[10])
            let report = try #require(byId[id])
            #expect(year == report[column("report_year")] && agency == report[column("agency")])
            #expect(severity == Diagnostic.Code(rawValue: code)?.severity.rawValue)
            severities[id, default: [:]][severity, default: 0] += 1
            // A sentence that starts `table 三, line 56` has table 3 and line 56 in its fields.
            let numbers = ["二": "2", "三": "3", "四": "4"]
            if detail.hasPrefix("table "), let number = numbers[String(detail.dropFirst(6).prefix(1))] {
                #expect(table == number, "\(detail)")
                if detail.dropFirst(7).hasPrefix(", line ") {
                    #expect(detail.dropFirst(14).hasPrefix(line + ":") || detail.dropFirst(14).hasPrefix(line + " "), "\(detail)")
                    placed += 1
                }
            }
            if code == "label_normalized" || code == "label_unrecognized" {
                #expect(!label.isEmpty && detail.contains("\"\(label)\""), "\(detail)")
                labelled += 1
            }
        }
        #expect(placed > 100 && labelled > 50)
        #expect(diagnostics.contains { $0[4] == "label_normalized" && $0[5] == "info" })
        #expect(diagnostics.contains { $0[4] == "cell_missing" && $0[5] == "error" })
        for report in reports.dropFirst() {
            let counts = severities[report[0]] ?? [:]
            #expect(report[column("warnings")] == String(counts["warning"] ?? 0))
            #expect(report[column("errors")] == String(counts["error"] ?? 0))
            #expect(report[column("diagnostics")] == String(counts.values.reduce(0, +)))
        }
        // The report cut off in table 3 lost cells: errors, and partial.
        let cut = try #require(reports.first { $0[column("source_path")] == "truncated_in_table3.txt" })
        #expect(cut[column("status")] == "partial" && Int(cut[column("errors")])! > 0)

        let checks = try wide.records(output, "checks")
        #expect(checks[0] == ["report_id", "report_year", "agency", "rule", "subject", "expected", "actual", "other_report_id"])
        #expect(checks.count > 1)
        for row in checks.dropFirst() {
            let report = try #require(byId[row[0]])
            #expect(row[1] == report[column("report_year")] && row[2] == report[column("agency")])
        }
    }
}

import Foundation
import Load
import Pipeline
import Testing

/// `reports_wide` holds, for each report, exactly what the long datasets hold: the same `reports`
/// row, each cell's value (empty where the long dataset has no row) and the failed checks per rule.
@Suite struct ReportsWideTests {
    static let root = EndToEndTests.root

    /// The samples plus a report cut off in table 3, so some cells are missing; run as a user runs it.
    func run(csvBOM: Bool = false) throws -> String {
        let input = try EndToEndTests().temporaryFolder(), output = try EndToEndTests().temporaryFolder()
        let samples = Self.root.appendingPathComponent("samples").path
        for name in try FileManager.default.contentsOfDirectory(atPath: samples) {
            try FileManager.default.copyItem(atPath: "\(samples)/\(name)", toPath: "\(input)/\(name)")
        }
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Tests/Fixtures/inputs/truncated_in_table3.txt").path,
                                         toPath: "\(input)/truncated_in_table3.txt")
        var pipeline = try EndToEndTests().samplesPipeline(input: input, output: output)
        pipeline.csvBOM = csvBOM
        let summary = try PipelineRunner(pipeline: pipeline).run()
        #expect(summary.reportsOK == 8 && summary.reportsPartial == 1)
        return output
    }

    /// A CSV file's records as fields (RFC 4180: quoted fields may hold commas, quotes, line breaks).
    func records(_ output: String, _ dataset: String) throws -> [[String]] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(output)/csv/\(dataset).csv")))
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        var index = 0, quoted = false
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == 0x22, index + 1 < bytes.count, bytes[index + 1] == 0x22 { field.append(0x22); index += 1 }
                else if byte == 0x22 { quoted = false }
                else { field.append(byte) }
            } else if byte == 0x22 {
                quoted = true
            } else if byte == 0x2C {
                row.append(String(decoding: field, as: UTF8.self)); field = []
            } else if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                row.append(String(decoding: field, as: UTF8.self)); field = []
                rows.append(row); row = []
                index += 1
            } else {
                field.append(byte)
            }
            index += 1
        }
        return rows
    }

    @Test func everyColumnIsNamedInPrintedOrderWithoutDots() throws {
        let names = Datasets.reportsWide.columns.map(\.name)
        #expect(Array(names.prefix(Datasets.reports.columns.count)) == Datasets.reports.columns.map(\.name))
        // reports (14), table 2 of 2021 (10) then the cells only 2019 prints (19), table 3's 25 rows
        // of 2021 then 2019's `other` (26 × 7), table 4 (15), a count per rule (5).
        let first = Datasets.reports.columns.count
        #expect(first == 14)
        #expect(names.count == first + 10 + 19 + 182 + 15 + 5)
        #expect(Set(names).count == names.count)
        #expect(!names.contains { $0.contains(".") })
        #expect(names[first] == "t2_regulations_issued")
        #expect(names[first + 9] == "t2_fees_amount_10k_yuan")
        #expect(names[first + 10] == "t2_regulations_created")
        #expect(names[first + 28] == "t2_procurement_amount")
        #expect(names[first + 29] == "t3_new_received_natural_person")
        #expect(names.firstIndex(of: "t3_denied_state_secret_total") == first + 29 + 4 * 7 + 6)
        #expect(names[first + 29 + 25 * 7] == "t3_other_natural_person")
        #expect(names[first + 211] == "t4_review_upheld")
        #expect(Array(names.suffix(5)) == ["checks_identity", "checks_total_of_outcomes", "checks_applicant_total", "checks_appeal_total", "checks_continuity"])
        let types = Dictionary(uniqueKeysWithValues: Datasets.reportsWide.columns.map { ($0.name, $0.type) })
        #expect(types["t2_fees_amount_10k_yuan"] == .double && types["t2_licensing_change"] == .double && types["t3_total_total"] == .int64 && types["t4_review_total"] == .int64)
        #expect(types["checks_identity"] == .int32)
    }

    @Test func theWideTableEqualsTheLongDatasetsCellForCell() throws {
        let output = try run()
        let wide = try records(output, "reports_wide"), reports = try records(output, "reports")
        let header = wide[0]
        #expect(header == Datasets.reportsWide.columns.map(\.name))
        #expect(wide.count == reports.count && wide.count == 10)
        // The reports columns, row for row in the same order.
        for (wideRow, reportRow) in zip(wide, reports) {
            #expect(wideRow.count == header.count)
            #expect(Array(wideRow.prefix(reportRow.count)) == reportRow)
        }
        // Every long row's value, keyed by report and column name; the rest must be empty.
        var long: [String: [String: String]] = [:]
        func add(_ dataset: String, _ table: String) throws {
            let rows = try records(output, dataset)
            #expect(rows[0][5] == "value")
            for row in rows.dropFirst() {
                let name = "\(table)_\(row[3])_\(row[4])".replacingOccurrences(of: ".", with: "_")
                #expect(long[row[0], default: [:]][name] == nil, "\(row[0]) \(name) twice")
                long[row[0], default: [:]][name] = row[5]
            }
        }
        try add("proactive_disclosure", "t2")
        try add("applications", "t3")
        try add("appeals", "t4")
        var failures: [String: [String: Int]] = [:]
        let checks = try records(output, "checks")
        let rule = try #require(checks[0].firstIndex(of: "rule"))
        for row in checks.dropFirst() {
            failures[row[0], default: [:]]["checks_\(row[rule])", default: 0] += 1
        }
        var nulls = 0, cells = 0
        for row in wide.dropFirst() {
            let id = row[0]
            for (name, value) in zip(header, row) where name.hasPrefix("t2_") || name.hasPrefix("t3_") || name.hasPrefix("t4_") {
                #expect(value == long[id]?[name] ?? "", "\(id) \(name)")
                if value.isEmpty { nulls += 1 } else { cells += 1 }
            }
            for (name, value) in zip(header, row) where name.hasPrefix("checks_") && name != "checks_failed" {
                #expect(Int(value) == failures[id]?[name] ?? 0, "\(id) \(name)")
            }
            #expect(row[header.firstIndex(of: "checks_failed")!] == String(failures[id]?.values.reduce(0, +) ?? 0))
        }
        // Every long row landed in a column, and the cut-off report left some cells empty.
        #expect(cells == long.values.reduce(0) { $0 + $1.count })
        #expect(nulls > 0)
        #expect(failures.values.reduce(0) { $0 + $1.values.reduce(0, +) } > 0)
    }

    @Test func csvFilesStartWithAByteOrderMarkOnlyWhenAsked() throws {
        let plain = try run(), marked = try run(csvBOM: true)
        for dataset in ["reports", "reports_wide", "rejects"] {
            let without = Array(try Data(contentsOf: URL(fileURLWithPath: "\(plain)/csv/\(dataset).csv")))
            let with = Array(try Data(contentsOf: URL(fileURLWithPath: "\(marked)/csv/\(dataset).csv")))
            #expect(Array(without.prefix(3)) != [0xEF, 0xBB, 0xBF])
            #expect(with == [0xEF, 0xBB, 0xBF] + without, "\(dataset)")
        }
    }
}

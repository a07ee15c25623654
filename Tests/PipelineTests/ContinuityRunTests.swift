import Foundation
import Testing

/// The check across reports in a pipeline run: load reads every stored result first, so a report
/// is compared with last year's whichever run stored each, and a break is a `checks` row naming both.
@Suite struct ContinuityRunTests {
    @Test func aBreakBetweenTwoYearsOfOneAgencyIsACheckRowInTheRun() throws {
        let bench = try Workbench(samples: false)
        let sample = try String(contentsOf: Workbench.repository.appendingPathComponent("samples/002_d3cf8b1128643171.txt"), encoding: .utf8)
        try sample.write(toFile: bench.input + "/2023.txt", atomically: true, encoding: .utf8)
        #expect(try bench.run().checksFailed == 0)
        // Next year's report, the agency printed without its city, and 现行有效 regulations 0 → 5
        // with none issued.
        var next = sample.replacingOccurrences(of: "攀枝花市东区民政局", with: "东区民政局")
            .replacingOccurrences(of: "2023 年政府信息公开工作年度报告", with: "2024 年政府信息公开工作年度报告")
        #expect(next.contains("规章\t0\t0\t0\n"))
        next = next.replacingOccurrences(of: "规章\t0\t0\t0\n", with: "规章\t0\t0\t5\n")
        try next.write(toFile: bench.input + "/2024.txt", atomically: true, encoding: .utf8)
        let summary = try bench.run()
        #expect(summary.reportsOK == 2 && summary.checksFailed == 1)
        let checks = try String(contentsOfFile: bench.output + "/csv/checks.csv", encoding: .utf8).split(separator: "\r\n")
        let reports = try String(contentsOfFile: bench.output + "/csv/reports.csv", encoding: .utf8).split(separator: "\r\n")
        let id = { (year: String) in reports.first { $0.contains(",\(year).txt,") }!.prefix(64) }
        #expect(checks.count == 2)
        #expect(checks[1] == "\(id("2024")),2024,东区民政局,continuity,in_force.regulations,0,5,\(id("2023"))")
        // A run with nothing new leaves the outputs as they are and still counts the break.
        let again = try bench.run()
        #expect(!again.loaded && again.checksFailed == 1)
    }
}

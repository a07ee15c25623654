import Foundation
import Load
import Pipeline
import Testing

/// Reports of both templates in one run: `reports.template` says which, the cell datasets hold each
/// report's own codes, and `reports_wide` fills each report's template columns and leaves the
/// other's null.
@Suite struct TemplateDatasetsTests {
    @Test func aRunOfBothTemplatesWritesEachReportsTemplateAndItsOwnCells() throws {
        let tests = EndToEndTests(), wide = ReportsWideTests()
        let input = try tests.temporaryFolder(), output = try tests.temporaryFolder()
        for (from, to) in [("Tests/Fixtures/formats/template2019/report-2019.docx", "old.docx"),
                           ("Tests/Fixtures/real-dev/shanghai_office_2019.html", "shanghai.html"),
                           ("samples/002_d3cf8b1128643171.txt", "new.txt")] {
            try FileManager.default.copyItem(atPath: EndToEndTests.root.appendingPathComponent(from).path, toPath: "\(input)/\(to)")
        }
        let summary = try PipelineRunner(pipeline: tests.samplesPipeline(input: input, output: output)).run()
        #expect(summary.reportsOK == 3 && summary.accountsForEveryInput)

        let reports = try wide.records(output, "reports")
        let column = try #require(reports[0].firstIndex(of: "template"))
        #expect(reports[0][column - 1] == "source_format" && reports[0][column + 1] == "encoding")
        let templates = Dictionary(uniqueKeysWithValues: reports.dropFirst().map { ($0[1], $0[column]) })
        #expect(templates == ["old.docx": "2019", "shanghai.html": "2019", "new.txt": "2021"])

        #expect(try tests.csv(output, "proactive_disclosure").count == 1 + 22 + 22 + 10)
        #expect(try tests.csv(output, "applications").count == 1 + 161 + 161 + 175)
        let cells = try wide.records(output, "reports_wide")
        let header = cells[0]
        func value(_ path: String, _ name: String) throws -> String {
            let row = try #require(cells.first { $0[1] == path })
            return row[try #require(header.firstIndex(of: name))]
        }
        #expect(try value("shanghai.html", "t2_procurement_amount") == "251000")
        #expect(try value("shanghai.html", "t3_other_total") == "0")
        #expect(try value("shanghai.html", "t3_new_received_total") == "859")
        #expect(try value("shanghai.html", "t2_regulations_issued") == "")
        #expect(try value("shanghai.html", "t3_other_other_total") == "")
        #expect(try value("old.docx", "t3_other_natural_person") == "2")
        #expect(try value("new.txt", "t3_other_natural_person") == "")
        #expect(try value("new.txt", "t2_procurement_amount") == "")
        #expect(try value("new.txt", "t3_other_other_total") == "0")
    }
}

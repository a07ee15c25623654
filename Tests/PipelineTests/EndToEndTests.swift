import Foundation
import Load
import Pipeline
import Testing

/// The pipeline run as a user runs it: a folder in, eight datasets out, every input accounted for.
@Suite struct EndToEndTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func temporaryFolder() throws -> String {
        let path = NSTemporaryDirectory() + "disclosure-etl-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func samplesPipeline(input: String? = nil, output: String, jobs: Int = 0) throws -> PipelineFile {
        var file = try PipelineFile.load(path: Self.root.appendingPathComponent("pipelines/samples.toml").path)
        if let input { file.inputs = [input] }
        file.output = output
        file.work = output + "/.work"
        file.jobs = jobs
        return file
    }

    func csv(_ output: String, _ dataset: String) throws -> [String] {
        let text = try String(contentsOfFile: "\(output)/csv/\(dataset).csv", encoding: .utf8)
        return text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }

    @Test func samplesGiveEightDatasetsWithEveryCell() throws {
        let output = try temporaryFolder()
        let summary = try PipelineRunner(pipeline: samplesPipeline(output: output)).run()
        #expect(summary.inputs == 8)
        #expect(summary.reportsOK == 8)
        #expect(summary.rejects == 0)
        #expect(summary.checksFailed == 4)
        #expect(summary.accountsForEveryInput)
        #expect(summary.filesWritten.count == 24)
        #expect(summary.filesWritten.contains("parquet/applications/part-0.parquet"))
        #expect(summary.filesWritten.contains("xlsx/applications.xlsx"))
        #expect(summary.filesWritten.contains("parquet/rejects/part-0.parquet"))
        #expect(summary.loaded)
        #expect(try csv(output, "reports").count == 9)
        #expect(try csv(output, "reports_wide").count == 9)
        #expect(try csv(output, "proactive_disclosure").count == 1 + 8 * 10)
        #expect(try csv(output, "applications").count == 1 + 8 * 175)
        #expect(try csv(output, "appeals").count == 1 + 8 * 15)
        #expect(try csv(output, "checks").count == 1 + 4)
        #expect(try csv(output, "rejects") == ["source_path,reason,detail"])
        let reports = try csv(output, "reports")
        #expect(reports[0] == "report_id,source_path,source_format,template,encoding,agency,report_year,report_date,posted_date,status,checks_failed,diagnostics,warnings,errors")
        #expect(reports.contains { $0.contains(",001_596f64b8fe124db2.txt,web_text_pipe,2021,utf-8,枣阳市民政局,2021,2022-01-06,2022-01-14,ok,0,") })
        let applications = try csv(output, "applications")
        #expect(applications.contains { $0.hasSuffix(",2023,北京市通州区委社会工委区民政局,granted,natural_person,8") })
    }

    @Test func everyBadInputEndsAsARejectOrAPartialReport() throws {
        let input = try temporaryFolder(), output = try temporaryFolder()
        let fixtures = Self.root.appendingPathComponent("Tests/Fixtures/inputs").path
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures) {
            try FileManager.default.copyItem(atPath: "\(fixtures)/\(name)", toPath: "\(input)/\(name)")
        }
        try FileManager.default.createDirectory(atPath: "\(input)/again", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("samples/002_d3cf8b1128643171.txt").path,
                                         toPath: "\(input)/again/002.txt")
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("samples/002_d3cf8b1128643171.txt").path,
                                         toPath: "\(input)/again/002-copy.txt")
        let summary = try PipelineRunner(pipeline: samplesPipeline(input: input, output: output)).run()
        #expect(summary.inputs == 10)
        #expect(summary.accountsForEveryInput)
        #expect(summary.rejectsByReason == ["empty": 2, "docx_damaged": 1, "not_a_report": 1, "duplicate": 1])
        #expect(summary.reportsPartial == 1)
        #expect(summary.reportsOK == 4)
        let rejects = try csv(output, "rejects")
        #expect(rejects.contains { $0.hasPrefix("binary.bin,docx_damaged,") })
        #expect(rejects.contains { $0.hasPrefix("again/002.txt,duplicate,same bytes as again/002-copy.txt") })
        #expect(try csv(output, "reports").contains { $0.contains(",truncated_in_table3.txt,pdf_text_tab,2021,utf-8,攀枝花市东区民政局,2023,,,partial,") })
    }

    @Test func outputsAreByteIdenticalWhateverTheNumberOfJobs() throws {
        let one = try temporaryFolder(), two = try temporaryFolder()
        _ = try PipelineRunner(pipeline: samplesPipeline(output: one, jobs: 1)).run()
        _ = try PipelineRunner(pipeline: samplesPipeline(output: two, jobs: 2)).run()
        for schema in Datasets.all {
            let a = FileManager.default.contents(atPath: "\(one)/csv/\(schema.name).csv")
            let b = FileManager.default.contents(atPath: "\(two)/csv/\(schema.name).csv")
            #expect(a != nil && a == b, "\(schema.name)")
        }
    }

    @Test func anUnwritableOutputFailsTheRunNamingThePath() throws {
        let blocker = try temporaryFolder() + "/file"
        FileManager.default.createFile(atPath: blocker, contents: Data("x".utf8))
        #expect {
            try PipelineRunner(pipeline: samplesPipeline(output: blocker + "/out")).run()
        } throws: { error in
            String(describing: error).contains(blocker)
        }
    }

    @Test func aMissingInputFolderFailsTheRunNamingIt() throws {
        #expect {
            try PipelineRunner(pipeline: samplesPipeline(input: "/nonexistent/reports", output: temporaryFolder())).run()
        } throws: { error in
            String(describing: error).contains("/nonexistent/reports")
        }
    }
}

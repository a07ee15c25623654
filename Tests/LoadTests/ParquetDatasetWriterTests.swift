import DisclosureModel
import Foundation
import Parquet
import Testing
@testable import Load

/// The Parquet side of the load stage: file layout, partitions, empty datasets, determinism.
/// (What the files hold is checked by scripts/interop_check.py with four real readers.)
@Suite struct ParquetDatasetWriterTests {
    func folder() -> String {
        NSTemporaryDirectory() + "parquet-load-" + UUID().uuidString
    }

    func sampleReports() -> [TransformedReport] {
        [2022, 2023, 2023].enumerated().map { index, year in
            TransformedReport(
                reportId: String(repeating: "\(index)", count: 64), sourcePath: "r\(index).txt", sourceFormat: "pdf_text_tab",
                encoding: "utf-8",
                identity: ReportIdentity(agency: "某市民政局", reportYear: year, reportDate: CalendarDate(year: year + 1, month: 1, day: 8), postedDate: nil),
                proactive: [ProactiveCell(item: "fees", measure: "amount_10k_yuan", value: 12.5)],
                applications: [ApplicationCell(row: "granted", applicant: "total", value: Int64(index))],
                appeals: [], checkFailures: [], diagnostics: [])
        }
    }

    func write(_ writer: ParquetDatasetWriter, to root: String) throws -> [String] {
        try Loader(writers: [writer]).load(reports: sampleReports(), rejects: [], to: root)
    }

    @Test func everyDatasetGetsOneFileEvenWhenEmpty() throws {
        let root = folder()
        let written = try write(ParquetDatasetWriter(), to: root)
        #expect(written == Datasets.all.map { "parquet/\($0.name)/part-0.parquet" })
        for file in written {
            let bytes = try #require(FileManager.default.contents(atPath: root + "/" + file))
            #expect(bytes.prefix(4) == Data("PAR1".utf8) && bytes.suffix(4) == Data("PAR1".utf8), "\(file)")
        }
    }

    @Test func yearPartitionsAreHiveFolders() throws {
        let root = folder()
        let written = try write(ParquetDatasetWriter(partitionByYear: true), to: root)
        #expect(written.contains("parquet/applications/report_year=2022/part-0.parquet"))
        #expect(written.contains("parquet/applications/report_year=2023/part-0.parquet"))
        #expect(written.contains("parquet/checks/part-0.parquet"))
        #expect(!written.contains("parquet/applications/part-0.parquet"))
    }

    @Test func theYearStaysInPartitionedFilesOnlyWhenAsked() throws {
        let year = "report_year"
        let plain = folder(), kept = folder()
        _ = try write(ParquetDatasetWriter(partitionByYear: true), to: plain)
        _ = try write(ParquetDatasetWriter(partitionByYear: true, yearInFiles: true), to: kept)
        let file = "/parquet/applications/report_year=2023/part-0.parquet"
        #expect(!(try ParquetReader(path: plain + file)).columns.contains { $0.name == year })
        let reader = try ParquetReader(path: kept + file)
        let column = try #require(reader.columns.first { $0.name == year })
        #expect(column.physicalType == 1 && !column.nullable)  // INT32
        guard case .integers(let values) = try reader.read(year) else { Issue.record("report_year is not integers"); return }
        #expect(!values.isEmpty && values.allSatisfy { $0 == 2023 })
    }

    @Test func theSameRowsGiveByteIdenticalFiles() throws {
        let a = folder(), b = folder()
        let written = try write(ParquetDatasetWriter(metadata: [("k", "v")]), to: a)
        _ = try write(ParquetDatasetWriter(metadata: [("k", "v")]), to: b)
        for file in written {
            #expect(FileManager.default.contents(atPath: a + "/" + file) == FileManager.default.contents(atPath: b + "/" + file), "\(file)")
        }
    }

    @Test func footerNamesTheToolAndThePipeline() throws {
        let root = folder()
        _ = try write(ParquetDatasetWriter(metadata: [("disclosure_etl.pipeline", "nightly")]), to: root)
        let bytes = try #require(FileManager.default.contents(atPath: root + "/parquet/reports/part-0.parquet"))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("disclosure_etl.pipeline") && text.contains("nightly"))
        #expect(text.contains(ParquetDatasetWriter.createdBy))
    }
}

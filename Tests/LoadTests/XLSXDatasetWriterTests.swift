import DisclosureModel
import Foundation
import Testing
@testable import Extract
@testable import Load
import XLSX

/// The xlsx side of the load stage: one workbook per dataset, columns taken from the schema,
/// sheets split at the row limit across chunks. (openpyxl, pandas and LibreOffice read the
/// samples' workbooks in scripts/interop_check.py.)
@Suite struct XLSXDatasetWriterTests {
    func folder() -> String {
        NSTemporaryDirectory() + "xlsx-load-" + UUID().uuidString
    }

    func reports(_ count: Int, from first: Int = 0) -> [TransformedReport] {
        (first ..< first + count).map { index in
            TransformedReport(
                reportId: String(format: "%064d", index), sourcePath: "r\(index).txt", sourceFormat: "pdf_text_tab",
                encoding: "utf-8",
                identity: ReportIdentity(agency: "某市民政局", reportYear: 2023, reportDate: CalendarDate(year: 2024, month: 1, day: 31), postedDate: nil),
                proactive: [ProactiveCell(item: "fees", measure: "amount_10k_yuan", value: 12.5)],
                applications: [ApplicationCell(row: "granted", applicant: "total", value: Int64(index))],
                appeals: [], checkFailures: [], diagnostics: [])
        }
    }

    /// The workbook's worksheets' XML, in sheet order.
    func sheets(_ path: String) throws -> [String] {
        let archive = try ZIPArchive(Array(try #require(FileManager.default.contents(atPath: path))))
        return try archive.entries.filter { $0.name.hasPrefix("xl/worksheets/sheet") }
            .sorted { $0.name.count == $1.name.count ? $0.name < $1.name : $0.name.count < $1.name.count }
            .map { String(decoding: try archive.contents(of: $0, limit: 1 << 30), as: UTF8.self) }
    }

    @Test func everyDatasetGetsAWorkbookWhoseHeaderIsTheSchema() throws {
        let root = folder()
        let written = try Loader(writers: [XLSXDatasetWriter()]).load(reports: reports(2), rejects: [], to: root)
        #expect(written == Datasets.all.map { "xlsx/\($0.name).xlsx" })
        for schema in Datasets.all {
            let sheet = try #require(try sheets(root + "/xlsx/\(schema.name).xlsx").first)
            let header = schema.columns.map { #"<is><t>\#($0.name)</t></is>"# }.joined()
            #expect(sheet.replacingOccurrences(of: #"<c r="[A-Z]+1" s="1" t="inlineStr">"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: "</c>", with: "").contains(#"<row r="1">"# + header + "</row>"), "\(schema.name)")
        }
        let reportsSheet = try sheets(root + "/xlsx/reports.xlsx")[0]
        // report_year a number, report_date a date (serial 45322, style 2), posted_date null: no cell.
        #expect(reportsSheet.contains(#"<c r="F2"><v>2023</v></c><c r="G2" s="2"><v>45322</v></c><c r="I2" t="inlineStr"><is><t>partial</t></is></c>"#))
        #expect(reportsSheet.contains("<t>某市民政局</t>"))
    }

    @Test func rowsFromSeveralChunksFillSheetsUpToTheRowLimit() throws {
        let root = folder()
        let session = try Loader(writers: [XLSXDatasetWriter(options: WorkbookOptions(rowLimit: 5))]).begin(outputRoot: root)
        for first in [0, 3, 6] {
            var builder = DatasetBuilder()
            builder.add(reports: reports(3, from: first), rejects: [])
            try session.append(builder)
        }
        _ = try session.commit()
        // 9 rows, 4 a sheet under the header: 4, 4, 1; the rows in order.
        let sheets = try sheets(root + "/xlsx/applications.xlsx")
        #expect(sheets.count == 3)
        let ids = sheets.map { sheet in
            sheet.matches(of: /<t>(0{50,}\d+)<\/t>/).map { Int($0.1)! }
        }
        #expect(ids == [[0, 1, 2, 3], [4, 5, 6, 7], [8]])
        #expect(try self.sheets(root + "/xlsx/rejects.xlsx").count == 1, "an empty dataset is one sheet with its header")
    }

    @Test func shardsNameTheirWorkbooksLikeTheirCSV() throws {
        let root = folder()
        let written = try Loader(writers: [XLSXDatasetWriter()], part: PartName(shard: 1, shardCount: 3))
            .load(reports: reports(1), rejects: [], to: root)
        #expect(written.contains("xlsx/reports.part-1-of-3.xlsx"))
    }

    @Test func theSameRowsGiveByteIdenticalWorkbooks() throws {
        let a = folder(), b = folder()
        let written = try Loader(writers: [XLSXDatasetWriter()]).load(reports: reports(4), rejects: [], to: a)
        _ = try Loader(writers: [XLSXDatasetWriter()]).load(reports: reports(4), rejects: [], to: b)
        for file in written {
            #expect(FileManager.default.contents(atPath: a + "/" + file) == FileManager.default.contents(atPath: b + "/" + file), "\(file)")
        }
    }
}

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
        try parts(path).filter { $0.key.hasPrefix("xl/worksheets/sheet") }
            .sorted { $0.key.count == $1.key.count ? $0.key < $1.key : $0.key.count < $1.key.count }.map(\.value)
    }

    func parts(_ path: String) throws -> [String: String] {
        let archive = try ZIPArchive(Array(try #require(FileManager.default.contents(atPath: path))))
        var parts: [String: String] = [:]
        for entry in archive.entries { parts[entry.name] = String(decoding: try archive.contents(of: entry, limit: 1 << 30), as: UTF8.self) }
        return parts
    }

    /// Each sheet's rows as the cells' values, shared strings resolved: (column letters, value).
    func rows(_ path: String) throws -> [[[(String, String)]]] {
        let parts = try parts(path)
        let shared = (parts["xl/sharedStrings.xml"] ?? "").matches(of: /<si><t[^>]*>(.*?)<\/t><\/si>/).map { String($0.1) }
        return try sheets(path).map { sheet in
            sheet.matches(of: /<row r="\d+">(.*?)<\/row>/).map { row in
                String(row.1).matches(of: /<c r="([A-Z]+)\d+"(?: s="\d+")?(?: t="(\w+)")?>(.*?)<\/c>/).map { cell in
                    let body = String(cell.3)
                    let inner = String(body.firstMatch(of: /<(?:v|t)[^>]*>(.*?)<\/(?:v|t)>/)!.1)
                    return (String(cell.1), cell.2 == "s" ? shared[Int(inner)!] : inner)
                }
            }
        }
    }

    @Test func everyDatasetGetsAWorkbookWhoseHeaderIsTheSchema() throws {
        let root = folder()
        let written = try Loader(writers: [XLSXDatasetWriter()]).load(reports: reports(2), rejects: [], to: root)
        #expect(written == Datasets.all.map { "xlsx/\($0.name).xlsx" })
        for schema in Datasets.all {
            let header = try #require(try rows(root + "/xlsx/\(schema.name).xlsx").first?.first)
            #expect(header.map(\.1) == schema.columns.map(\.name), "\(schema.name)")
        }
        let reportsSheet = try sheets(root + "/xlsx/reports.xlsx")[0]
        // report_year a number, report_date a date (serial 45322, style 2), posted_date null: no cell.
        #expect(reportsSheet.contains(#"<c r="G2"><v>2023</v></c><c r="H2" s="2"><v>45322</v></c><c r="J2" t="s">"#))
        let second = try rows(root + "/xlsx/reports.xlsx")[0][2]
        #expect(second.map(\.0) == ["A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N"])
        #expect(second.map(\.1) == [String(format: "%064d", 1), "r1.txt", "pdf_text_tab", "2021", "utf-8", "某市民政局", "2023", "45322",
                                     "partial", "0", "0", "0", "0"])
    }

    @Test func repeatedTextIsSharedAndTextOnOneRowInline() throws {
        let root = folder()
        _ = try Loader(writers: [XLSXDatasetWriter()]).load(reports: reports(2), rejects: [], to: root)
        let parts = try parts(root + "/xlsx/reports.xlsx")
        // The agency and status repeat down the rows; ids and paths are each on one row.
        #expect(parts["xl/sharedStrings.xml"]!.contains(#"count="10" uniqueCount="5"><si><t>pdf_text_tab</t></si><si><t>utf-8</t></si><si><t>某市民政局</t></si><si><t>partial</t></si><si><t>2021</t></si></sst>"#))
        #expect(parts["xl/worksheets/sheet1.xml"]!.contains(#"<c r="B3" t="inlineStr"><is><t>r1.txt</t></is></c><c r="C3" t="s"><v>0</v></c>"#))
        #expect(parts["[Content_Types].xml"]!.contains("/xl/sharedStrings.xml"))
        #expect(parts["xl/_rels/workbook.xml.rels"]!.contains(#"Target="sharedStrings.xml""#))
        #expect(try self.parts(root + "/xlsx/rejects.xlsx")["xl/sharedStrings.xml"] == nil, "no table when nothing is shared")
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
        let ids = try rows(root + "/xlsx/applications.xlsx").map { sheet in sheet.dropFirst().map { Int($0[0].1)! } }
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

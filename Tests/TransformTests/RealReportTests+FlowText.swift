import DisclosureModel
import Foundation
import Testing

/// Reading-order text (`pdftotext` without `-layout`): every cell read must be the printed one; the
/// cells whose place cannot be told are left out, never shifted.
extension RealReportTests {
    /// Cells of a report as `dataset|key1|key2` → value.
    static func cells(_ report: TransformedReport) -> [String: Double] {
        var cells: [String: Double] = [:]
        for cell in report.proactive { cells["proactive_disclosure|\(cell.item)|\(cell.measure)"] = cell.value }
        for cell in report.applications { cells["applications|\(cell.row)|\(cell.applicant)"] = Double(cell.value) }
        for cell in report.appeals { cells["appeals|\(cell.proceeding)|\(cell.outcome)"] = Double(cell.value) }
        return cells
    }

    /// The cells of a truth file written by scripts/pdf-accuracy (`source_path,dataset,key1,key2,value,…`)
    /// as `dataset|key1|key2` → value.
    static func truthCells(_ path: String) throws -> [String: Double] {
        let csv = String(decoding: try Repository.bytes(path), as: UTF8.self)
        var truth: [String: Double] = [:]
        for line in csv.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard ["proactive_disclosure", "applications", "appeals"].contains(fields[1]) else { continue }
            truth["\(fields[1])|\(fields[2])|\(fields[3])"] = Double(fields[4])
        }
        return truth
    }

    /// A gold file entry's cells as `dataset|key1|key2` → value.
    static func cells(_ gold: Gold) -> [String: Double] {
        var truth: [String: Double] = [:]
        for (key, value) in gold.t2 {
            let parts = key.split(separator: ".", maxSplits: 1)
            truth["proactive_disclosure|\(parts[0])|\(parts[1])"] = value
        }
        for (key, value) in gold.t3 { truth["applications|" + key] = Double(value) }
        for (key, value) in gold.t4 { truth["appeals|" + key] = Double(value) }
        return truth
    }

    /// Compares every cell read with the truth; returns how many were read.
    func expectNoWrongCell(_ report: TransformedReport, truth: [String: Double]) -> Int {
        let read = Self.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(report.sourceFormat == "pdf_text_flow")
        return read.count
    }

    /// The WPS export of hongze_2024 through `pdftotext`: values before their labels, the rows of
    /// （三） and （四） column by column, （六） one row, page footers between cells.
    @Test func theWPSExportAsReadingOrderTextIsReadWithoutAWrongCell() throws {
        let gold = try Self.gold("Tests/Fixtures/real-dev", "hongze_2024.txt")
        let truth = Self.cells(gold)
        let report = try Repository.transform("Tests/Fixtures/real-dev/hongze_2024.txt")
        #expect(expectNoWrongCell(report, truth: truth) == 200)
        #expect(report.identity.agency == gold.agency)
        #expect(report.identity.reportYear == gold.report_year)
    }

    /// Office-made PDFs through `pdftotext` (scripts/pdf-accuracy --format flow), with the cells
    /// each one must give: all of them, or the tables whose order is certain.
    /// The `s5-` ones (seed 5) have table 3 rows read between their labels (one row per label, or a
    /// group's labels before its rows), and 000054 has values wandered into other 第二十条 sections;
    /// s5-000020 has table 4's header words and three of its cells before its heading (table 3
    /// is read whole once they are cut off it).
    /// s4-000105 has each row's seven values in one run beside its label (4.无正当理由大量反复申请
    /// wrapped around （五）不予处理's characters: `4.无正当理由大量反复` / `予处 请`); s5-000194 has its top rows in a
    /// mixed order and the rows below as blocks (10 rows read), table 2's labels all before its
    /// values, and table 4 read from 行政复议's first five values with the lawsuits' ten all zero.
    @Test(arguments: [("000092", 200), ("000135", 185), ("000050", 185), ("000022", 10), ("000146", 10),
                      ("s5-000020", 185), ("s5-000026", 165), ("s5-000054", 0), ("s4-000105", 200), ("s5-000194", 95)])
    func officePDFsAsReadingOrderTextGiveNoWrongCell(name: String, cells: Int) throws {
        let folder = "Tests/Fixtures/formats/flow"
        let truth = try Self.truthCells("\(folder)/\(name).truth.csv")
        #expect(truth.count == 200)
        let report = try Repository.transform("\(folder)/\(name).flow.txt")
        #expect(expectNoWrongCell(report, truth: truth) == cells)
    }

    /// The cells the new readings give, as printed (the truth file holds them too; this names them).
    @Test func blockRowsRowRunsAndTheReviewRowGiveTheirPrintedCells() throws {
        let blocks = Self.cells(try Repository.transform("Tests/Fixtures/formats/flow/s5-000194.flow.txt"))
        #expect(blocks["applications|denied.administrative_inquiry|natural_person"] == 1)
        #expect(blocks["applications|total|commercial_enterprise"] == 3)
        #expect(blocks["applications|total|total"] == 6)
        #expect(blocks["applications|new_received|total"] == nil)
        #expect(blocks["appeals|review|pending"] == 3)
        #expect(blocks["appeals|review|total"] == 4)
        #expect(blocks["appeals|litigation_after_review|total"] == 0)
        let runs = Self.cells(try Repository.transform("Tests/Fixtures/formats/flow/s4-000105.flow.txt"))
        #expect(runs["applications|new_received|public_interest_org"] == 1)
        #expect(runs["applications|new_received|total"] == 17)
        #expect(runs["applications|total|natural_person"] == 12)
        #expect(runs["applications|not_processed.excessive|total"] == 1)
    }
}

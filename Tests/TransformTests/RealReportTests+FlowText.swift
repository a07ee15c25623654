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
        var truth: [String: Double] = [:]
        for (key, value) in gold.t2 {
            let parts = key.split(separator: ".", maxSplits: 1)
            truth["proactive_disclosure|\(parts[0])|\(parts[1])"] = value
        }
        for (key, value) in gold.t3 { truth["applications|" + key] = Double(value) }
        for (key, value) in gold.t4 { truth["appeals|" + key] = Double(value) }
        let report = try Repository.transform("Tests/Fixtures/real-dev/hongze_2024.txt")
        #expect(expectNoWrongCell(report, truth: truth) >= 190)
        #expect(report.identity.agency == gold.agency)
        #expect(report.identity.reportYear == gold.report_year)
    }

    /// Office-made PDFs through `pdftotext` (scripts/pdf-accuracy --format flow), with the cells
    /// each one must give: all of them, or the tables whose order is certain.
    /// The `s5-` ones (seed 5) have table 3 rows read between their labels (one row per label, or a
    /// group's labels before its rows), and 000054 has values wandered into other 第二十条 sections.
    @Test(arguments: [("000092", 200), ("000135", 185), ("000050", 185), ("000022", 10), ("000146", 10),
                      ("s5-000020", 151), ("s5-000026", 165), ("s5-000054", 0)])
    func officePDFsAsReadingOrderTextGiveNoWrongCell(name: String, cells: Int) throws {
        let folder = "Tests/Fixtures/formats/flow"
        let truth = try Self.truthCells("\(folder)/\(name).truth.csv")
        #expect(truth.count == 200)
        let report = try Repository.transform("\(folder)/\(name).flow.txt")
        #expect(expectNoWrongCell(report, truth: truth) == cells)
    }
}

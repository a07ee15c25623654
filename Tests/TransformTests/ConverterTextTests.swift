import DisclosureModel
import Foundation
import Testing

/// PDF text as Python's converters write it, pages joined by a line break (no form feed): PyMuPDF's
/// `page.get_text()`, pdfplumber's `extract_text()` (`pdf_text_spaced`) and `extract_text(layout=True)`,
/// of office-made PDFs (scripts/office-corpus, seed 1) and the real hongze_2024.pdf; and the same
/// reports' LibreOffice HTML as text: BeautifulSoup's `get_text()` (`bs-`) and html2text's markdown
/// (`h2t-`); pandoc's markdown of the .docx (`pmd-`: `**信息内容**` headers, `---` for an em dash)
/// and its plain text (`pplain-`: tables padded by display width, a CJK character two columns, and
/// closed by a rule of dashes right under their last row).
/// What cannot be placed is left out; no value is read into another cell, neither a page
/// number, nor a value printed above its label, nor one after a blank cell that vanished.
@Suite struct ConverterTextTests {
    static let folder = "Tests/Fixtures/formats/converters"

    /// The cells a converter fixture reads as.
    static func cells(_ name: String) throws -> [String: Double] {
        RealReportTests.cells(try Repository.transform("\(folder)/\(name).txt"))
    }

    @Test(arguments: [("mu-s1-000013", 194, "pdf_text_flow"), ("mu-s1-000042", 16, "pdf_text_flow"),
                      ("bs-s1-000131", 1, "pdf_text_flow"), ("h2t-s1-000132", 200, "markdown"), ("h2t-s1-000075", 200, "markdown"),
                      ("h2t-s1-000116", 200, "markdown"), ("h2t-s1-000118", 200, "markdown"),
                      ("h2t-s1-000043", 200, "markdown"), ("h2t-s1-000079", 200, "markdown"), ("h2t-s1-000027", 200, "markdown"),
                      ("pgfm-s1-000043", 200, "markdown"),
                      ("pmd-s1-000157", 200, "pdf_text_layout"),
                      ("plumb-s1-000013", 186, "pdf_text_spaced"), ("plumb-s1-000074", 0, "pdf_text_flow"),
                      ("plumb-s1-000193", 176, "pdf_text_spaced"),
                      ("plumbl-s1-000137", 190, "pdf_text_layout"), ("plumbl-s1-000193", 190, "pdf_text_layout"),
                      ("pplain-s1-000059", 200, "pdf_text_layout"), ("pplain-s1-000021", 200, "pdf_text_layout"),
                      ("pplain-s1-000042", 200, "pdf_text_layout"), ("pplain-s1-000086", 200, "pdf_text_layout"),
                      ("pplain-s1-000187", 200, "pdf_text_layout"), ("pplain-s4-000063", 200, "pdf_text_layout"),
                      ("pplain-s4-000037", 200, "pdf_text_layout")])
    func noValueGoesToAnotherCell(name: String, cells: Int, format: String) throws {
        let truth = try RealReportTests.truthCells("\(Self.folder)/\(name).truth.csv")
        #expect(truth.count == 200)
        let report = try Repository.transform("\(Self.folder)/\(name).txt")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(read.count == cells)
        #expect(report.sourceFormat == format)
    }

    /// The bare page number closing page 2 (`2`, then an empty line) stands where 行政事业性收费's
    /// blank cell is; pdfplumber's page 4 number (`4`) right after the same label, whose value
    /// `0.00` is printed on the label's line (`行政事业性收 0.00`, then `费`, then `4`).
    @Test func pageNumbersWithoutFormFeedsAreNotCells() throws {
        let pymupdf = try Repository.transform("\(Self.folder)/mu-s1-000042.txt")
        #expect(RealReportTests.cells(pymupdf)["proactive_disclosure|fees|amount_10k_yuan"] == nil)
        let pdfplumber = try Repository.transform("\(Self.folder)/plumb-s1-000013.txt")
        #expect(RealReportTests.cells(pdfplumber)["proactive_disclosure|fees|amount_10k_yuan"] == 0)
        #expect(RealReportTests.cells(pdfplumber)["proactive_disclosure|normative_documents|in_force"] == 30)
    }

    /// pandoc's plain text: the rule closing table 2 right under 行政事业性收费 is no part of that
    /// label (its `-` was lost with the label's match); the columns of a table whose cells are
    /// mostly blank are found once a CJK character counts two columns, as pandoc padded them
    /// (120 cells of 200 were read), its header's stacked characters (`自 然 人`) are one word, and a
    /// row's number printed alone before its label's line (`2.`) starts that row.
    @Test func pandocPlainTablesAreReadByDisplayWidth() throws {
        let fees = try Self.cells("pplain-s1-000059")
        #expect(fees["proactive_disclosure|fees|amount_10k_yuan"] == 0)
        let sparse = try Self.cells("pplain-s1-000021")
        #expect(sparse["applications|new_received|natural_person"] == 7 && sparse["applications|new_received|commercial_enterprise"] == 0)
        #expect(sparse["applications|new_received|research_institution"] == 1 && sparse["applications|new_received|total"] == 8)
        let stacked = try Self.cells("pplain-s1-000042")
        #expect(stacked["applications|new_received|natural_person"] == 13 && stacked["applications|new_received|total"] == 18)
        #expect(stacked["applications|new_received|public_interest_org"] == 1)
        // `2.` with the row's values, its label on the next line: a row of its own, not a value.
        let broken = try Self.cells("pplain-s1-000086")
        #expect(broken["applications|other.fee_unpaid|natural_person"] == 1 && broken["applications|other.fee_unpaid|total"] == 1)
        #expect(broken["applications|other.no_correction|natural_person"] == 0)
    }

    /// pandoc's plain text draws each table's columns with a rule of dash runs (`-------- -----`),
    /// its cells left-aligned in them: a number's column is its run, however many cells of its row
    /// are blank (`行政规范性文件  5  (blank)  5`; table 3's top rows, which pdftotext would squeeze).
    /// The rule also tells how to count a CJK character (its numbers align on the runs only one
    /// way), and a lone number at a table's end is a cell in text without pages, not a page number.
    @Test func pandocRulesGiveTheColumns() throws {
        let blanks = try Self.cells("pplain-s1-000187")
        #expect(blanks["proactive_disclosure|normative_documents|issued"] == 5 && blanks["proactive_disclosure|normative_documents|repealed"] == 0)
        #expect(blanks["proactive_disclosure|normative_documents|in_force"] == 5)
        #expect(blanks["applications|new_received|natural_person"] == 28 && blanks["applications|new_received|total"] == 28)
        let counted = try Self.cells("pplain-s4-000063")
        #expect(counted["proactive_disclosure|regulations|issued"] == 1 && counted["proactive_disclosure|regulations|in_force"] == 3)
        #expect(counted["proactive_disclosure|normative_documents|repealed"] == 0 && counted["proactive_disclosure|normative_documents|in_force"] == 19)
        let lone = try Repository.transform("\(Self.folder)/pplain-s4-000037.txt")
        #expect(RealReportTests.cells(lone)["appeals|litigation_after_review|upheld"] == 0)
        #expect(!lone.diagnostics.contains { $0.code == .pageArtifactSkipped })
    }

    /// pdfplumber's plain text of an office-made PDF whose digits stand higher than its labels'
    /// characters: table 2's values come on the line above each label, where the row before's would
    /// be; they are left out, table 3's rows read.
    @Test func valuesAboveOneLineLabelsAreLeftOut() throws {
        let report = try Repository.transform("\(Self.folder)/plumb-s1-000193.txt")
        let cells = RealReportTests.cells(report)
        #expect(cells.keys.filter { $0.hasPrefix("proactive_disclosure|") }.isEmpty)
        #expect(cells["applications|total|total"] != nil)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.hasPrefix("table 二, line 47 (规章): 0 4 2 by its label") })
    }

    /// html2text escapes a number that would start a list (`1\\. 申请人无正当理由…`) and writes a group
    /// once beside its first row (`三、本年度办理结果 | (一)予以公开 | 19 | 0 | 0 …`): the labels read,
    /// and the row's values kept as printed (equal neighbours were once taken for one merged cell).
    @Test func markdownEscapesAndGroupsBesideTheirFirstRowAreRead() throws {
        let cells = try Self.cells("h2t-s1-000132")
        #expect(cells["applications|granted|natural_person"] == 19 && cells["applications|granted|research_institution"] == 0)
        #expect(cells["applications|granted|total"] == 19)
        let other = try Self.cells("h2t-s1-000075")
        #expect(other["applications|other.other|natural_person"] == 1)
    }

    /// html2text writes a blank cell as a line break: a row goes on in lines opened by its next
    /// cell's `|` (`一、… |  18 |    `, `|  `, `|  `, `|  1 |    `, `|  19`), a blank last cell leaves
    /// a line of spaces, and rows differ in length (a label spanning rows is written once). Rows
    /// with blank first value cells (`规章 |  |  | 3`) still have one label cell.
    @Test func html2textRowsBrokenAtBlankCellsAreJoined() throws {
        let cells = try Self.cells("h2t-s1-000118")
        #expect(cells["applications|new_received|natural_person"] == 18 && cells["applications|new_received|legal_service_org"] == 1)
        #expect(cells["applications|new_received|other_org"] == 0 && cells["applications|new_received|total"] == 19)
        #expect(cells["proactive_disclosure|normative_documents|repealed"] == 1)
        let blanks = try Self.cells("h2t-s1-000116")
        #expect(blanks["proactive_disclosure|regulations|in_force"] == 3 && blanks["proactive_disclosure|regulations|issued"] == 0)
        #expect(blanks["proactive_disclosure|normative_documents|repealed"] == 1)
        // A dash cell on a row's next line (`|  - |    `) is a cell, not a separator row.
        let dashes = try Self.cells("h2t-s1-000027")
        #expect(dashes["applications|other.other|natural_person"] == 1 && dashes["applications|other.other|total"] == 1)
        // A table printing no number (`行政许可 |    `, then a line of spaces): its cell is blank.
        let unprinted = try Self.cells("h2t-s1-000079")
        #expect(unprinted["proactive_disclosure|licensing|decisions"] == 0 && unprinted["proactive_disclosure|fees|amount_10k_yuan"] == 0)
        // Table 4's row with its first cell blank: a line of spaces, then `|  — |  - |  0 |    `.
        let firstBlank = try Self.cells("h2t-s1-000043")
        #expect(firstBlank["appeals|review|upheld"] == 0 && firstBlank["appeals|litigation_after_review|pending"] == 1)
        #expect(firstBlank["appeals|litigation_after_review|total"] == 1)
        // pandoc's GitHub table of the same report: `|          | —        | \\-       | 0 …`, no label cell.
        let gfm = try Self.cells("pgfm-s1-000043")
        #expect(gfm["appeals|review|upheld"] == 0 && gfm["appeals|litigation_after_review|total"] == 1)
    }

    /// （六）其他处理 beside a label the dictionary does not know, then more rows it does not know: the
    /// group is not "one row of zeros without its rows" (its rows' zeros would hide 3.其他's 1).
    @Test func aGroupBesideAnUnknownLabelIsNotARowOfItsOwn() throws {
        var text = String(decoding: try Repository.bytes("\(Self.folder)/h2t-s1-000075.txt"), as: UTF8.self)
        for (label, unknown) in [("1\\. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "甲乙丙"),
                                 ("2\\. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "丁戊己"), ("3\\. 其他", "庚辛")] {
            text = text.replacingOccurrences(of: label, with: unknown)
        }
        let report = try Repository.transform(bytes: Array(text.utf8), sourcePath: "h2t-s1-000075.txt")
        let cells = RealReportTests.cells(report)
        #expect(cells["applications|other.other|natural_person"] == nil)
        #expect(cells["applications|other.no_correction|natural_person"] == nil)
        #expect(!report.diagnostics.contains { $0.code == .groupRowZero })
    }

    /// Found by scripts/fuzz (a splice of a reading-order fixture, read as space-aligned text): a
    /// table 2 item with fewer values than its cells under no header line is left out, not placed
    /// under zero columns (which trapped).
    @Test func anItemWithoutAHeaderLineAndFewerValuesIsLeftOut() throws {
        let report = try Repository.transform("Tests/Fixtures/formats/layout/fuzz-002106-no-header.txt")
        #expect(report.sourceFormat == "pdf_text_layout")
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("without a header line") })
    }

    /// Found by scripts/fuzz (pandoc's markdown with its table 3 repeated): so many lines of values
    /// that either of two rows may own that counting the ways to give them out overflowed (which
    /// trapped); the rows are left out.
    @Test func manySharedLinesOfValuesAreLeftOut() throws {
        let report = try Repository.transform("Tests/Fixtures/formats/layout/fuzz-001083-shared-lines.txt")
        #expect(report.sourceFormat == "pdf_text_layout" && report.status == .partial)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("may be either row's") })
    }

    /// Found by scripts/fuzz (PyMuPDF's text with flipped bits): a line break the paragraph split
    /// of LibreOffice's text export did not see as one left a line without a start (which
    /// trapped); the text is not that export, and is read as reading-order text.
    @Test func aDamagedTextIsNotTakenForAnOfficeExport() throws {
        let report = try Repository.transform("\(Self.folder)/fuzz-001971-bit-flips.txt")
        #expect(report.sourceFormat == "pdf_text_flow")
    }

    /// BeautifulSoup's `get_text()` of the 2019 fixture's page glues each row's cells, a blank cell
    /// left as a no-break space (`246427 000673`, 商业企业 blank): 24 | 642 | 7 … also adds up, so a
    /// row with a space among fewer pieces than cells is left out, never split around the space.
    @Test func aSpaceInAGluedRowMayBeABlankCell() throws {
        let gold = try RealReportTests.gold("Tests/Fixtures/formats/template2019", "report-2019.docx")
        let truth = RealReportTests.cells(gold)
        let report = try Repository.transform("\(Self.folder)/report-2019.bs.txt")
        #expect(report.sourceFormat == "web_text_glued")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(read["applications|new_received|natural_person"] == nil)
        #expect(report.diagnostics.contains { $0.detail.contains("may be a blank cell") })
    }

    /// The real WPS-made report through pdfplumber's plain text (144 of its 200 cells: rows whose
    /// values come above a one-line label, or two value lines in one row, left out) and through
    /// `pdftotext -raw` (193, form feeds and all); none wrong.
    @Test(arguments: [("hongze_2024.pdfplumber.txt", 144), ("hongze_2024.raw.txt", 193)])
    func theWPSExportAsOneSpaceRowsReadsWithoutAWrongCell(name: String, cells: Int) throws {
        let gold = try RealReportTests.gold("Tests/Fixtures/real-dev", "hongze_2024.pdf")
        let truth = RealReportTests.cells(gold)
        let report = try Repository.transform("\(Self.folder)/\(name)")
        let read = RealReportTests.cells(report)
        for (key, value) in read { #expect(truth[key] == value, "\(key)") }
        #expect(read.count == cells)
        #expect(report.sourceFormat == "pdf_text_spaced")
        #expect(report.identity.agency == gold.agency)
    }

    /// pdfplumber's layout text puts 行政许可's 358 on the line above the label: the label alone is
    /// not a row of blank cells (0), nor joined to the next section's value.
    @Test func aLabelWithItsValueAboveItIsLeftOut() throws {
        let report = try Repository.transform("\(Self.folder)/plumbl-s1-000137.txt")
        #expect(RealReportTests.cells(report)["proactive_disclosure|licensing|decisions"] == nil)
        #expect(report.diagnostics.contains { $0.code == .cellMissing && $0.detail.contains("行政许可 has no values on its line") })
    }
}

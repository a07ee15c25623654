import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Extract
@testable import XLSX

/// The workbook writer read back through the project's own ZIP reader (which checks every
/// offset and each entry's CRC-32) and an XML parser. (pandas/openpyxl and LibreOffice read the
/// pipeline's workbooks in scripts/interop_check.py.)
@Suite struct WorkbookWriterTests {
    let columns = [WorkbookColumn("name", .text), WorkbookColumn("count", .number), WorkbookColumn("day", .date)]

    /// Writes rows of (name, count, day); nil cells are empty.
    func workbook(_ rows: [(String?, Int64?, Int32?)], rowLimit: Int = WorkbookOptions.excelRowLimit,
                  zip64Threshold: UInt64 = 0xFFFF_FFFF) throws -> [UInt8] {
        let memory = MemoryDestination()
        let writer = try WorkbookWriter(destination: memory, sheetName: "table", columns: columns,
                                        options: WorkbookOptions(rowLimit: rowLimit), zip64Threshold: zip64Threshold)
        for (name, count, day) in rows {
            try writer.beginRow()
            if let name { writer.appendText(name) } else { writer.appendEmpty() }
            if let count { writer.appendInteger(count) } else { writer.appendEmpty() }
            if let day { writer.appendDate(daysSince1970: day) } else { writer.appendEmpty() }
        }
        try writer.close()
        return memory.bytes
    }

    /// Every entry unpacked (CRC-checked), by name; each must be well-formed XML.
    func parts(_ bytes: [UInt8]) throws -> [String: String] {
        let archive = try ZIPArchive(bytes)
        var parts: [String: String] = [:]
        for entry in archive.entries {
            let data = try archive.contents(of: entry, limit: 1 << 30)
            let parser = XMLParser(data: Data(data))
            #expect(parser.parse(), "\(entry.name) is not well-formed XML: \(String(describing: parser.parserError))")
            parts[entry.name] = String(decoding: data, as: UTF8.self)
        }
        return parts
    }

    @Test func aWorkbookHasEveryPartOfSpreadsheetML() throws {
        let parts = try parts(try workbook([("a", 1, 0)]))
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/worksheets/sheet1.xml"])
        #expect(parts["[Content_Types].xml"]!.contains(#"PartName="/xl/worksheets/sheet1.xml""#))
        #expect(parts["xl/workbook.xml"]!.contains(#"<sheet name="table" sheetId="1" r:id="rId1"/>"#))
        #expect(parts["xl/_rels/workbook.xml.rels"]!.contains(#"Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles""#))
    }

    @Test func theHeaderIsBoldAndFrozen() throws {
        let sheet = try parts(try workbook([])) ["xl/worksheets/sheet1.xml"]!
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>name</t></is></c><c r="B1" s="1" t="inlineStr"><is><t>count</t></is></c>"#))
        #expect(sheet.contains(#"<col min="1" max="1" width="16.0" customWidth="1"/>"#))
        #expect(sheet.hasSuffix("</row></sheetData></worksheet>"))
    }

    @Test func cellsAreTyped() throws {
        // 2024-01-31 is day 19753 since 1970 and Excel's serial 45322.
        let sheet = try parts(try workbook([("某市民政局", 42, 19753), (nil, -7, nil), ("x", Int64(1) << 53 + 1, nil)]))["xl/worksheets/sheet1.xml"]!
        #expect(sheet.contains(#"<row r="2"><c r="A2" t="inlineStr"><is><t>某市民政局</t></is></c><c r="B2"><v>42</v></c><c r="C2" s="2"><v>45322</v></c></row>"#))
        // A null is no cell at all.
        #expect(sheet.contains(#"<row r="3"><c r="B3"><v>-7</v></c></row>"#))
        // Beyond 2^53 a double would lose the last digit: text keeps it.
        #expect(sheet.contains(#"<c r="B4" t="inlineStr"><is><t>9007199254740993</t></is></c>"#))
    }

    @Test func numbersAndDatesAtTheEdges() throws {
        let memory = MemoryDestination()
        let writer = try WorkbookWriter(destination: memory, sheetName: "t", columns: [WorkbookColumn("x", .number), WorkbookColumn("d", .date)])
        for (number, day): (Double, Int32) in [(1.25, -25_508), (.nan, -25_509), (1e20, 0)] {
            try writer.beginRow()
            writer.appendNumber(number)
            writer.appendDate(daysSince1970: day)
        }
        try writer.close()
        let sheet = try parts(memory.bytes)["xl/worksheets/sheet1.xml"]!
        // 1900-03-01 is Excel's serial 61; the day before has no true serial in Excel, so it is text.
        #expect(sheet.contains(#"<c r="A2"><v>1.25</v></c><c r="B2" s="2"><v>61</v></c>"#))
        #expect(sheet.contains(#"<c r="A3" t="inlineStr"><is><t>nan</t></is></c><c r="B3" t="inlineStr"><is><t>1900-02-28</t></is></c>"#))
        #expect(sheet.contains(#"<c r="A4"><v>1e+20</v></c><c r="B4" s="2"><v>25569</v></c>"#))
    }

    @Test func textIsEscapedAndCleanedForXML() throws {
        func escaped(_ text: String) -> String {
            var out: [UInt8] = []
            var text = text
            text.withUTF8 { CellEncoding.appendEscaped(UnsafeRawBufferPointer($0), to: &out) }
            return String(decoding: out, as: UTF8.self)
        }
        #expect(escaped("a&b<c>d\"e'") == "a&amp;b&lt;c&gt;d\"e'")
        #expect(escaped("x\u{0}y\u{1}\u{8}\u{B}\u{C}\u{1F}z") == "xyz")
        #expect(escaped("tab\tline\ncr\r") == "tab\tline\ncr\r")
        #expect(escaped("a\u{FFFE}b\u{FFFF}c\u{FFFD}") == "abc\u{FFFD}")
        #expect(escaped("_x0041_ and _x00zz_ and _x") == "_x005F_x0041_ and _x00zz_ and _x")
        #expect(escaped("政府信息公开") == "政府信息公开")
        // Excel's limit is 32,767 UTF-16 units: an emoji is two.
        #expect(escaped(String(repeating: "字", count: 40_000)).count == 32_767)
        #expect(escaped(String(repeating: "😀", count: 20_000)).count == 16_383)

        let memory = MemoryDestination()
        try WorkbookWriter(destination: memory, sheetName: "t", columns: [WorkbookColumn(" a&b ", .text)]).close()
        #expect(try parts(memory.bytes)["xl/worksheets/sheet1.xml"]!.contains(#"<c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve"> a&amp;b </t></is></c>"#))
        let sheet = try parts(try workbook([(" 前后空格 ", 1, nil), ("<&>", 2, nil)]))["xl/worksheets/sheet1.xml"]!
        #expect(sheet.contains(#"<t xml:space="preserve"> 前后空格 </t>"#))
        #expect(sheet.contains("<t>&lt;&amp;&gt;</t>"))
    }

    @Test func sharedStringsAreStoredOnceAndEscaped() throws {
        let memory = MemoryDestination()
        let writer = try WorkbookWriter(destination: memory, sheetName: "t", columns: [WorkbookColumn("code", .text)])
        func shared(_ text: String) -> Int {
            var text = text
            return text.withUTF8 { writer.sharedString(UnsafeRawBufferPointer($0)) }
        }
        for text in ["granted", "<a&b>", "granted", " 空格 "] {
            try writer.beginRow()
            writer.appendSharedString(shared(text))
        }
        try writer.close()
        let parts = try parts(memory.bytes)
        #expect(parts["xl/sharedStrings.xml"]!.hasSuffix(#"count="4" uniqueCount="3"><si><t>granted</t></si><si><t>&lt;a&amp;b&gt;</t></si><si><t xml:space="preserve"> 空格 </t></si></sst>"#))
        #expect(parts["xl/worksheets/sheet1.xml"]!.contains(#"<row r="4"><c r="A4" t="s"><v>0</v></c></row><row r="5"><c r="A5" t="s"><v>2</v></c></row>"#))
        #expect(parts["[Content_Types].xml"]!.contains(#"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#))
        #expect(parts["xl/_rels/workbook.xml.rels"]!.contains(#"<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#))
    }

    @Test func columnLetters() {
        #expect([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map { String(decoding: CellEncoding.columnLetters($0), as: UTF8.self) }
            == ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA", "XFD"])
    }

    @Test func aTableOverTheRowLimitContinuesOnMoreSheetsEachWithTheHeader() throws {
        // 5 rows a sheet: the header and 4 rows; 10 rows take 3 sheets (4, 4, 2).
        let rows: [(String?, Int64?, Int32?)] = (1 ... 10).map { ("r\($0)", Int64($0), nil) }
        let parts = try parts(try workbook(rows, rowLimit: 5))
        #expect(parts["xl/workbook.xml"]!.contains(#"<sheets><sheet name="table" sheetId="1" r:id="rId1"/><sheet name="table (2)" sheetId="2" r:id="rId2"/><sheet name="table (3)" sheetId="3" r:id="rId3"/></sheets>"#))
        #expect(parts["[Content_Types].xml"]!.contains("/xl/worksheets/sheet3.xml"))
        #expect(parts["xl/worksheets/sheet4.xml"] == nil)
        for (number, first, last) in [(1, 1, 4), (2, 5, 8), (3, 9, 10)] {
            let sheet = parts["xl/worksheets/sheet\(number).xml"]!
            #expect(sheet.contains(#"<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>name</t>"#))
            #expect(sheet.contains("<t>r\(first)</t>") && sheet.contains("<t>r\(last)</t>"))
            #expect(!sheet.contains("<t>r\(first - 1)</t>") && !sheet.contains("<t>r\(last + 1)</t>"))
            #expect(sheet.contains(#"<row r="\#(last - first + 2)">"#) && !sheet.contains(#"<row r="\#(last - first + 3)">"#))
            #expect(sheet.contains("tabSelected") == (number == 1))
        }
        // Exactly full: no empty extra sheet.
        let full = try self.parts(try workbook(Array(rows.prefix(8)), rowLimit: 5))
        #expect(full["xl/worksheets/sheet2.xml"] != nil && full["xl/worksheets/sheet3.xml"] == nil)
    }

    @Test func sheetNamesFollowExcelsRules() {
        #expect(WorkbookParts.sheetName("applications", number: 1) == "applications")
        #expect(WorkbookParts.sheetName("applications", number: 2) == "applications (2)")
        #expect(WorkbookParts.sheetName("a/b[c]:d*e?f\\g", number: 1) == "abcdefg")
        #expect(WorkbookParts.sheetName(String(repeating: "x", count: 40), number: 12) == String(repeating: "x", count: 26) + " (12)")
        #expect(WorkbookParts.sheetName("??", number: 1) == "Sheet")
        #expect(WorkbookParts.workbook(sheetNames: ["a&b"]).contains(#"name="a&amp;b""#))
    }

    @Test func theSameRowsGiveTheSameBytes() throws {
        let rows: [(String?, Int64?, Int32?)] = (1 ... 500).map { ("第\($0)行", Int64($0 * 7), Int32($0)) }
        let first = try workbook(rows, rowLimit: 300)
        #expect(first == (try workbook(rows, rowLimit: 300)))
        #expect(first != (try workbook(rows.reversed(), rowLimit: 300)))
        // Every entry carries the fixed time: 00:00 on 1980-01-01.
        let archive = try ZIPArchive(first)
        #expect(archive.entries.count == 7)
        #expect(first[10 ..< 14] == [0, 0, 0x21, 0])
    }

    @Test func zip64FieldsAreWrittenWhenSizesOrOffsetsDoNotFit() throws {
        // A threshold of 0 makes every size and offset "too large" for the classic fields.
        let rows: [(String?, Int64?, Int32?)] = (1 ... 50).map { ("row \($0)", Int64($0), nil) }
        let large = try workbook(rows, zip64Threshold: 0)
        let parts = try parts(large)
        #expect(parts["xl/worksheets/sheet1.xml"] == (try self.parts(try workbook(rows)))["xl/worksheets/sheet1.xml"])
        // The end record points to the ZIP64 end record.
        #expect(Array(large.suffix(22).prefix(4)) == [0x50, 0x4B, 0x05, 0x06])
        #expect(Array(large.suffix(22 + 20).prefix(4)) == [0x50, 0x4B, 0x06, 0x07])
    }

    @Test func aLargeSheetStreamsThroughSeveralBuffers() throws {
        // Over 256 KiB of XML, so the sheet is handed to zlib in several pieces.
        let rows: [(String?, Int64?, Int32?)] = (1 ... 20_000).map { ("报告\($0)", Int64($0), Int32($0 % 20_000)) }
        let sheet = try parts(try workbook(rows))["xl/worksheets/sheet1.xml"]!
        #expect(sheet.utf8.count > 1 << 19)
        #expect(sheet.contains(#"<row r="20001"><c r="A20001" t="inlineStr"><is><t>报告20000</t></is></c><c r="B20001"><v>20000</v></c><c r="C20001" s="2"><v>25569</v></c></row></sheetData>"#))
    }
}

import DisclosureModel
import Testing
@testable import Load

/// CSV as RFC 4180 says, readable by Excel, pandas and DuckDB alike.
@Suite struct CSVWriterTests {
    @Test func fieldsWithCommasQuotesAndNewlinesAreQuoted() {
        var table = DatasetTable(schema: Datasets.rejects)
        table.append([.string("a,b.txt"), .string("binary"), .string("say \"hi\"\nthen")])
        let text = String(decoding: CSVWriter.encode(table), as: UTF8.self)
        #expect(text == "source_path,reason,detail\r\n\"a,b.txt\",binary,\"say \"\"hi\"\"\nthen\"\r\n")
    }

    @Test func codeColumnsAreQuotedLikeOtherText() {
        let schema = DatasetSchema(name: "t", columns: [DatasetColumn("code", codes: ["plain", "a,b"]), DatasetColumn("n", .int64)])
        var table = DatasetTable(schema: schema)
        for (code, n) in [(1, 1), (0, 2), (1, 3)] {
            table.append(code: code, at: 0)
            table.append(Int64(n), at: 1)
        }
        table.append([.string("new \"one\""), .int(4)])
        let text = String(decoding: CSVWriter.encode(table), as: UTF8.self)
        #expect(text == "code,n\r\n\"a,b\",1\r\nplain,2\r\n\"a,b\",3\r\n\"new \"\"one\"\"\",4\r\n")
    }

    @Test func datesAndNullsAndNumbersAreWrittenPlainly() {
        var table = DatasetTable(schema: Datasets.reports)
        let date = CalendarDate(year: 2024, month: 1, day: 8)!
        table.append([.string("id"), .string("p.txt"), .string("pdf_text_tab"), .string("2021"), .string("utf-8"), .string("某局"),
                      .int(2023), .date(date.daysSinceEpoch), .date(nil), .string("ok"), .int(0), .int(3), .int(1), .int(0)])
        let lines = String(decoding: CSVWriter.encode(table), as: UTF8.self).split(separator: "\r\n")
        #expect(lines[1] == "id,p.txt,pdf_text_tab,2021,utf-8,某局,2023,2024-01-08,,ok,0,3,1,0")
    }

    @Test func datesRoundTripThroughDaysSinceEpoch() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2023, 12, 31), (2024, 3, 1), (1969, 12, 31)] {
            let date = CalendarDate(year: y, month: m, day: d)!
            #expect(CSVWriter.formatDate(date.daysSinceEpoch) == date.description)
        }
        #expect(CalendarDate(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
        #expect(CalendarDate(year: 2024, month: 1, day: 8)!.daysSinceEpoch == 19730)
    }

    @Test func doublesPrintWithoutNoise() {
        #expect(CSVWriter.formatDouble(0) == "0")
        #expect(CSVWriter.formatDouble(41) == "41")
        #expect(CSVWriter.formatDouble(12.5) == "12.5")
        #expect(CSVWriter.formatDouble(0.1) == "0.1")
    }

    @Test func integersPrintInDecimal() {
        for value: Int64 in [0, 9, 10, -1, -10, 123_456_789, .max, .min] {
            var out: [UInt8] = []
            CSVWriter.appendInteger(value, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == String(value))
        }
    }

    @Test func specialBytesAreFoundAtAnyPosition() {
        let base = Array(repeating: "某", count: 7).joined() + "abcdefghij"
        for special in [",", "\"", "\n", "\r"] {
            for position in [0, 3, 7, 8, 15, base.utf8.count] {
                var text = Array(base.utf8)
                text.insert(special.utf8.first!, at: position)
                #expect(text.withUnsafeBytes { CSVSpecialBytes.occur(in: $0) })
            }
        }
        #expect(!Array(base.utf8).withUnsafeBytes { CSVSpecialBytes.occur(in: $0) })
    }

    /// OWASP's CSV injection advice: a text field a spreadsheet would run as a formula gets a `'`
    /// first (inside the quotes when it has them); numbers never do.
    @Test func textThatStartsLikeAFormulaIsNeutralized() {
        let schema = DatasetSchema(name: "t", columns: [DatasetColumn("text", .string), DatasetColumn("n", .int64)])
        var table = DatasetTable(schema: schema)
        let texts = ["=HYPERLINK(\"x\")", "+SUM(1+1)", "-", "@cmd", "\tx", "\rx", "'=x", "'", "a=b", "报告", "'a"]
        for (index, text) in texts.enumerated() { table.append([.string(text), .int(-Int64(index))]) }
        let lines = String(decoding: CSVWriter.encode(table), as: UTF8.self).components(separatedBy: "\r\n")
        #expect(Array(lines.dropFirst().dropLast()) == [
            #""'=HYPERLINK(""x"")",0"#, "'+SUM(1+1),-1", "'-,-2", "'@cmd,-3", "'\tx,-4", "\"'\rx\",-5", "''=x,-6", "',-7",
            "a=b,-8", "报告,-9", "'a,-10",
        ])
    }
}

import Testing
@testable import Extract

/// Files are recognized by their bytes, whatever their name.
@Suite struct SourceKindTests {
    @Test func pdfWordHTMLAndOLEAreToldApartByContent() throws {
        #expect(SourceKind.sniff(try Fixture.bytes("Tests/Fixtures/formats/pdf/anyang-2023.pdf")) == .pdf)
        #expect(SourceKind.sniff(try Fixture.bytes("Tests/Fixtures/formats/docx/kaifeng-2023.docx")) == .zip)
        #expect(SourceKind.sniff(try Fixture.bytes("Tests/Fixtures/formats/html/luoyang-2023.html")) == .html)
        #expect(SourceKind.sniff(try Fixture.bytes("Tests/Fixtures/formats/html/xinxiang-2022-gb2312.html")) == .html)
        #expect(SourceKind.sniff(try Fixture.bytes("Tests/Fixtures/formats/rejects/legacy-word97.doc")) == .legacyOffice)
    }

    @Test func textReportsStayText() throws {
        for seed in ["000_a4d9d5453e5df20b", "001_596f64b8fe124db2", "002_d3cf8b1128643171", "003_4d0dc32836f03b08", "004_d92da6674a0d90b8"] {
            #expect(SourceKind.sniff(try Fixture.bytes("samples/\(seed).txt")) == .text, "\(seed)")
        }
    }

    @Test func aPDFHeaderAfterJunkBytesIsStillAPDF() {
        #expect(SourceKind.sniff(Array("\r\n\r\n%PDF-1.7\n%âãÏÓ".utf8)) == .pdf)
    }

    @Test func markupAfterABOMAndBlankLinesIsHTMLButATextReportIsNot() {
        #expect(SourceKind.sniff([0xEF, 0xBB, 0xBF] + Array("\n\n  <!DOCTYPE HTML PUBLIC>\n<HTML>".utf8)) == .html)
        #expect(SourceKind.sniff(Array("<table border=1><tr><td>规章</td></tr></table>".utf8)) == .html)
        #expect(SourceKind.sniff(Array("焦作市民政局2023年政府信息公开工作年度报告\n<一>总体情况".utf8)) == .text)
    }

    /// A page's body stored without `<html>` (a kiosk app's copy) starts with `<p style=…>`.
    @Test func aFragmentStartingWithAnotherElementIsHTMLButAnAngleBracketedTitleIsNot() throws {
        #expect(SourceKind.sniff(try Fixture.bytes("Tests/Fixtures/real-dev/shanghai_office_2019.html")) == .html)
        #expect(SourceKind.sniff(Array("<P ALIGN=center>2019年报告</P>\n<p>一、总体情况</p>".utf8)) == .html)
        #expect(SourceKind.sniff(Array("<span>报告</span>".utf8)) == .html)
        // An element name alone is not enough: the fragment must close a tag.
        #expect(SourceKind.sniff(Array("<p 2019年度报告\n一、总体情况".utf8)) == .text)
        #expect(SourceKind.sniff(Array("<政府信息公开>年度报告</政府信息公开>".utf8)) == .text)
        #expect(SourceKind.sniff(Array("<pre>报告</pre>".utf8)) == .text)
    }
}

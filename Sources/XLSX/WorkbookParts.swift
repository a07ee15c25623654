/// The fixed parts of a workbook around its worksheets: content types, relationships, the
/// workbook (its sheet list) and the styles the cells refer to.
enum WorkbookParts {
    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func sheetPath(_ number: Int) -> String { "xl/worksheets/sheet\(number).xml" }

    static func contentTypes(sheets: Int, sharedStrings: Bool = false) -> String {
        var xml = declaration + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        if sharedStrings {
            xml += #"<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>"#
        }
        for number in 1 ... sheets {
            xml += #"<Override PartName="/\#(sheetPath(number))" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        }
        return xml + "</Types>"
    }

    static let packageRelationships = declaration
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relationshipNamespace)/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>"

    static func workbook(sheetNames: [String]) -> String {
        var xml = declaration + #"<workbook xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, name) in sheetNames.enumerated() {
            xml += #"<sheet name="\#(attribute(name))" sheetId="\#(index + 1)" r:id="rId\#(index + 1)"/>"#
        }
        return xml + "</sheets></workbook>"
    }

    /// Worksheets are rId1…rIdN, the styles rIdN+1, the shared strings rIdN+2.
    static func workbookRelationships(sheets: Int, sharedStrings: Bool = false) -> String {
        var xml = declaration + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for number in 1 ... sheets {
            xml += #"<Relationship Id="rId\#(number)" Type="\#(relationshipNamespace)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
        }
        xml += #"<Relationship Id="rId\#(sheets + 1)" Type="\#(relationshipNamespace)/styles" Target="styles.xml"/>"#
        if sharedStrings {
            xml += #"<Relationship Id="rId\#(sheets + 2)" Type="\#(relationshipNamespace)/sharedStrings" Target="sharedStrings.xml"/>"#
        }
        return xml + "</Relationships>"
    }

    /// Three cell formats: 0 the default, 1 bold (the header), 2 a `yyyy-mm-dd` date; cells refer
    /// to them by index (`s="1"`, `s="2"` in `SheetWriter`).
    static let styles = declaration + #"<styleSheet xmlns="\#(mainNamespace)">"#
        + #"<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>"#
        + #"<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#
        + #"<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>"#
        + #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        + #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        + #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        + #"<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#
        + #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#
        + #"<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>"#
        + #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        + "</styleSheet>"

    /// A worksheet's start: the header row frozen (a pane below it), selected when `first`,
    /// the column widths, then the opening of its rows.
    static func worksheetStart(columns: [WorkbookColumn], first: Bool) -> String {
        var xml = declaration + #"<worksheet xmlns="\#(mainNamespace)" xmlns:r="\#(relationshipNamespace)">"#
        xml += #"<sheetViews><sheetView \#(first ? #"tabSelected="1" "# : "")workbookViewId="0">"#
        xml += #"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !columns.isEmpty {
            xml += "<cols>"
            for (index, column) in columns.enumerated() {
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(column.width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        return xml + "<sheetData>"
    }

    static let worksheetEnd = "</sheetData></worksheet>"

    /// A sheet name as Excel allows it: none of `[ ] : * ? / \`, at most 31 characters with
    /// the ` (2)` of a later sheet, not empty.
    static func sheetName(_ base: String, number: Int) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var name = String(base.filter { !forbidden.contains($0) && !$0.isNewline })
        if name.isEmpty { name = "Sheet" }
        let suffix = number == 1 ? "" : " (\(number))"
        // Excel counts UTF-16 units.
        while name.utf16.count + suffix.utf16.count > 31 { name.removeLast() }
        return name + suffix
    }

    /// Text for an XML attribute value.
    static func attribute(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}

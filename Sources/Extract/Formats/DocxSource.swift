import DisclosureModel
import Foundation
import ZIPFoundation

/// Reads a Word `.docx`: `word/document.xml` from the ZIP, its paragraphs as lines and its tables
/// (`w:tbl`/`w:tr`/`w:tc`) row by row.
///
/// A cell merged across columns (`w:gridSpan`) or down rows (`w:vMerge`) is read once, where it
/// starts; the continuation cells of a vertical merge are left out rather than read as empty cells,
/// which would be taken for values.
enum DocxSource {
    /// A document.xml larger than this is not a report (and may be a ZIP bomb).
    static let largestDocument: UInt64 = 64 << 20

    static func read(_ bytes: [UInt8]) -> Result<StructuredText, FormatFailure> {
        let archive: Archive
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            return .failure(damaged("the ZIP container cannot be opened (\(error)); the file is truncated or corrupt"))
        }
        guard let entry = archive["word/document.xml"] else {
            let names = archive.prefix(5).map(\.path).joined(separator: ", ")
            if archive["[Content_Types].xml"] != nil && names.contains("word/") {
                return .failure(damaged("the ZIP holds no word/document.xml"))
            }
            return .failure(FormatFailure(.unsupportedFormat,
                "a ZIP archive that is not a Word document (no word/document.xml; first entries: \(names)); if it holds reports, unzip them into the input folder"))
        }
        guard entry.uncompressedSize <= largestDocument else {
            return .failure(damaged("word/document.xml would unpack to \(entry.uncompressedSize) bytes, more than a report holds"))
        }
        var xml: [UInt8] = []
        xml.reserveCapacity(Int(entry.uncompressedSize))
        do {
            _ = try archive.extract(entry) { chunk in xml.append(contentsOf: chunk) }
        } catch {
            return .failure(damaged("word/document.xml cannot be unpacked (\(error))"))
        }
        guard let tree = XMLTree.xml(xml), let root = tree.root, let body = root.elements("body").first else {
            return .failure(damaged("word/document.xml is not well-formed XML with a w:body"))
        }
        var reader = DocxBodyReader()
        reader.readBlocks(body)
        return .success(StructuredText(text: reader.text, format: "docx", encoding: "utf-8"))
    }

    static func damaged(_ why: String) -> FormatFailure {
        FormatFailure(.docxDamaged, "a damaged Word document: \(why). Open it in Word or LibreOffice and save it again as .docx")
    }
}

/// Turns the body of document.xml into lines.
struct DocxBodyReader {
    var text = VirtualText()
    private var tableCount = 0
    private var paragraphCount = 0

    /// Paragraphs and tables in order, also inside content controls (`w:sdt`) and custom XML.
    mutating func readBlocks(_ parent: XMLNode) {
        for child in parent.children where child.isElement {
            switch child.name {
            case "p":
                paragraphCount += 1
                text.paragraph(DocxBodyReader.paragraphText(child), origin: "docx paragraph \(paragraphCount)")
            case "tbl": readTable(child)
            case "sdt", "sdtContent", "customXml", "ins": readBlocks(child)
            default: continue
            }
        }
    }

    private mutating func readTable(_ table: XMLNode) {
        tableCount += 1
        let number = tableCount
        var rowNumber = 0
        for row in DocxBodyReader.children(of: table, named: "tr") {
            rowNumber += 1
            var cells: [String] = []
            for cell in DocxBodyReader.children(of: row, named: "tc") {
                let properties = cell.elements("tcPr").first
                if let merge = properties?.elements("vMerge").first, (merge.attribute("val") ?? "continue") != "restart" {
                    continue
                }
                cells.append(DocxBodyReader.cellText(cell))
            }
            text.row(cells, origin: "docx table \(number), row \(rowNumber)")
        }
    }

    /// Children with a name, looking through content controls that wrap rows or cells.
    static func children(of parent: XMLNode, named name: String) -> [XMLNode] {
        var out: [XMLNode] = []
        for child in parent.children where child.isElement {
            if child.name == name {
                out.append(child)
            } else if ["sdt", "sdtContent", "customXml"].contains(child.name) {
                out += children(of: child, named: name)
            }
        }
        return out
    }

    /// A cell's paragraphs joined without a break: Word breaks long labels over paragraphs (商业 / 企业).
    static func cellText(_ cell: XMLNode) -> String {
        var parts: [String] = []
        collectParagraphs(cell, into: &parts)
        return parts.joined()
    }

    private static func collectParagraphs(_ node: XMLNode, into parts: inout [String]) {
        for child in node.children where child.isElement {
            if child.name == "p" { parts.append(paragraphText(child)) } else { collectParagraphs(child, into: &parts) }
        }
    }

    /// The text of `w:t` runs; tabs and breaks become spaces; deleted text and the fallback copy
    /// of drawings (`mc:Fallback`) are skipped.
    static func paragraphText(_ paragraph: XMLNode) -> String {
        var out = ""
        func visit(_ node: XMLNode) {
            for child in node.children where child.isElement {
                switch child.name {
                case "t": out += child.children.filter(\.isText).map(\.content).joined()
                case "tab", "br", "cr": out += " "
                case "del", "Fallback", "instrText", "delText", "rPr", "pPr": continue
                default: visit(child)
                }
            }
        }
        visit(paragraph)
        return out
    }
}

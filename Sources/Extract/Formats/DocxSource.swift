import DisclosureModel

/// Reads a Word `.docx`: `word/document.xml` from the ZIP, its paragraphs as lines and its tables
/// (`w:tbl`/`w:tr`/`w:tc`) row by row.
///
/// A cell merged across columns (`w:gridSpan`) or down rows (`w:vMerge`) is read once, where it
/// starts; the continuation cells of a vertical merge are left out rather than read as empty cells,
/// which would be taken for values.
enum DocxSource {
    /// A document.xml larger than this is not a report (and may be a ZIP bomb): unpacking stops here.
    static let largestDocument = 64 << 20

    static func read(_ bytes: [UInt8]) -> Result<StructuredText, FormatFailure> {
        let xml: [UInt8]
        do throws(ZIPArchive.Failure) {
            let archive = try ZIPArchive(bytes)
            guard let entry = archive["word/document.xml"] else {
                let names = archive.entries.prefix(5).map(\.name).joined(separator: ", ")
                if archive["[Content_Types].xml"] != nil && names.contains("word/") {
                    return .failure(damaged("the ZIP holds no word/document.xml"))
                }
                return .failure(FormatFailure(.unsupportedFormat,
                    "a ZIP archive that is not a Word document (no word/document.xml; first entries: \(names)); if it holds reports, unzip them into the input folder"))
            }
            xml = try archive.contents(of: entry, limit: largestDocument)
        } catch {
            switch error {
            case .damaged(let why): return .failure(damaged(why))
            case .tooLarge(let why): return .failure(FormatFailure(.tooLarge, "a Word document too large to be a report, or a ZIP bomb: \(why)"))
            }
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
///
/// Every walk keeps its own stack of nodes instead of recursing: a document nests tables and
/// content controls as deep as it likes (30,000 levels would overflow a worker thread's stack).
struct DocxBodyReader {
    var text = VirtualText()
    private var tableCount = 0
    private var paragraphCount = 0

    /// Paragraphs and tables in order, also inside content controls (`w:sdt`) and custom XML.
    mutating func readBlocks(_ parent: XMLNode) {
        var pending = Array(parent.children.reversed())
        while let child = pending.popLast() {
            guard child.isElement else { continue }
            switch child.name {
            case "p":
                paragraphCount += 1
                text.paragraph(DocxBodyReader.paragraphText(child), origin: "docx paragraph \(paragraphCount)")
            case "tbl": readTable(child)
            case "sdt", "sdtContent", "customXml", "ins": pending.append(contentsOf: child.children.reversed())
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

    static let wrappers: Set<String> = ["sdt", "sdtContent", "customXml"]

    /// Children with a name, looking through content controls that wrap rows or cells.
    static func children(of parent: XMLNode, named name: String) -> [XMLNode] {
        var out: [XMLNode] = []
        var pending = Array(parent.children.reversed())
        while let child = pending.popLast() {
            guard child.isElement else { continue }
            let childName = child.name
            if childName == name {
                out.append(child)
            } else if wrappers.contains(childName) {
                pending.append(contentsOf: child.children.reversed())
            }
        }
        return out
    }

    /// A cell's paragraphs joined without a break: Word breaks long labels over paragraphs (商业 / 企业).
    /// The paragraphs of a table nested in the cell are part of its text.
    static func cellText(_ cell: XMLNode) -> String {
        var parts: [String] = []
        var pending = Array(cell.children.reversed())
        while let node = pending.popLast() {
            guard node.isElement else { continue }
            if node.name == "p" { parts.append(paragraphText(node)) } else { pending.append(contentsOf: node.children.reversed()) }
        }
        return parts.joined()
    }

    /// The text of `w:t` runs; tabs and breaks become spaces; deleted text and the fallback copy
    /// of drawings (`mc:Fallback`) are skipped.
    static func paragraphText(_ paragraph: XMLNode) -> String {
        var out = ""
        var pending = Array(paragraph.children.reversed())
        while let node = pending.popLast() {
            guard node.isElement else { continue }
            switch node.name {
            case "t": out += node.children.filter(\.isText).map(\.content).joined()
            case "tab", "br", "cr": out += " "
            case "del", "Fallback", "instrText", "delText", "rPr", "pPr": continue
            default: pending.append(contentsOf: node.children.reversed())
            }
        }
        return out
    }
}

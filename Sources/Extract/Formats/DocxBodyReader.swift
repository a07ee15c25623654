import CLibXML2

/// Turns the body of document.xml into lines, reading it with libxml2's streaming reader
/// (`xmlTextReader`) rather than as a tree: a tree costs ~130 bytes a node, so a 200 KB .docx
/// whose document.xml unpacks to 60 MB of tiny paragraphs took 1.2 GB. No recursion either: what
/// each open element is (a row, a cell, a paragraph, …) is kept on a stack, so tables and content
/// controls nest as deep as they like.
///
/// - Paragraphs (`w:p`) of the body are lines, also inside content controls (`w:sdt`), custom XML
///   and insertions; tables (`w:tbl`) are rows of cells, their rows and cells found through content
///   controls too.
/// - A cell's paragraphs are joined without a break: Word breaks long labels over paragraphs
///   (商业 / 企业); the paragraphs of a table nested in a cell are part of its text.
/// - A cell that continues a vertical merge (`w:vMerge` without `w:val="restart"`) is left out.
/// - A paragraph's text is its `w:t` runs; tabs and breaks become spaces; deleted text, field
///   codes, properties and the fallback copy of drawings (`mc:Fallback`) are skipped.
struct DocxBodyReader {
    /// What an open element is to the reader.
    enum Role: Equatable {
        /// The document element, before the body.
        case document
        /// The body, or a wrapper in it: its paragraphs and tables are read.
        case blocks
        case table, tableWrapper, row, rowWrapper, cell
        /// A cell's first `w:tcPr`, where a vertical merge is declared.
        case cellProperties
        /// Anything else in a cell: its paragraphs are the cell's.
        case inCell
        /// A paragraph, or an element in one whose text counts.
        case paragraph
        /// A `w:t` run: its text nodes are the paragraph's.
        case text
        case ignored
    }

    static let wrappers: Set<String> = ["sdt", "sdtContent", "customXml"]
    static let skippedInParagraph: Set<String> = ["del", "Fallback", "instrText", "delText", "rPr", "pPr"]

    private(set) var text = VirtualText()
    private var roles: [Role] = []
    private var sawBody = false
    private var tableCount = 0
    private var rowNumber = 0
    private var paragraphCount = 0
    private var paragraph = ""
    /// Open paragraphs: the outermost one collects the text.
    private var paragraphDepth = 0
    private var cells: [String] = []
    private var cellParts: [String] = []
    private var cellHasProperties = false
    private var cellMergeSeen = false
    private var cellContinuesMerge = false

    /// The body's lines, or nil when the XML is not well-formed or has no `w:body`.
    static func read(_ xml: [UInt8]) -> VirtualText? {
        guard !xml.isEmpty, xml.count < Int(Int32.max) else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        return xml.withUnsafeBufferPointer { buffer -> VirtualText? in
            let reader = buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReaderForMemory($0, Int32(buffer.count), nil, nil, options)
            }
            guard let reader else { return nil }
            defer { xmlFreeTextReader(reader) }
            var body = DocxBodyReader()
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                guard status == 1 else { return nil }
                switch xmlTextReaderNodeType(reader) {
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                    body.start(name, value: { DocxBodyReader.attribute(reader, "val") })
                    if xmlTextReaderIsEmptyElement(reader) == 1 { body.end() }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    body.end()
                case Int32(XML_READER_TYPE_TEXT.rawValue), Int32(XML_READER_TYPE_CDATA.rawValue),
                     Int32(XML_READER_TYPE_WHITESPACE.rawValue), Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue):
                    if body.roles.last == .text, let value = xmlTextReaderConstValue(reader) {
                        body.paragraph += String(cString: value)
                    }
                default: continue
                }
            }
            return body.sawBody ? body.text : nil
        }
    }

    /// An attribute of the current element by local name (`w:val` → `val`).
    private static func attribute(_ reader: xmlTextReaderPtr, _ local: String) -> String? {
        defer { xmlTextReaderMoveToElement(reader) }
        var more = xmlTextReaderMoveToFirstAttribute(reader)
        while more == 1 {
            if let name = xmlTextReaderConstLocalName(reader), String(cString: name).lowercased() == local {
                return xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
            }
            more = xmlTextReaderMoveToNextAttribute(reader)
        }
        return nil
    }

    private mutating func start(_ name: String, value: () -> String?) {
        let role: Role
        switch roles.last {
        case nil: role = .document
        case .document?: role = name == "body" && !sawBody ? .blocks : .ignored
        case .blocks?:
            switch name {
            case "p": role = .paragraph
            case "tbl": role = .table
            case "sdt", "sdtContent", "customXml", "ins": role = .blocks
            default: role = .ignored
            }
        case .table?, .tableWrapper?:
            role = name == "tr" ? .row : Self.wrappers.contains(name) ? .tableWrapper : .ignored
        case .row?, .rowWrapper?:
            role = name == "tc" ? .cell : Self.wrappers.contains(name) ? .rowWrapper : .ignored
        case .cell?:
            if name == "tcPr", !cellHasProperties {
                cellHasProperties = true
                role = .cellProperties
            } else {
                role = name == "p" ? .paragraph : .inCell
            }
        case .cellProperties?:
            if name == "vMerge", !cellMergeSeen {
                cellMergeSeen = true
                cellContinuesMerge = (value() ?? "continue") != "restart"
            }
            role = .ignored
        case .inCell?:
            role = name == "p" ? .paragraph : .inCell
        case .paragraph?:
            switch name {
            case "t": role = .text
            case "tab", "br", "cr":
                paragraph += " "
                role = .ignored
            default: role = Self.skippedInParagraph.contains(name) ? .ignored : .paragraph
            }
        case .text?, .ignored?:
            role = .ignored
        }
        switch role {
        case .blocks where roles.last == .document: sawBody = true
        case .table:
            tableCount += 1
            rowNumber = 0
        case .row:
            rowNumber += 1
            cells.removeAll(keepingCapacity: true)
        case .cell:
            cellParts.removeAll(keepingCapacity: true)
            cellHasProperties = false
            cellMergeSeen = false
            cellContinuesMerge = false
        case .paragraph:
            paragraphDepth += 1
        default: break
        }
        roles.append(role)
    }

    private mutating func end() {
        guard let role = roles.popLast() else { return }
        switch role {
        case .paragraph:
            paragraphDepth -= 1
            guard paragraphDepth == 0 else { return }
            if roles.last == .blocks {
                paragraphCount += 1
                text.paragraph(paragraph, origin: "docx paragraph \(paragraphCount)")
            } else {
                cellParts.append(paragraph)
            }
            paragraph = ""
        case .cell:
            if !cellContinuesMerge { cells.append(cellParts.joined()) }
        case .row:
            text.row(cells, origin: "docx table \(tableCount), row \(rowNumber)")
        default: break
        }
    }
}

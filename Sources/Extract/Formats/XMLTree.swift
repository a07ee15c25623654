import CLibXML2

/// A document parsed by libxml2's XML parser (a .docx's document.xml), freed when the tree is
/// released; web pages are read as a stream of events instead (`HTMLEventParser`). Used on one thread at a time.
final class XMLTree {
    let document: xmlDocPtr

    private init(_ document: xmlDocPtr) {
        self.document = document
    }

    deinit { xmlFreeDoc(document) }

    /// libxml2 must be initialised once before documents are parsed on several threads.
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses well-formed XML without network access or entity expansion; nil when it is not XML.
    static func xml(_ bytes: [UInt8]) -> XMLTree? {
        _ = initialised
        guard bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_COMPACT.rawValue | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
                }
            } ?? nil
        }
        return document.map(XMLTree.init)
    }

    var root: XMLNode? { xmlDocGetRootElement(document).map(XMLNode.init) }
}

/// A node of an `XMLTree`; valid only while its tree is alive.
struct XMLNode {
    let pointer: xmlNodePtr

    var isElement: Bool { pointer.pointee.type == XML_ELEMENT_NODE }
    var isText: Bool { pointer.pointee.type == XML_TEXT_NODE || pointer.pointee.type == XML_CDATA_SECTION_NODE }

    /// The local name (no namespace prefix), as libxml2 stores it: lower case for HTML.
    var name: String {
        guard let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// Child nodes in document order.
    var children: [XMLNode] {
        var out: [XMLNode] = []
        var child = pointer.pointee.children
        while let node = child {
            out.append(XMLNode(pointer: node))
            child = node.pointee.next
        }
        return out
    }

    /// Child elements with the given local name.
    func elements(_ local: String) -> [XMLNode] {
        children.filter { $0.isElement && $0.name == local }
    }

    /// Text of a text node.
    var content: String {
        guard let content = pointer.pointee.content else { return "" }
        return String(cString: content)
    }

    /// An attribute's value by local name (case-insensitive for HTML's upper-case attributes).
    func attribute(_ local: String) -> String? {
        var attribute = pointer.pointee.properties
        while let current = attribute {
            if let name = current.pointee.name, String(cString: name).lowercased() == local {
                var value = ""
                var child = current.pointee.children
                while let node = child {
                    if let content = node.pointee.content { value += String(cString: content) }
                    child = node.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }
}

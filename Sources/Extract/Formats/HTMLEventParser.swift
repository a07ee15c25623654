import CLibXML2

/// Receives a page's elements and text in document order, as libxml2's HTML parser reads them.
/// Every start has its end: the parser closes what the page leaves open.
protocol HTMLEventSink: AnyObject {
    func start(_ name: String, attributes: HTMLAttributes)
    func end(_ name: String)
    func text(_ bytes: UnsafeBufferPointer<UInt8>)
}

/// An element's attributes as the parser hands them over (name, value, …, NULL); valid during `start` only.
struct HTMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

    /// An attribute's value by name, case-insensitively.
    func value(_ wanted: String) -> String? {
        guard var pair = pairs else { return nil }
        while let name = pair.pointee {
            let value = pair.advanced(by: 1).pointee
            if String(cString: name).lowercased() == wanted { return value.map { String(cString: $0) } ?? "" }
            pair = pair.advanced(by: 2)
        }
        return nil
    }
}

/// Parses UTF-8 HTML leniently, as browsers do, with libxml2's HTML parser as a stream of events
/// (SAX) rather than a tree: a tree costs ~130 bytes a node, 1.7 GB for a 50 MB page of table cells,
/// where the events cost nothing beyond what the sink keeps. No depth limit (`HTML_PARSE_HUGE`):
/// the sinks keep counters and stacks of their own, no recursion.
enum HTMLEventParser {
    /// libxml2 takes the length as a 32-bit int.
    static let largestInput = Int(Int32.max) - 1

    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// False when the page is larger than `largestInput` or the parser could not start.
    static func parse(utf8 bytes: [UInt8], into sink: HTMLEventSink) -> Bool {
        _ = initialised
        guard !bytes.isEmpty, bytes.count <= largestInput, let context = htmlNewParserCtxt() else { return false }
        defer { htmlFreeParserCtxt(context) }
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            HTMLEventParser.sink(context)?.start(String(cString: name), attributes: HTMLAttributes(pairs: attributes))
        }
        handler.endElement = { context, name in
            guard let name else { return }
            HTMLEventParser.sink(context)?.end(String(cString: name))
        }
        handler.characters = { context, text, length in
            guard let text, length > 0 else { return }
            HTMLEventParser.sink(context)?.text(UnsafeBufferPointer(start: text, count: Int(length)))
        }
        handler.cdataBlock = handler.characters
        handler.initialized = 1
        context.pointee.sax.pointee = handler
        let box = SinkBox(sink)
        context.pointee._private = Unmanaged.passUnretained(box).toOpaque()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCtxtReadMemory(context, $0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        // No handler builds a tree; free whatever the parser made of its own.
        if let document { xmlFreeDoc(document) }
        withExtendedLifetime(box) {}
        return true
    }

    /// The sink of the parse, kept in the context's `_private`; the callbacks get the context
    /// itself as their user data.
    private static func sink(_ context: UnsafeMutableRawPointer?) -> HTMLEventSink? {
        guard let parser = context?.assumingMemoryBound(to: htmlParserCtxt.self), let sink = parser.pointee._private else { return nil }
        return Unmanaged<SinkBox>.fromOpaque(sink).takeUnretainedValue().sink
    }

    private final class SinkBox {
        let sink: HTMLEventSink
        init(_ sink: HTMLEventSink) { self.sink = sink }
    }
}

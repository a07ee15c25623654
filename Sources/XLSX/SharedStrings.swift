/// The workbook's shared-string table (`xl/sharedStrings.xml`): each distinct text once, cells
/// refer to it by index. Texts are kept as UTF-8 back to back; written at the end, escaped.
struct SharedStrings {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var indexes: [[UInt8]: Int] = [:]
    /// Cells that refer to the table (the `count` Excel records).
    var references = 0

    var isEmpty: Bool { ends.isEmpty }

    mutating func index(of utf8: UnsafeRawBufferPointer) -> Int {
        let key = Array(utf8.bindMemory(to: UInt8.self))
        if let index = indexes[key] { return index }
        let index = ends.count
        indexes[key] = index
        bytes += key
        ends.append(bytes.count)
        return index
    }

    /// The part's XML, handed to `write` in pieces.
    func write(_ write: ([UInt8]) throws -> Void) throws {
        var xml = Array(WorkbookParts.declaration.utf8)
        xml += #"<sst xmlns="\#(WorkbookParts.mainNamespace)" count="\#(references)" uniqueCount="\#(ends.count)">"#.utf8
        try bytes.withUnsafeBytes { all in
            var start = 0
            for end in ends {
                let text = UnsafeRawBufferPointer(rebasing: all[start ..< end])
                xml += CellEncoding.needsPreserve(text) ? #"<si><t xml:space="preserve">"#.utf8 : "<si><t>".utf8
                CellEncoding.appendEscaped(text, to: &xml)
                xml += "</t></si>".utf8
                start = end
                if xml.count >= 1 << 18 {
                    try write(xml)
                    xml.removeAll(keepingCapacity: true)
                }
            }
        }
        xml += "</sst>".utf8
        try write(xml)
    }
}

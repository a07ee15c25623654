/// One cell of text as read from the source, with the 1-based line it came from (provenance).
public struct TextCell: Sendable, Hashable, Codable {
    public var text: String
    public var line: Int

    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }

    /// True when the cell holds nothing once whitespace is ignored.
    public var isBlank: Bool { text.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
}

/// A column of a workbook's table: its header and what it holds, which sets its width.
public struct WorkbookColumn: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case text, number, date
    }

    public let name: String
    public let kind: Kind
    /// Width in characters of the default font.
    public let width: Double

    /// `width` defaults to the header's length, at least what the kind needs: 11 for a date
    /// (`2024-01-31`), 10 for a number, 16 for text; at most 60.
    public init(_ name: String, _ kind: Kind, width: Double? = nil) {
        self.name = name
        self.kind = kind
        let least: Double = switch kind {
        case .text: 16
        case .number: 10
        case .date: 11
        }
        self.width = width ?? min(60, max(least, Double(name.count) + 2))
    }
}

import DisclosureModel

/// Bounds the bytes `RecordWriter` writes for a record, from the same declaration of its fields,
/// so that the writer reserves its memory once.
public struct RecordSizer: RecordCoder {
    public static var isReading: Bool { false }
    /// Bytes the fields seen so far take at the most.
    public private(set) var bound = 0
    /// Whether a field of varying size was seen: a string, a count (of a list, a dictionary) or a
    /// flag (an optional's: what follows depends on it). A value with none has the same bound
    /// whatever it holds.
    private var varies = false

    public init() {}

    private static let number = RecordWriter.numberBound

    public mutating func int(_ value: inout Int) { bound += Self.number }
    public mutating func int64(_ value: inout Int64) { bound += Self.number }
    public mutating func double(_ value: inout Double) { bound += 8 }
    public mutating func position(_ value: inout Int, below limit: Int, what: StaticString) { bound += Self.number }
    public mutating func code(_ value: inout String, in list: StoredCodeList) { bound += Self.number }

    public mutating func bool(_ value: inout Bool) {
        bound += 1
        varies = true
    }

    public mutating func count(_ value: inout Int, what: StaticString) {
        bound += Self.number
        varies = true
    }

    public mutating func string(_ value: inout String) {
        bound += Self.number + value.utf8.count
        varies = true
    }

    /// Measures the first element; when nothing in it varies (a table cell: codes and a number),
    /// every element has its bound, and the others need not be visited.
    public mutating func list<Element: StoredFields>(_ list: inout [Element], what: StaticString) {
        bound += Self.number
        varies = true
        guard var first = list.first else { return }
        var element = RecordSizer()
        try! first.fields(&element)
        if !element.varies {
            bound += list.count * element.bound
            return
        }
        list.forEachInPlace { try! $0.fields(&self) }
    }

    public mutating func storedEnum<Case: StoredEnum>(_ value: inout Case, what: StaticString) { bound += Self.number }
}

/// Bounds the bytes `RecordWriter` writes for a record, from the same declaration of its fields,
/// so that the writer reserves its memory once.
public struct RecordSizer: RecordCoder {
    public static var isReading: Bool { false }
    /// Bytes the fields seen so far take at the most.
    public private(set) var bound = 0

    public init() {}

    private static let number = RecordWriter.numberBound

    public mutating func int(_ value: inout Int) { bound += Self.number }
    public mutating func int64(_ value: inout Int64) { bound += Self.number }
    public mutating func double(_ value: inout Double) { bound += 8 }
    public mutating func bool(_ value: inout Bool) { bound += 1 }
    public mutating func string(_ value: inout String) { bound += Self.number + value.utf8.count }
    public mutating func position(_ value: inout Int, below limit: Int, what: StaticString) { bound += Self.number }
    public mutating func count(_ value: inout Int, what: StaticString) { bound += Self.number }
    public mutating func code(_ value: inout String, in list: StoredCodeList) { bound += Self.number }
}

import DisclosureModel

/// A record of the work store: a version byte, then its fields as `fields` declares them.
public protocol StoredRecord: StoredFields {
    /// The version of the record's stored form, its first byte. Bump it whenever `fields` (or the
    /// fields of a value it holds) changes, with the version of the stage that writes the record
    /// (`StageVersionTests` asks for that one): a record in another form is then refused as such
    /// (`RecordReader.OtherVersion`) and its stage run again, never misread.
    static var formatVersion: UInt8 { get }
}

extension StoredRecord {
    /// The record, after `tag` when there is one: measured, then written in one pass into memory
    /// reserved for that bound. Neither pass throws: only reading can fail.
    public func encoded(tag: UInt8? = nil) -> [UInt8] {
        var record = self
        var sizer = RecordSizer()
        try! record.fields(&sizer)
        return RecordWriter.record(bound: 1 + sizer.bound, tag: tag) { writer in
            writer.writeByte(Self.formatVersion)
            try! record.fields(&writer)
        }
    }

    /// Reads the record that starts at `start` of `bytes` (past a store's tag, say) and ends with them.
    public init(encoded bytes: [UInt8], from start: Int = 0) throws {
        var reader = RecordReader(bytes, from: start)
        try reader.formatVersion(Self.formatVersion, of: Self.self)
        self = .blank
        try fields(&reader)
        try reader.expectEnd(of: "\(Self.self)")
    }
}

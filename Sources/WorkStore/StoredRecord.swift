import DisclosureModel

/// A record of the work store: a version byte, then its fields as `fields` declares them.
///
/// Each record type calls `encode` and `decode` from its own non-generic `encoded(tag:)` and
/// `init(encoded:from:)`, so that they are compiled here for that type: called generically from
/// another module, every field would go through a witness table (twice as slow an extract).
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
    func encode(tag: UInt8?) -> [UInt8] {
        var record = self
        var sizer = RecordSizer()
        try! record.fields(&sizer)
        return RecordWriter.record(bound: 1 + sizer.bound, tag: tag) { writer in
            writer.writeByte(Self.formatVersion)
            try! record.fields(&writer)
        }
    }

    /// Reads the record that starts at `start` of `bytes` (past a store's tag, say) and ends with them.
    static func decode(_ bytes: [UInt8], from start: Int) throws -> Self {
        var reader = RecordReader(bytes, from: start)
        try reader.formatVersion(formatVersion, of: Self.self)
        var record = blank
        try record.fields(&reader)
        try reader.expectEnd(of: "\(Self.self)")
        return record
    }
}

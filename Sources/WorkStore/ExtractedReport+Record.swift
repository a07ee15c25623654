import DisclosureModel

/// An extract result as the work store keeps it. Bump `formatVersion` and `Extractor.version`
/// when its fields change.
extension ExtractedReport: StoredRecord {
    public static let formatVersion: UInt8 = 1

    /// The record, after `tag` when there is one (see `StoredRecord`).
    public func encoded(tag: UInt8? = nil) -> [UInt8] { encode(tag: tag) }

    /// Reads the record that starts at `start` of `bytes` and ends with them.
    public init(encoded bytes: [UInt8], from start: Int = 0) throws { self = try Self.decode(bytes, from: start) }

    public static var blank: ExtractedReport {
        ExtractedReport(reportId: "", sourcePath: "", sourceFormat: "", encoding: "", identity: .blank, tables: [:], diagnostics: [])
    }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try headerFields(&coder)
        try coder.dictionary(&tables, what: "table")
        try coder.list(&diagnostics, what: "diagnostic")
        try coder.optional(&lineOrigins)
    }
}

import DisclosureModel

/// An extract result as the work store keeps it. Bump `formatVersion` and `Extractor.version`
/// when its fields change.
extension ExtractedReport: StoredRecord {
    public static let formatVersion: UInt8 = 1

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

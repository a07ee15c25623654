import DisclosureModel

/// A reject as the work store keeps it. Bump `formatVersion` and `Extractor.version` when its
/// fields change.
extension Reject: StoredRecord {
    public static let formatVersion: UInt8 = 1

    public static var blank: Reject { Reject(sourcePath: "", reason: .empty, detail: "") }

    public mutating func fields<Coder: RecordCoder>(_ coder: inout Coder) throws {
        try coder.string(&sourcePath)
        try coder.storedEnum(&reason, what: "reject reason")
        try coder.string(&detail)
    }
}

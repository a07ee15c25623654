/// An enum kept as a number (by the work store's records, and by the datasets' code columns
/// through `StoredCodes`): its position in `storedOrder`, a list written out case by case, so
/// reordering or inserting cases in the enum's declaration never remaps stored records. A new case
/// goes at the end of the list; a test pins the list (StoredRecordTests).
public protocol StoredEnum: CaseIterable, Equatable, Sendable {
    /// Every case once, in the order of their stored numbers (0, 1, …). Append only.
    static var storedOrder: [Self] { get }
}

extension StoredEnum {
    /// The number the work store keeps for this case.
    public var storedNumber: Int { Self.storedOrder.firstIndex(of: self)! }
}

extension Diagnostic.Code: StoredEnum {
    public static let storedOrder: [Self] = [
        .labelNormalized, .labelUnrecognized, .cellEmpty, .cellMissing, .tableMissing, .extraValues,
        .valueNormalized, .valueInvalid, .yearInferred, .agencyInferred, .agencyMissing, .checkSkipped,
        .pageArtifactSkipped, .groupRowZero, .textOverprinted, .textRepaired, .templateMixed,
        .placedBySums, .labelPiecesSkipped,
    ]
}

extension Diagnostic.Stage: StoredEnum {
    public static let storedOrder: [Self] = [.extract, .transform, .load]
}

extension Reject.Reason: StoredEnum {
    public static let storedOrder: [Self] = [
        .empty, .binary, .undecodable, .notAReport, .noReportYear, .unreadable, .duplicate, .legacyDoc,
        .pdfEncrypted, .pdfDamaged, .pdfNoText, .docxDamaged, .unsupportedFormat, .toolMissing, .notAFile,
        .brokenLink, .tooLarge,
    ]
}

extension TableKind: StoredEnum {
    public static let storedOrder: [Self] = [.proactive, .applications, .appeals]
}

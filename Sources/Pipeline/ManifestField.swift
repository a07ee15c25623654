/// The fields of a manifest `entry` line after the word `entry`, in the order they are written
/// and read: this declaration is the only place that order is fixed (EntryTable writes a line by
/// walking it and reads one by naming its fields).
enum ManifestField: Int, CaseIterable {
    case path = 1, size, modified, reportId
    case extractKey, extractSegment, extractOffset, extractLength, rejectReason
    case transformKey, transformSegment, transformOffset, transformLength, status, checksFailed, diagnostics

    /// Fields on an entry line, the word `entry` included.
    static let lineWidth = allCases.count + 1
}

extension Array where Element == ArraySlice<UInt8> {
    /// The field of a split manifest line.
    subscript(field field: ManifestField) -> ArraySlice<UInt8> { self[field.rawValue] }
}

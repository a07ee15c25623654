import DisclosureModel

/// An extract result as the work store keeps it: a report, or the reason there is none, told
/// apart by a tag byte written in front of the record (not copied there).
enum StoredExtract {
    case report(ExtractedReport)
    case reject(Reject)

    func encoded() -> [UInt8] {
        switch self {
        case .report(let report): report.encoded(tag: 0)
        case .reject(let reject): reject.encoded(tag: 1)
        }
    }

    init(encoded bytes: [UInt8], from place: String) throws {
        do {
            switch bytes.first {
            case 0: self = .report(try ExtractedReport(encoded: bytes, from: 1))
            case 1: self = .reject(try Reject(encoded: bytes, from: 1))
            default: throw BinaryReader.Damaged(description: "unknown record kind")
            }
        } catch {
            throw PipelineError.io("\(place): damaged extract record (\(error)); run with --full to rebuild the work folder")
        }
    }
}

import DisclosureModel

/// An extract result as the work store keeps it: a report, or the reason there is none.
enum StoredExtract {
    case report(ExtractedReport)
    case reject(Reject)

    func encoded() -> [UInt8] {
        switch self {
        case .report(let report): [0] + report.encoded()
        case .reject(let reject): [1] + reject.encoded()
        }
    }

    init(encoded bytes: [UInt8], from place: String) throws {
        do {
            switch bytes.first {
            case 0: self = .report(try ExtractedReport(encoded: Array(bytes.dropFirst())))
            case 1: self = .reject(try Reject(encoded: Array(bytes.dropFirst())))
            default: throw BinaryReader.Damaged(description: "unknown record kind")
            }
        } catch {
            throw PipelineError.io("\(place): damaged extract record (\(error)); run with --full to rebuild the work folder")
        }
    }
}

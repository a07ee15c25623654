import DisclosureModel
import WorkStore

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

    /// Decodes a record whose frame checked out. A record of another format version is a
    /// `DamagedRecord`, which the stages repair by running the extract again; any other failure
    /// is a bug, not storage damage, so it stops the run, naming the record and what to run.
    init(encoded bytes: [UInt8], from place: String, input: String, pipeline: String) throws {
        do {
            switch bytes.first {
            case 0: self = .report(try ExtractedReport(encoded: bytes, from: 1))
            case 1: self = .reject(try Reject(encoded: bytes, from: 1))
            default: throw RecordReader.Damaged(description: "unknown record kind")
            }
        } catch let other as RecordReader.OtherVersion {
            throw DamagedRecord(place: place, why: other.description)
        } catch {
            throw PipelineError.io("\(place): the stored extract result of \(input) cannot be decoded (\(error)); run `disclosure-etl run \(pipeline) --full` to rebuild the work folder")
        }
    }
}

import DisclosureModel
import Extract

/// The previous manifest's entries by report_id, to find input bytes that were extracted before
/// under another path or modification time (a renamed or touched file), and reuse that result.
///
/// Positions sorted by report_id (then position) and searched by halving: 8 bytes per entry,
/// where a dictionary of report_id strings took about 100.
struct SameBytesIndex: Sendable {
    private var positions: [Int] = []

    init() {}

    /// Indexes the entries extracted by this extractor version.
    init(_ entries: EntryTable) {
        positions = entries.indices.filter { entries.extractKey(at: $0) == Extractor.version }
        positions.sort { entries.reportKey(at: $0) != entries.reportKey(at: $1) ? entries.reportKey(at: $0) < entries.reportKey(at: $1) : $0 < $1 }
    }

    /// The first entry (in manifest order) with this report_id, if any.
    func position(of key: ReportKey, in entries: EntryTable) -> Int? {
        var low = 0
        var high = positions.count
        while low < high {
            let middle = (low + high) / 2
            if entries.reportKey(at: positions[middle]) < key { low = middle + 1 } else { high = middle }
        }
        return low < positions.count && entries.reportKey(at: positions[low]) == key ? positions[low] : nil
    }
}

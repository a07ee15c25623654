import DisclosureModel

/// A deterministic share of the inputs, for splitting one run over N machines (`--shard K/N`).
///
/// An input belongs to shard `K` when the first 64 bits of its report_id, modulo N, equal K, so
/// every machine agrees without talking to the others, and the shards together are the whole.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public static let whole = Shard(index: 0, count: 1)

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `K/N` with 0 ≤ K < N.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, index >= 0, index < count else {
            return nil
        }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    func owns(_ key: ReportKey) -> Bool {
        count == 1 || Int(key.leadingWord % UInt64(count)) == index
    }

    public func owns(reportId: String) -> Bool {
        guard count > 1 else { return true }
        let value = UInt64(reportId.prefix(16), radix: 16) ?? 0
        return Int(value % UInt64(count)) == index
    }
}

import Parquet

/// Rows per value of a text column, added up over runs of rows: entries are counted, and each
/// becomes a `String` once per run.
struct TextCounts {
    private(set) var perValue: [String: Int] = [:]

    mutating func add(_ values: ByteArrayValues) {
        var perEntry = [Int](repeating: 0, count: values.entryCount)
        for entry in values.entryOfRow where entry >= 0 { perEntry[Int(entry)] += 1 }
        for (entry, count) in perEntry.enumerated() where count > 0 { perValue[values.entryString(entry), default: 0] += count }
    }

    /// Most frequent first, then by value.
    var sorted: [RunFacts.Count] {
        perValue.map { RunFacts.Count(key: $0.key, count: $0.value) }.sorted { ($1.count, $0.key) < ($0.count, $1.key) }
    }
}

/// Text where consecutive equal values are stored once, with the rows each one covers.
///
/// Datasets repeat a value on many consecutive rows (a report's id and agency on each of its
/// rows): such rows then cost no bytes to store, and the writer looks a run up in its
/// dictionary once instead of once per row.
public struct UTF8RunColumn: Sendable {
    /// One value per run; consecutive runs differ.
    public private(set) var values = UTF8StringColumn()
    /// Run `r` covers rows `runEnds[r - 1] ..< runEnds[r]` (from row 0 for the first run).
    public private(set) var runEnds: [Int] = []

    public init() {}

    /// A column of runs built elsewhere: `values[r]` on the rows up to `runEnds[r]` (shared, not copied).
    public init(values: UTF8StringColumn, runEnds: [Int]) {
        precondition(values.count == runEnds.count, "one run end per value")
        self.values = values
        self.runEnds = runEnds
    }

    /// Number of rows.
    public var count: Int { runEnds.last ?? 0 }

    /// Appends `value` on `count` rows.
    public mutating func append(_ value: String, count: Int = 1) {
        var text = value
        text.withUTF8 { append(utf8: $0, count: count) }
    }

    /// Appends valid UTF-8 bytes on `count` rows; they extend the last run if they equal it.
    public mutating func append(utf8: UnsafeBufferPointer<UInt8>, count: Int = 1) {
        guard count > 0 else { return }
        if !runEnds.isEmpty, values.lastEquals(UnsafeRawBufferPointer(utf8)) {
            runEnds[runEnds.count - 1] += count
        } else {
            values.append(utf8: utf8)
            runEnds.append(self.count + count)
        }
    }

    /// Appends `count` nulls.
    public mutating func appendNull(count: Int = 1) {
        guard count > 0 else { return }
        if !runEnds.isEmpty, values.validity?.last == false {
            runEnds[runEnds.count - 1] += count
        } else {
            values.appendNull()
            runEnds.append(self.count + count)
        }
    }

    /// The run holding row `row`.
    public func run(containing row: Int) -> Int {
        var low = 0, high = runEnds.count
        while low < high {
            let middle = (low + high) / 2
            if runEnds[middle] > row { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The value of row `i`, decoded to a `String` (for tests and debugging; slow).
    public subscript(i: Int) -> String? { values[run(containing: i)] }

    /// The rows `rows`, in that order, as a new column (runs stay runs).
    public func selecting(_ rows: [Int]) -> UTF8RunColumn {
        var result = UTF8RunColumn()
        values.withBuffers { values in
            var last = -1
            for row in rows {
                // Rows usually come in order: stay in the previous row's run while it holds.
                let inLast = last >= 0 && row < runEnds[last] && row >= (last == 0 ? 0 : runEnds[last - 1])
                let run = inLast ? last : run(containing: row)
                if let value = values[run] {
                    result.append(utf8: value.assumingMemoryBound(to: UInt8.self))
                } else {
                    result.appendNull()
                }
                last = run
            }
        }
        return result
    }

    var firstNullIndex: Int? {
        values.firstNullIndex.map { $0 == 0 ? 0 : runEnds[$0 - 1] }
    }
}

extension UTF8RunColumn {
    /// The column's storage borrowed as raw pointers, for hot loops. Valid only inside `withBuffers`.
    public struct Buffers {
        public let values: UTF8StringColumn.Buffers
        public let runEnds: UnsafeBufferPointer<Int>
    }

    /// Calls `body` with the column's storage borrowed (see `Buffers`).
    public func withBuffers<R>(_ body: (Buffers) throws -> R) rethrows -> R {
        try values.withBuffers { values in
            try runEnds.withUnsafeBufferPointer { try body(Buffers(values: values, runEnds: $0)) }
        }
    }
}

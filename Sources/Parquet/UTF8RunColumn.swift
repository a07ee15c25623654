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

    /// Number of rows.
    public var count: Int { runEnds.last ?? 0 }

    /// Appends `value` on `count` rows.
    public mutating func append(_ value: String, count: Int = 1) {
        guard count > 0 else { return }
        var text = value
        text.withUTF8 { utf8 in
            if !runEnds.isEmpty, values.lastEquals(UnsafeRawBufferPointer(utf8)) {
                runEnds[runEnds.count - 1] += count
            } else {
                values.append(utf8: utf8)
                runEnds.append(self.count + count)
            }
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

    /// The rows `rows`, in that order, one value per row.
    public func selecting(_ rows: [Int]) -> UTF8StringColumn {
        values.selecting(rows.map { run(containing: $0) })
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

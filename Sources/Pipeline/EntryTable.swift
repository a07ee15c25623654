import DisclosureModel

/// The manifest's entries, packed: one fixed-size record per input, the paths' bytes in one
/// buffer, and the strings that repeat on every entry held once in a pool.
///
/// A run holds every input's entry from start to end, so this is what its memory grows with:
/// about 150 bytes per input here, where an array of `Manifest.Entry` with a String per path and
/// per report_id took about 370. Reading an element builds the `Entry`; loops over all inputs use
/// the field accessors instead, which allocate nothing.
public struct EntryTable: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral, Sendable, Equatable {
    private var records: [Record] = []
    private var paths: [UInt8] = []
    private var pool = StringPool()

    /// One entry; strings are pool refs (0 for none), the path a range of `paths`.
    struct Record: Equatable, Sendable {
        var reportId: ReportKey
        var size: Int64
        var modified: Int64
        var pathStart: Int
        var pathLength: UInt32
        var extractKey: UInt32
        var extractSegment: UInt32
        var rejectReason: UInt32
        var extractOffset: Int
        var extractLength: Int
        var transformOffset: Int
        var transformLength: Int
        var transformKey: UInt32
        var transformSegment: UInt32
        var status: UInt32
        var checksFailed: UInt32
        var diagnostics: UInt32
        /// `Entry.transformedWithExtract`: this run's, not saved.
        var transformedWithExtract: Bool
    }

    public init() {}

    public init(_ entries: some Sequence<Manifest.Entry>) {
        for entry in entries { append(entry) }
    }

    public init(arrayLiteral entries: Manifest.Entry...) {
        self.init(entries)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.count }

    public subscript(position: Int) -> Manifest.Entry {
        get { entry(at: position) }
        set {
            // The transform stage replaces entries whose path stays: keep those bytes rather than
            // append them again.
            let old = records[position]
            let samePath = withPath(at: position) { $0.elementsEqual(newValue.path.utf8) }
            records[position] = record(newValue, storedPath: samePath ? (old.pathStart, old.pathLength) : nil)
        }
    }

    public mutating func append(_ entry: Manifest.Entry) {
        records.append(record(entry))
    }

    /// Which ref of this table's pool each ref of another table's pool is, learnt as refs are met.
    struct RefMap {
        fileprivate var refs: [UInt32] = []
    }

    /// Appends entry `index` of `other` as this run kept it, copying its record rather than building
    /// an `Entry` (a nightly run keeps nearly every input).
    mutating func appendKept(_ index: Int, of other: EntryTable, map: inout RefMap) {
        var record = other.records[index]
        func mapped(_ ref: UInt32) -> UInt32 {
            guard ref != 0 else { return 0 }
            let slot = Int(ref)
            if map.refs.count <= slot { map.refs += repeatElement(0, count: slot + 1 - map.refs.count) }
            if map.refs[slot] == 0 { map.refs[slot] = pool.ref(for: other.pool[ref]) }
            return map.refs[slot]
        }
        record.extractKey = mapped(record.extractKey)
        record.extractSegment = mapped(record.extractSegment)
        record.rejectReason = mapped(record.rejectReason)
        record.transformKey = mapped(record.transformKey)
        record.transformSegment = mapped(record.transformSegment)
        record.status = mapped(record.status)
        record.pathStart = paths.count
        other.withPath(at: index) { paths += $0 }
        record.transformedWithExtract = false
        records.append(record)
    }

    public mutating func reserveCapacity(_ count: Int) {
        records.reserveCapacity(count)
    }

    public static func == (lhs: EntryTable, rhs: EntryTable) -> Bool {
        // Tables that share their storage compare at once; others entry by entry, since the same
        // entries can sit in different pools.
        if lhs.records == rhs.records, lhs.paths == rhs.paths, lhs.pool == rhs.pool { return true }
        return lhs.elementsEqual(rhs)
    }

    // MARK: Fields without building an entry

    func reportKey(at index: Int) -> ReportKey { records[index].reportId }
    func size(at index: Int) -> Int64 { records[index].size }
    func modified(at index: Int) -> Int64 { records[index].modified }
    func isReport(at index: Int) -> Bool { records[index].rejectReason == 0 }
    func isTransformed(at index: Int) -> Bool { records[index].transformKey != 0 }
    func transformKey(at index: Int) -> String? { pool[records[index].transformKey] }
    /// Where the entry's transform result is stored, without building the entry.
    func transformRef(at index: Int) -> RecordRef? {
        let record = records[index]
        guard let segment = pool[record.transformSegment] else { return nil }
        return RecordRef(segment: segment, offset: record.transformOffset, length: record.transformLength)
    }
    func extractKey(at index: Int) -> String? { pool[records[index].extractKey] }
    func transformedWithExtract(at index: Int) -> Bool { records[index].transformedWithExtract }
    func rejectReason(at index: Int) -> String? { pool[records[index].rejectReason] }
    func status(at index: Int) -> String? { pool[records[index].status] }
    func checksFailed(at index: Int) -> Int { Int(records[index].checksFailed) }
    func diagnostics(at index: Int) -> Int { Int(records[index].diagnostics) }

    /// Calls `body` with the path's UTF-8 bytes.
    func withPath<T>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let record = records[index]
        return try paths.withUnsafeBufferPointer {
            try body(UnsafeBufferPointer(rebasing: $0[record.pathStart..<record.pathStart + Int(record.pathLength)]))
        }
    }

    /// Bytes held for paths (replaced entries with a new path leave their old path behind).
    var storedPathBytes: Int { paths.count }

    func path(at index: Int) -> String {
        withPath(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// Positions of the reports `isIncluded` keeps, by report_id then path: the order of the
    /// datasets, in which the first of several reports with the same bytes is the one kept.
    func reportsByIdThenPath(_ isIncluded: (Int) -> Bool) -> [Int] {
        indices.filter { isReport(at: $0) && isIncluded($0) }.sorted { i, j in
            reportKey(at: i) != reportKey(at: j) ? reportKey(at: i) < reportKey(at: j) : pathPrecedes(i, j)
        }
    }

    /// Whether the path of entry `i` sorts before that of entry `j` (byte order).
    func pathPrecedes(_ i: Int, _ j: Int) -> Bool {
        withPath(at: i) { a in withPath(at: j) { b in a.lexicographicallyPrecedes(b) } }
    }

    /// Segments some entry points to.
    var usedSegments: Set<String> {
        var refs = Set<UInt32>()
        for record in records {
            refs.insert(record.extractSegment)
            refs.insert(record.transformSegment)
        }
        return Set(refs.compactMap { pool[$0] })
    }

    // MARK: Reading a manifest line

    /// Appends an entry from its manifest fields as written (escaped), without a String per field.
    /// Nil when a field does not parse.
    mutating func appendFields(_ fields: [ArraySlice<UInt8>]) -> Void? {
        guard fields.count == ManifestField.lineWidth, let id = ReportKey(hex: fields[field: .reportId]),
              let size = Int64(decimal: fields[field: .size]), let modified = Int64(decimal: fields[field: .modified]),
              let offset = Int64(decimal: fields[field: .extractOffset]), let length = Int64(decimal: fields[field: .extractLength]),
              let transformOffset = Int64(decimal: fields[field: .transformOffset]),
              let transformLength = Int64(decimal: fields[field: .transformLength]),
              let checks = UInt32(exactly: Int64(decimal: fields[field: .checksFailed]) ?? -1),
              let diagnostics = UInt32(exactly: Int64(decimal: fields[field: .diagnostics]) ?? -1) else { return nil }
        let path = Manifest.unescape(fields[field: .path])
        var record = Record(
            reportId: id, size: size, modified: modified, pathStart: paths.count, pathLength: UInt32(path.count),
            extractKey: pool.ref(forField: fields[field: .extractKey]), extractSegment: pool.ref(forField: fields[field: .extractSegment]),
            rejectReason: pool.ref(forField: fields[field: .rejectReason]), extractOffset: Int(offset), extractLength: Int(length),
            transformOffset: 0, transformLength: 0, transformKey: pool.ref(forField: fields[field: .transformKey]), transformSegment: 0,
            status: 0, checksFailed: 0, diagnostics: 0, transformedWithExtract: false)
        if record.transformKey != 0 {
            record.transformSegment = pool.ref(forField: fields[field: .transformSegment])
            record.transformOffset = Int(transformOffset)
            record.transformLength = Int(transformLength)
            record.status = pool.ref(forField: fields[field: .status])
            record.checksFailed = checks
            record.diagnostics = diagnostics
        }
        paths += path
        records.append(record)
        return ()
    }

    /// Every entry as a manifest line (fields escaped, tab-separated, newline-ended), in order,
    /// through one buffer; the pooled strings are escaped once for all lines.
    func forEachLine(_ body: ([UInt8]) throws -> Void) rethrows {
        let pooled = [Array("\t".utf8)] + pool.strings.map { string in
            var field: [UInt8] = []
            Manifest.appendEscaped(string.utf8, to: &field)
            field.append(0x09)
            return field
        }
        var line: [UInt8] = []
        for index in records.indices {
            line.removeAll(keepingCapacity: true)
            appendLine(at: index, pooled: pooled, to: &line)
            try body(line)
        }
    }

    /// Appends entry `index` as a manifest line; `pooled[ref]` is a pooled string's field.
    private func appendLine(at index: Int, pooled: [[UInt8]], to line: inout [UInt8]) {
        let record = records[index]
        func number(_ value: some BinaryInteger) {
            Manifest.appendDecimal(Int64(value), to: &line)
            line.append(0x09)
        }
        /// A pooled field comes with its tab.
        func string(_ ref: UInt32) { line += pooled[Int(ref)] }
        line += "entry\t".utf8
        for field in ManifestField.allCases {
            switch field {
            case .path:
                withPath(at: index) { Manifest.appendEscaped($0, to: &line) }
                line.append(0x09)
            case .size: number(record.size)
            case .modified: number(record.modified)
            case .reportId:
                record.reportId.appendHex(to: &line)
                line.append(0x09)
            case .extractKey: string(record.extractKey)
            case .extractSegment: string(record.extractSegment)
            case .extractOffset: number(record.extractOffset)
            case .extractLength: number(record.extractLength)
            case .rejectReason: string(record.rejectReason)
            case .transformKey: string(record.transformKey)
            case .transformSegment: string(record.transformSegment)
            case .transformOffset: number(record.transformOffset)
            case .transformLength: number(record.transformLength)
            case .status: string(record.status)
            case .checksFailed: number(record.checksFailed)
            case .diagnostics: number(record.diagnostics)
            }
        }
        line[line.count - 1] = 0x0A  // the last field's tab ends the line
    }

    // MARK: Entries and records

    /// The record of `entry`; its path is appended to `paths` unless already stored at `storedPath`.
    private mutating func record(_ entry: Manifest.Entry, storedPath: (start: Int, length: UInt32)? = nil) -> Record {
        guard let id = ReportKey(entry.reportId) else {
            preconditionFailure("report_id \(entry.reportId) of \(entry.path) is not a SHA-256 in hex")
        }
        let start = storedPath?.start ?? paths.count
        if storedPath == nil { paths += entry.path.utf8 }
        let length = storedPath?.length ?? UInt32(paths.count - start)
        return Record(
            reportId: id, size: entry.size, modified: entry.modified, pathStart: start,
            pathLength: length, extractKey: pool.ref(for: entry.extractKey),
            extractSegment: pool.ref(for: entry.extractRef.segment), rejectReason: pool.ref(for: entry.rejectReason),
            extractOffset: entry.extractRef.offset, extractLength: entry.extractRef.length,
            transformOffset: entry.transformRef?.offset ?? 0, transformLength: entry.transformRef?.length ?? 0,
            transformKey: pool.ref(for: entry.transformKey), transformSegment: pool.ref(for: entry.transformRef?.segment),
            status: pool.ref(for: entry.status), checksFailed: UInt32(entry.checksFailed),
            diagnostics: UInt32(entry.diagnostics), transformedWithExtract: entry.transformedWithExtract)
    }

    private func entry(at index: Int) -> Manifest.Entry {
        let record = records[index]
        var entry = Manifest.Entry(
            path: path(at: index), size: record.size, modified: record.modified, reportId: record.reportId.hex,
            extractKey: pool[record.extractKey] ?? "",
            extractRef: RecordRef(segment: pool[record.extractSegment] ?? "", offset: record.extractOffset, length: record.extractLength),
            rejectReason: pool[record.rejectReason])
        if let segment = pool[record.transformSegment] {
            entry.transformRef = RecordRef(segment: segment, offset: record.transformOffset, length: record.transformLength)
        }
        entry.transformKey = pool[record.transformKey]
        entry.status = pool[record.status]
        entry.checksFailed = Int(record.checksFailed)
        entry.diagnostics = Int(record.diagnostics)
        entry.transformedWithExtract = record.transformedWithExtract
        return entry
    }
}

extension Int64 {
    /// Parses optional-minus decimal digits from bytes, without a String.
    init?(decimal bytes: ArraySlice<UInt8>) {
        var digits = bytes[...]
        let negative = digits.first == UInt8(ascii: "-")
        if negative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 19 else { return nil }
        var value: Int64 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            let (sum, overflowed) = shifted.addingReportingOverflow(Int64(digit - UInt8(ascii: "0")))
            guard !overflowed else { return nil }
            value = sum
        }
        self = negative ? -value : value
    }
}

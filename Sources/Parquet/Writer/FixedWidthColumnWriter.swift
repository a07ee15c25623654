/// Column writers for INT32 / DATE, INT64 and DOUBLE: dictionary encoded until
/// `DictionaryPolicy` gives the dictionary up, PLAIN pages from then on.
///
/// They are concrete classes around one generic state so that the hot loop is compiled
/// specialised for each value type (methods of a generic class reached through a
/// protocol would run unspecialised).
final class Int32ColumnWriter: ColumnChunkWriter {
    private var state: FixedWidthChunkState<Int32>

    init(column: Column, options: WriterOptions) {
        state = FixedWidthChunkState(column: column, options: options)
    }

    func append(_ values: ColumnValues, range: Range<Int>) throws {
        switch values {
        case let .int32(typed), let .date(typed): try state.append(typed, range: range)
        default: throw state.mismatch(values)
        }
    }

    func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
        try state.writeChunk(to: output)
    }

    var bufferedBytes: Int { state.bufferedBytes }
}

final class Int64ColumnWriter: ColumnChunkWriter {
    private var state: FixedWidthChunkState<Int64>

    init(column: Column, options: WriterOptions) {
        state = FixedWidthChunkState(column: column, options: options)
    }

    func append(_ values: ColumnValues, range: Range<Int>) throws {
        guard case let .int64(typed) = values else { throw state.mismatch(values) }
        try state.append(typed, range: range)
    }

    func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
        try state.writeChunk(to: output)
    }

    var bufferedBytes: Int { state.bufferedBytes }
}

final class DoubleColumnWriter: ColumnChunkWriter {
    private var state: FixedWidthChunkState<Double>

    init(column: Column, options: WriterOptions) {
        state = FixedWidthChunkState(column: column, options: options)
    }

    func append(_ values: ColumnValues, range: Range<Int>) throws {
        guard case let .double(typed) = values else { throw state.mismatch(values) }
        try state.append(typed, range: range)
    }

    func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
        try state.writeChunk(to: output)
    }

    var bufferedBytes: Int { state.bufferedBytes }
}

/// Encoder state of one fixed-width column chunk.
struct FixedWidthChunkState<Value: FixedWidthValue> {
    var common: ChunkState
    let dictionaryEnabled: Bool
    var policy: DictionaryPolicy
    var dictionary = FixedWidthDictionary()
    var usingDictionary: Bool
    var indices: [UInt32] = []
    /// Bit patterns of the current page's values, once fallen back to PLAIN.
    var plainValues: [Value.Bits] = []
    /// Bounds of values written PLAIN (dictionary values are bounded at the end).
    var plainMin: Value?
    var plainMax: Value?
    var nanCount: Int64 = 0

    init(column: Column, options: WriterOptions) {
        common = ChunkState(column: column, physicalType: Value.physicalType, options: options)
        dictionaryEnabled = options.dictionaryEnabled
        policy = DictionaryPolicy(options: options)
        usingDictionary = dictionaryEnabled
    }

    func mismatch(_ values: ColumnValues) -> ParquetError {
        .typeMismatch(column: common.column.name, expected: common.column.type, actual: values.type)
    }

    var dictionaryBytes: Int { dictionary.count &* MemoryLayout<Value.Bits>.size }

    var bufferedBytes: Int { common.pages.bufferedBytes &+ dictionaryBytes }

    mutating func append(_ values: [Value?], range: Range<Int>) throws {
        try values.withUnsafeBufferPointer { buffer in
            var row = range.lowerBound
            while row < range.upperBound {
                if usingDictionary {
                    let stretch = appendKnown(buffer, from: row, to: min(range.upperBound, row &+ common.valuesBeforePageCheck))
                    if stretch > row {
                        row = stretch
                        if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
                        continue
                    }
                }
                if let value = buffer[row] {
                    try appendValue(value)
                } else {
                    common.recordNull()
                    if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
                }
                row &+= 1
            }
        }
    }

    /// Appends the present values from `start` that are in the dictionary already, stopping
    /// before `end` (the next page check), a null or a new value; returns where it stopped.
    /// Their indices go in as one stretch: the same pages as one value at a time, since only a
    /// new entry can make the dictionary give up (`DictionaryPolicy.shouldFallBack`).
    @inline(__always)
    mutating func appendKnown(_ buffer: UnsafeBufferPointer<Value?>, from start: Int, to end: Int) -> Int {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: end &- start) { found in
            var row = start
            while row < end, let value = buffer[row], let index = dictionary.existingIndex(of: UInt64(value.bits)) {
                if value.isUnordered { nanCount &+= 1 }
                found[row &- start] = UInt32(truncatingIfNeeded: index)
                row &+= 1
            }
            let count = row &- start
            if count > 0 {
                common.recordPresent(count: count)
                indices.append(contentsOf: UnsafeBufferPointer(rebasing: found[..<count]))
                policy.countValues(count)
            }
            return row
        }
    }

    @inline(__always)
    mutating func appendValue(_ value: Value) throws {
        common.recordPresent()
        if value.isUnordered { nanCount &+= 1 }
        if usingDictionary {
            let index = dictionary.index(of: UInt64(value.bits))
            indices.append(UInt32(truncatingIfNeeded: index))
            policy.countValue()
            if policy.shouldFallBack(bytes: dictionaryBytes, entries: dictionary.count) {
                try writePage()
                stopUsingDictionary()
                return
            }
        } else {
            plainValues.append(value.bits)
            if !value.isUnordered {
                if let currentMin = plainMin, let currentMax = plainMax {
                    if value < currentMin { plainMin = value }
                    if currentMax < value { plainMax = value }
                } else {
                    plainMin = value
                    plainMax = value
                }
            }
        }
        if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
    }

    /// Encoded size of the current page if it were written now (indices counted bit-packed).
    @inline(__always)
    var pageBytesEstimate: Int { common.levelBytesEstimate &+ valueBytesEstimate }

    @inline(__always)
    var valueBytesEstimate: Int {
        let indexBits = RLEHybridEncoder.bitWidth(forMaxValue: UInt64(dictionary.count))
        return plainValues.count &* MemoryLayout<Value.Bits>.size &+ (indices.count &* indexBits) >> 3
    }

    mutating func writePage() throws {
        guard common.pageValueCount > 0 else { return }
        var page = common.beginPage(valueBytes: valueBytesEstimate)
        let encoding: Encoding
        if usingDictionary, dictionary.count > 0 {
            RLEHybridEncoder.encodeDictionaryIndices(indices, dictionarySize: dictionary.count, into: &page)
            encoding = .rleDictionary
        } else {
            PlainEncoder.appendFixedWidth(plainValues, to: &page)
            encoding = .plain
        }
        try common.endPage(page, encoding: encoding)
        indices.clearForNextPage(limit: common.pageValueLimit)
        plainValues.clearForNextPage(limit: common.pageValueLimit)
        if usingDictionary, common.pages.dataPageCount == 1, policy.shouldFallBackAfterFirstPage(entries: dictionary.count) {
            stopUsingDictionary()
        }
    }

    mutating func stopUsingDictionary() {
        usingDictionary = false
        dictionary.stopLookups()
    }

    mutating func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
        try writePage()
        var low = plainMin
        var high = plainMax
        if dictionary.count > 0 {
            var body: [UInt8] = []
            body.reserveCapacity(dictionaryBytes)
            PlainEncoder.appendFixedWidth(dictionary.keys, narrowedTo: Value.Bits.self, to: &body)
            try body.withUnsafeBytes { try common.pages.writeDictionaryPage($0, entryCount: dictionary.count, to: output) }
            for key in dictionary.keys {
                let value = Value(bits: Value.Bits(truncatingIfNeeded: key))
                if value.isUnordered { continue }
                if let current = low, !(value < current) {} else { low = value }
                if let current = high, !(current < value) {} else { high = value }
            }
        }
        var statistics = Statistics(nullCount: common.nullCount)
        if let low, let high {
            let bounds = Value.normalizedBounds(min: low, max: high)
            statistics.minValue = plainBytes(bounds.min)
            statistics.maxValue = plainBytes(bounds.max)
        }
        if Value.physicalType == .double || Value.physicalType == .float {
            statistics.nanCount = nanCount
        }
        let chunk = try common.writeChunk(to: output, statistics: statistics)
        dictionary.removeAll(keepingCapacity: policy.keepsStorage(bytes: dictionaryBytes))
        // The next chunk starts with a dictionary again.
        plainValues = []
        policy.reset()
        plainMin = nil
        plainMax = nil
        nanCount = 0
        usingDictionary = dictionaryEnabled
        return chunk
    }

    private func plainBytes(_ value: Value) -> [UInt8] {
        withUnsafeBytes(of: value.bits.littleEndian) { Array($0) }
    }
}

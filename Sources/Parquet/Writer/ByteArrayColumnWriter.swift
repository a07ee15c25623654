/// Writes a string column: dictionary encoded (RLE_DICTIONARY pages + PLAIN dictionary page)
/// until `DictionaryPolicy` gives the dictionary up, PLAIN pages from then on.
final class ByteArrayColumnWriter: ColumnChunkWriter {
    private var state: State

    init(column: Column, options: WriterOptions) {
        state = State(
            common: ChunkState(column: column, physicalType: .byteArray, options: options),
            dictionaryEnabled: options.dictionaryEnabled,
            policy: DictionaryPolicy(options: options)
        )
    }

    func append(_ values: ColumnValues, range: Range<Int>) throws {
        switch values {
        case let .string(strings):
            try state.appendStrings(strings, range: range)
        case let .utf8(column):
            try state.appendUTF8(column, range: range)
        case let .utf8Runs(column):
            try state.appendRuns(column, range: range)
        case let .utf8Codes(column):
            try state.appendCodes(column, range: range)
        default:
            throw ParquetError.typeMismatch(column: state.common.column.name, expected: .string, actual: values.type)
        }
    }

    func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
        try state.writeChunk(to: output)
    }

    var bufferedBytes: Int { state.common.pages.bufferedBytes &+ state.dictionary.plainSize }

    struct State {
        var common: ChunkState
        let dictionaryEnabled: Bool
        var policy: DictionaryPolicy
        var dictionary = ByteArrayDictionary()
        /// Whether values currently go to the dictionary (false after a fallback).
        var usingDictionary: Bool
        /// Dictionary indices of the current page's non-null values.
        var indices: [UInt32] = []
        /// PLAIN-encoded values of the current page, once fallen back.
        var plainValues: [UInt8] = []
        /// Bounds of values written PLAIN in this chunk (dictionary values are bounded at the end).
        var plainBounds = ByteArrayBounds()

        init(common: ChunkState, dictionaryEnabled: Bool, policy: DictionaryPolicy) {
            self.common = common
            self.dictionaryEnabled = dictionaryEnabled
            self.policy = policy
            usingDictionary = dictionaryEnabled
        }

        mutating func appendStrings(_ strings: [String?], range: Range<Int>) throws {
            guard MemoryLayout<String?>.size == 16, usingDictionary else {
                return try appendStringsByContent(strings, range: range)
            }
            try strings.withUnsafeBufferPointer { buffer in
                guard let raw = UnsafeRawPointer(buffer.baseAddress) else { return }
                // Columns repeat values, and usually as the very same `String`: storage shared
                // by many rows, or the same small (inline) string. Such repeats are found from
                // the two words of the stored `String?` without reading the text: equal words
                // mean the same immutable storage (kept alive by `strings`) and count, or the
                // same inline bytes - so equal text. A direct-mapped cache, living for this call
                // only, maps words to dictionary indices: 256 slots for small batches, up to
                // 64 Ki (1.5 MiB, on the heap) for a million rows. Unequal words prove nothing
                // and take the normal path, which reads the UTF-8 bytes.
                var slots = 256
                while slots < 65_536, slots &* 16 < range.count { slots &<<= 1 }
                let mask = slots &- 1
                let cache = UnsafeMutableBufferPointer<WordsCacheEntry>.allocate(capacity: slots)
                cache.initialize(repeating: WordsCacheEntry())
                defer { cache.deallocate() }
                var previous = WordsCacheEntry()
                for i in range {
                    let words = raw.loadUnaligned(fromByteOffset: i &* MemoryLayout<String?>.stride, as: StringWords.self)
                    if usingDictionary {
                        if previous.index != .max, previous.words == words {
                            try appendDictionaryIndex(previous.index)
                            continue
                        }
                        let slot = words.cacheSlot & mask
                        if cache[slot].index != .max, cache[slot].words == words {
                            previous = cache[slot]
                            try appendDictionaryIndex(previous.index)
                            continue
                        }
                    }
                    guard let appended = try appendString(buffer[i]) else {
                        previous = WordsCacheEntry()
                        continue
                    }
                    if usingDictionary {
                        previous = WordsCacheEntry(words: words, index: appended)
                        cache[words.cacheSlot & mask] = previous
                    }
                }
            }
        }

        /// The plain path: reads every string's bytes.
        mutating func appendStringsByContent(_ strings: [String?], range: Range<Int>) throws {
            try strings.withUnsafeBufferPointer { buffer in
                for i in range { _ = try appendString(buffer[i]) }
            }
        }

        /// Appends one string (or null); returns its dictionary index while the dictionary is in use.
        @inline(__always)
        mutating func appendString(_ string: String?) throws -> UInt32? {
            // Borrow the string's UTF-8 storage in place (no copy for native strings).
            let done: UInt32??? = try string?.utf8.withContiguousStorageIfAvailable {
                try appendValue(UnsafeRawBufferPointer($0))
            }
            switch done {
            case let .some(.some(index)):
                return index
            case .none:
                try appendNull()
                return nil
            case .some(.none):
                // Not contiguous UTF-8 (e.g. a bridged NSString): make a native copy.
                var copy = string!
                return try copy.withUTF8 { try appendValue(UnsafeRawBufferPointer($0)) }
            }
        }

        mutating func appendUTF8(_ column: UTF8StringColumn, range: Range<Int>) throws {
            try column.withBuffers { buffers in
                // Rows often repeat the row before (a report's id on each of its rows): such a
                // row reuses that row's dictionary index after one compare, without a lookup.
                var previous: (value: UnsafeRawBufferPointer, index: UInt32)?
                for i in range {
                    guard let value = buffers[i] else {
                        try appendNull()
                        continue
                    }
                    if let last = previous, usingDictionary, last.value.count == value.count,
                       value.count == 0 || bytesEqual(last.value.baseAddress!, value.baseAddress!, value.count) {
                        try appendDictionaryIndex(last.index)
                        continue
                    }
                    previous = try appendValue(value).map { (value, $0) }
                }
            }
        }

        mutating func appendRuns(_ column: UTF8RunColumn, range: Range<Int>) throws {
            guard !range.isEmpty else { return }
            var run = column.run(containing: range.lowerBound)
            try column.withBuffers { buffers in
                var row = range.lowerBound
                while row < range.upperBound {
                    let end = min(buffers.runEnds[run], range.upperBound)
                    if let value = buffers.values[run] {
                        try appendRepeated(value, count: end - row)
                        row = end
                    } else {
                        while row < end { try appendNull(); row += 1 }
                    }
                    run += 1
                }
            }
        }

        mutating func appendCodes(_ column: UTF8CodeColumn, range: Range<Int>) throws {
            // Each code's dictionary index, found on its first row: later rows of the code skip
            // the lookup (as repeated rows do on the other paths), and runs of such rows take
            // their indices in stretches that end at the next page check, as `appendRepeated`
            // does (the same pages as one row at a time). For this call only, since the next call
            // may bring another list.
            var known = [UInt32](repeating: .max, count: column.values.count)
            try column.values.withBuffers { values in
                try column.codes.withUnsafeBufferPointer { codes in
                    var row = range.lowerBound
                    while row < range.upperBound {
                        if usingDictionary {
                            let end = min(range.upperBound, row &+ common.valuesBeforePageCheck)
                            var stretch = row
                            while stretch < end, known[Int(codes[stretch])] != .max { stretch &+= 1 }
                            if stretch > row {
                                common.recordPresent(count: stretch &- row)
                                let found = known
                                indices.append(contentsOf: UnsafeBufferPointer(rebasing: codes[row..<stretch]).lazy.map { found[Int($0)] })
                                policy.countValues(stretch &- row)
                                row = stretch
                                if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
                                continue
                            }
                        }
                        let code = Int(codes[row])
                        if let index = try appendValue(values[code]!) { known[code] = index }
                        row &+= 1
                    }
                }
            }
        }

        @inline(__always)
        mutating func appendNull() throws {
            common.recordNull()
            if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
        }

        /// Appends one value; returns its dictionary index while the dictionary is in use.
        @inline(__always) @discardableResult
        mutating func appendValue(_ value: UnsafeRawBufferPointer) throws -> UInt32? {
            guard value.count <= Int(Int32.max) else {
                throw ParquetError.valueTooLarge(column: common.column.name)
            }
            common.recordPresent()
            var index: UInt32?
            if usingDictionary {
                index = UInt32(truncatingIfNeeded: dictionary.index(of: value))
                indices.append(index!)
                policy.countValue()
                if policy.shouldFallBack(bytes: dictionary.plainSize, entries: dictionary.count) {
                    try fallBackToPlain()
                    return nil
                }
            } else {
                PlainEncoder.appendByteArray(value, to: &plainValues)
                plainBounds.update(value)
            }
            if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
            return index
        }

        /// Appends a value already known to be dictionary entry `index`.
        @inline(__always)
        mutating func appendDictionaryIndex(_ index: UInt32) throws {
            common.recordPresent()
            indices.append(index)
            policy.countValue()
            if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
        }

        /// Appends `value` on `count` rows: one lookup, and while the dictionary is in use the
        /// other rows take its index in bulk, as many at a time as fit before the next page
        /// check (so pages end where one row at a time would end them). A page written may end
        /// the dictionary's use; the rows left then go PLAIN.
        mutating func appendRepeated(_ value: UnsafeRawBufferPointer, count: Int) throws {
            let index = try appendValue(value)
            var left = count &- 1
            if let index {
                while left > 0, usingDictionary {
                    let stretch = min(left, common.valuesBeforePageCheck)
                    common.recordPresent(count: stretch)
                    indices.append(contentsOf: repeatElement(index, count: stretch))
                    policy.countValues(stretch)
                    left &-= stretch
                    if common.isPageCheckDue, common.isPageFull(estimatedBytes: pageBytesEstimate) { try writePage() }
                }
            }
            while left > 0 {
                _ = try appendValue(value)
                left &-= 1
            }
        }

        /// Encoded size of the current page if it were written now (indices counted bit-packed).
        @inline(__always)
        var pageBytesEstimate: Int { common.levelBytesEstimate &+ valueBytesEstimate }

        @inline(__always)
        var valueBytesEstimate: Int {
            let indexBits = RLEHybridEncoder.bitWidth(forMaxValue: UInt64(dictionary.count))
            return plainValues.count &+ (indices.count &* indexBits) >> 3
        }

        /// The dictionary has grown too large to pay off: finish the current page with it
        /// and write PLAIN from now on (the dictionary page still covers earlier pages).
        mutating func fallBackToPlain() throws {
            try writePage()
            stopUsingDictionary()
        }

        mutating func stopUsingDictionary() {
            usingDictionary = false
            dictionary.stopLookups()
        }

        mutating func writePage() throws {
            guard common.pageValueCount > 0 else { return }
            var page = common.beginPage(valueBytes: valueBytesEstimate)
            let encoding: Encoding
            if usingDictionary, dictionary.count > 0 {
                RLEHybridEncoder.encodeDictionaryIndices(indices, dictionarySize: dictionary.count, into: &page)
                encoding = .rleDictionary
            } else {
                // PLAIN values (possibly none: an all-null page before any dictionary entry).
                page.append(contentsOf: plainValues)
                encoding = .plain
            }
            try common.endPage(page, encoding: encoding)
            indices.clearForNextPage(limit: common.pageValueLimit)
            plainValues.removeAll(keepingCapacity: true)
            if usingDictionary, common.pages.dataPageCount == 1, policy.shouldFallBackAfterFirstPage(entries: dictionary.count) {
                stopUsingDictionary()
            }
        }

        mutating func writeChunk(to output: CountingOutput) throws -> ColumnChunk {
            try writePage()
            var bounds = plainBounds
            if dictionary.count > 0 {
                try dictionary.plain.withUnsafeBytes {
                    try common.pages.writeDictionaryPage($0, entryCount: dictionary.count, to: output)
                }
                bounds.merge(dictionary.bounds)
            }
            let statistics = Statistics(nullCount: common.nullCount, maxValue: bounds.max, minValue: bounds.min)
            let chunk = try common.writeChunk(to: output, statistics: statistics)
            dictionary.removeAll(keepingCapacity: policy.keepsStorage(bytes: dictionary.plainSize))
            // The next chunk starts with a dictionary again.
            plainValues = []
            policy.reset()
            plainBounds.reset()
            usingDictionary = dictionaryEnabled
            return chunk
        }
    }
}

/// The two machine words of a stored `String?`, compared to spot repeated rows cheaply.
private struct StringWords: Equatable {
    var first: UInt64 = 0
    var second: UInt64 = 0

    /// A well-mixed hash of both words; callers mask it to their table size.
    @inline(__always)
    var cacheSlot: Int {
        Int(truncatingIfNeeded: ((first ^ (second &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9) >> 40)
    }
}

/// An entry of the per-call cache from `String` words to dictionary index.
private struct WordsCacheEntry {
    var words = StringWords()
    /// `.max` marks an empty entry.
    var index: UInt32 = .max
}

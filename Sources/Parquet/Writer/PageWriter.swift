/// Turns encoded page bodies into compressed pages with headers, and keeps what the chunk's
/// metadata needs: sizes (headers included, as the spec defines them), value counts and
/// which encodings were used.
///
/// Data pages are buffered in memory until the column chunk is written, because the
/// dictionary page must come first in the chunk but is only complete once every data page
/// has been encoded; the dictionary page then goes straight to the output.
struct PageWriter {
    let compressor: PageCompressor
    /// Header and compressed body of each data page, in order. One exactly sized array per
    /// page: a growing buffer would hold up to twice the chunk, and keep it after the chunk.
    private var dataPages: [[UInt8]] = []
    /// File offset of the dictionary page once written.
    private(set) var dictionaryPageOffset: Int64?
    private(set) var uncompressedSize: Int64 = 0
    private(set) var compressedSize: Int64 = 0
    /// Headers and compressed bodies of the data pages not yet written out.
    private(set) var bufferedBytes = 0
    /// Values (nulls included) over all data pages.
    private(set) var valueCount: Int64 = 0
    /// Data pages per encoding, indexed by `Encoding.rawValue` (fixed order keeps output deterministic).
    private var dataPageCounts = [Int32](repeating: 0, count: 10)

    init(compressor: PageCompressor) {
        self.compressor = compressor
    }

    /// Data pages of the current chunk so far.
    var dataPageCount: Int { dataPages.count }

    var hasDictionaryPage: Bool { dictionaryPageOffset != nil }

    mutating func reset() {
        dataPages = []
        bufferedBytes = 0
        dictionaryPageOffset = nil
        uncompressedSize = 0
        compressedSize = 0
        valueCount = 0
        for i in dataPageCounts.indices { dataPageCounts[i] = 0 }
    }

    /// Adds a v1 data page; `body` is the uncompressed levels + values.
    mutating func writeDataPage(_ body: UnsafeRawBufferPointer, valueCount count: Int, encoding: Encoding) throws {
        try compressor.compress(body) { compressed in
            let header = PageHeader(
                type: .dataPage,
                uncompressedPageSize: Int32(body.count),
                compressedPageSize: Int32(compressed.count),
                dataPageHeader: DataPageHeader(numValues: Int32(count), encoding: encoding)
            ).serialized(capacity: 32)
            var page: [UInt8] = []
            page.reserveCapacity(header.count + compressed.count)
            page.append(contentsOf: header)
            page.append(contentsOf: compressed)
            dataPages.append(page)
            bufferedBytes &+= page.count
            uncompressedSize += Int64(header.count + body.count)
            compressedSize += Int64(header.count + compressed.count)
        }
        valueCount += Int64(count)
        dataPageCounts[Int(encoding.rawValue)] += 1
    }

    /// Writes the dictionary page to `output`, where the chunk starts; `body` is the
    /// PLAIN-encoded dictionary.
    mutating func writeDictionaryPage(_ body: UnsafeRawBufferPointer, entryCount: Int, to output: CountingOutput) throws {
        precondition(dictionaryPageOffset == nil, "a column chunk has at most one dictionary page")
        dictionaryPageOffset = output.offset
        try compressor.compress(body) { compressed in
            let header = PageHeader(
                type: .dictionaryPage,
                uncompressedPageSize: Int32(body.count),
                compressedPageSize: Int32(compressed.count),
                dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(entryCount))
            ).serialized(capacity: 32)
            try output.write(header)
            try output.write(compressed)
            uncompressedSize += Int64(header.count + body.count)
            compressedSize += Int64(header.count + compressed.count)
        }
    }

    /// Writes the data pages to `output` and lets their memory go.
    mutating func writeDataPages(to output: CountingOutput) throws {
        for page in dataPages { try output.write(page) }
        dataPages = []
        bufferedBytes = 0
    }

    /// Every encoding used in the chunk, ascending: PLAIN (dictionary page or PLAIN data
    /// pages), RLE (levels; always declared in v1 data page headers), RLE_DICTIONARY.
    var encodings: [Encoding] {
        var used = Set<Int32>()
        if hasDictionaryPage { used.insert(Encoding.plain.rawValue) }
        for (raw, count) in dataPageCounts.enumerated() where count > 0 {
            used.insert(Int32(raw))
        }
        if valueCount > 0 { used.insert(Encoding.rle.rawValue) }
        return Encoding.allCases.filter { used.contains($0.rawValue) }
    }

    /// Per page type and encoding, how many pages: lets Spark know whether every data
    /// page is dictionary encoded without guessing from `encodings`.
    var encodingStats: [PageEncodingStats] {
        var stats: [PageEncodingStats] = []
        if hasDictionaryPage {
            stats.append(PageEncodingStats(pageType: .dictionaryPage, encoding: .plain, count: 1))
        }
        for (raw, count) in dataPageCounts.enumerated() where count > 0 {
            stats.append(PageEncodingStats(pageType: .dataPage, encoding: Encoding(rawValue: Int32(raw))!, count: count))
        }
        return stats
    }
}

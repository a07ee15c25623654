/// Turns encoded page bodies into compressed pages with headers, buffered in memory until
/// the column chunk is written, and keeps what the chunk's metadata needs: sizes (headers
/// included, as the spec defines them), value counts and which encodings were used.
///
/// The dictionary page is kept apart because it must come first in the chunk but is
/// only complete once every data page has been encoded.
struct PageWriter {
    let compressor: PageCompressor
    /// Headers and compressed bodies of the data pages, in order.
    private(set) var dataPages: [UInt8] = []
    /// Header and compressed body of the dictionary page, if any.
    private(set) var dictionaryPage: [UInt8]?
    private(set) var uncompressedSize: Int64 = 0
    private(set) var compressedSize: Int64 = 0
    /// Values (nulls included) over all data pages.
    private(set) var valueCount: Int64 = 0
    /// Data pages per encoding, indexed by `Encoding.rawValue` (fixed order keeps output deterministic).
    private var dataPageCounts = [Int32](repeating: 0, count: 10)

    init(compressor: PageCompressor) {
        self.compressor = compressor
    }

    var hasDictionaryPage: Bool { dictionaryPage != nil }

    mutating func reset() {
        dataPages.removeAll(keepingCapacity: true)
        dictionaryPage = nil
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
            dataPages.append(contentsOf: header)
            dataPages.append(contentsOf: compressed)
            uncompressedSize += Int64(header.count + body.count)
            compressedSize += Int64(header.count + compressed.count)
        }
        valueCount += Int64(count)
        dataPageCounts[Int(encoding.rawValue)] += 1
    }

    /// Sets the dictionary page; `body` is the PLAIN-encoded dictionary.
    mutating func writeDictionaryPage(_ body: UnsafeRawBufferPointer, entryCount: Int) throws {
        precondition(dictionaryPage == nil, "a column chunk has at most one dictionary page")
        try compressor.compress(body) { compressed in
            let header = PageHeader(
                type: .dictionaryPage,
                uncompressedPageSize: Int32(body.count),
                compressedPageSize: Int32(compressed.count),
                dictionaryPageHeader: DictionaryPageHeader(numValues: Int32(entryCount))
            ).serialized(capacity: 32)
            var page = header
            page.append(contentsOf: compressed)
            dictionaryPage = page
            uncompressedSize += Int64(header.count + body.count)
            compressedSize += Int64(header.count + compressed.count)
        }
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

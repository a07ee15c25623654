/// Encodes one column's values into pages for the current row group, then writes them
/// out as a column chunk. One writer per column lives for the whole file and is reused
/// (buffers and hash tables keep their capacity) from one row group to the next.
protocol ColumnChunkWriter: AnyObject {
    /// Encodes `values[range]`; the values were validated against the schema already.
    func append(_ values: ColumnValues, range: Range<Int>) throws
    /// Closes the last page, writes dictionary page (if any) and data pages to `output`,
    /// returns the chunk's metadata, and gets ready for the next row group.
    func writeChunk(to output: CountingOutput) throws -> ColumnChunk
    /// Bytes the chunk holds until it is written: its compressed data pages and its
    /// dictionary's PLAIN size (the page being built is not counted).
    var bufferedBytes: Int { get }
}

/// Creates the writer for a column's type.
func makeColumnChunkWriter(for column: Column, options: WriterOptions) -> any ColumnChunkWriter {
    switch column.type {
    case .string:
        ByteArrayColumnWriter(column: column, options: options)
    case .int32, .date:
        Int32ColumnWriter(column: column, options: options)
    case .int64:
        Int64ColumnWriter(column: column, options: options)
    case .double:
        DoubleColumnWriter(column: column, options: options)
    case .boolean:
        BooleanColumnWriter(column: column, options: options)
    }
}

/// What every column writer shares: the definition levels of the page being built,
/// the page's value count, the chunk's null count, and the pages written so far.
struct ChunkState {
    let column: Column
    let physicalType: PhysicalType
    let pageSizeTarget: Int
    let pageValueLimit: Int
    var pages: PageWriter
    /// One level per value of the current page (only for nullable columns): 1 = present.
    var definitionLevels: [UInt8] = []
    /// Values in the current page, nulls included.
    var pageValueCount = 0
    /// Value count at which the current page is next checked for being full.
    private var nextPageCheck: Int
    /// Nulls in the current chunk.
    var nullCount: Int64 = 0

    init(column: Column, physicalType: PhysicalType, options: WriterOptions) {
        self.column = column
        self.physicalType = physicalType
        pageSizeTarget = options.dataPageSize
        pageValueLimit = options.dataPageValueLimit
        nextPageCheck = min(ChunkState.pageCheckInterval, pageValueLimit)
        pages = PageWriter(compressor: PageCompressor(options.compression))
    }

    @inline(__always)
    mutating func recordPresent() {
        if column.nullable { definitionLevels.append(1) }
        pageValueCount &+= 1
    }

    /// `recordPresent` `count` times.
    @inline(__always)
    mutating func recordPresent(count: Int) {
        if column.nullable { definitionLevels.append(contentsOf: repeatElement(1, count: count)) }
        pageValueCount &+= count
    }

    @inline(__always)
    mutating func recordNull() {
        definitionLevels.append(0)
        pageValueCount &+= 1
        nullCount &+= 1
    }

    /// Page size is estimated every 64 values rather than on every value: a page may
    /// overshoot its size target by a few values, which costs nothing, and the hot loop stays
    /// short. The value limit is exact: a check is also due when the page reaches it.
    static let pageCheckInterval = 64

    @inline(__always)
    var isPageCheckDue: Bool { pageValueCount >= nextPageCheck }

    /// Values that can be recorded before the next page check is due (at least one).
    @inline(__always)
    var valuesBeforePageCheck: Int { max(1, nextPageCheck &- pageValueCount) }

    /// Whether the current page is complete, given its estimated encoded size; if not,
    /// schedules the next check. Call when `isPageCheckDue`.
    @inline(__always)
    mutating func isPageFull(estimatedBytes: Int) -> Bool {
        if pageValueCount >= pageValueLimit || estimatedBytes >= pageSizeTarget { return true }
        nextPageCheck = min(pageValueCount &+ ChunkState.pageCheckInterval, pageValueLimit)
        return false
    }

    /// Rough encoded size of the current page's levels.
    @inline(__always)
    var levelBytesEstimate: Int { definitionLevels.count >> 3 }

    /// Starts the body of the current page: returns a buffer holding the definition levels
    /// (RLE hybrid, bit width 1, 4-byte length prefix) if the column is nullable, with room
    /// for the values' estimated size (plus a little for run headers). The caller appends the
    /// encoded values and passes it to `endPage`. The buffer lives for one page: reused, it
    /// would stay as large as the largest page of the column.
    mutating func beginPage(valueBytes: Int) -> [UInt8] {
        var page: [UInt8] = []
        let levelBytes = column.nullable ? 4 &+ levelBytesEstimate : 0
        page.reserveCapacity(levelBytes &+ valueBytes &+ (levelBytes &+ valueBytes) >> 6 &+ 16)
        if column.nullable {
            definitionLevels.withUnsafeBufferPointer {
                RLEHybridEncoder.encodeWithLengthPrefix($0, bitWidth: 1, into: &page)
            }
        }
        return page
    }

    /// Compresses and stores the page started by `beginPage`, and starts a new one.
    mutating func endPage(_ page: [UInt8], encoding: Encoding) throws {
        try page.withUnsafeBytes { try pages.writeDataPage($0, valueCount: pageValueCount, encoding: encoding) }
        definitionLevels.clearForNextPage(limit: pageValueLimit)
        pageValueCount = 0
        nextPageCheck = min(ChunkState.pageCheckInterval, pageValueLimit)
    }

    /// Writes the chunk's data pages and returns its metadata. The caller must have written
    /// its last data page, and its dictionary page (if any) to `output`.
    mutating func writeChunk(to output: CountingOutput, statistics: Statistics) throws -> ColumnChunk {
        let dataPageOffset = output.offset
        try pages.writeDataPages(to: output)
        let metaData = ColumnMetaData(
            type: physicalType,
            encodings: pages.encodings,
            pathInSchema: [column.name],
            codec: pages.compressor.codec,
            numValues: pages.valueCount,
            totalUncompressedSize: pages.uncompressedSize,
            totalCompressedSize: pages.compressedSize,
            dataPageOffset: dataPageOffset,
            dictionaryPageOffset: pages.dictionaryPageOffset,
            statistics: statistics,
            encodingStats: pages.encodingStats
        )
        pages.reset()
        nullCount = 0
        return ColumnChunk(metaData: metaData)
    }
}

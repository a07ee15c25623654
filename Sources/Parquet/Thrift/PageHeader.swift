/// Header of a version-1 data page.
struct DataPageHeader: ThriftStruct {
    /// Values in the page, nulls included.
    var numValues: Int32
    var encoding: Encoding
    var definitionLevelEncoding: Encoding = .rle
    var repetitionLevelEncoding: Encoding = .rle
    var statistics: Statistics?

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, numValues)
        writer.writeI32(2, encoding.rawValue)
        writer.writeI32(3, definitionLevelEncoding.rawValue)
        writer.writeI32(4, repetitionLevelEncoding.rawValue)
        if let statistics { writer.writeStruct(5, statistics) }
    }
}

struct DictionaryPageHeader: ThriftStruct {
    var numValues: Int32
    var encoding: Encoding = .plain
    var isSorted: Bool?

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, numValues)
        writer.writeI32(2, encoding.rawValue)
        if let isSorted { writer.writeBool(3, isSorted) }
    }
}

/// `PageHeader`: precedes every page; sizes exclude the header itself.
struct PageHeader: ThriftStruct {
    var type: PageType
    var uncompressedPageSize: Int32
    var compressedPageSize: Int32
    var dataPageHeader: DataPageHeader?
    var dictionaryPageHeader: DictionaryPageHeader?

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, type.rawValue)
        writer.writeI32(2, uncompressedPageSize)
        writer.writeI32(3, compressedPageSize)
        if let dataPageHeader { writer.writeStruct(5, dataPageHeader) }
        if let dictionaryPageHeader { writer.writeStruct(7, dictionaryPageHeader) }
    }
}

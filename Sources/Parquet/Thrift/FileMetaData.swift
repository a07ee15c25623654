/// One node of the flattened schema tree (the root group, then each leaf).
struct SchemaElement: ThriftStruct {
    var type: PhysicalType?
    var repetitionType: FieldRepetitionType?
    var name: String
    var numChildren: Int32?
    var convertedType: ConvertedType?
    var logicalType: LogicalType?

    func writeFields(to writer: inout CompactWriter) {
        if let type { writer.writeI32(1, type.rawValue) }
        if let repetitionType { writer.writeI32(3, repetitionType.rawValue) }
        writer.writeString(4, name)
        if let numChildren { writer.writeI32(5, numChildren) }
        if let convertedType { writer.writeI32(6, convertedType.rawValue) }
        if let logicalType { writer.writeStruct(10) { logicalType.write(to: &$0) } }
    }
}

struct KeyValue: ThriftStruct {
    var key: String
    var value: String?

    func writeFields(to writer: inout CompactWriter) {
        writer.writeString(1, key)
        if let value { writer.writeString(2, value) }
    }
}

/// How many pages of one type used one encoding; lets readers (parquet-mr / Spark)
/// know for certain whether every data page is dictionary encoded.
struct PageEncodingStats: ThriftStruct {
    var pageType: PageType
    var encoding: Encoding
    var count: Int32

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, pageType.rawValue)
        writer.writeI32(2, encoding.rawValue)
        writer.writeI32(3, count)
    }
}

struct ColumnMetaData: ThriftStruct {
    var type: PhysicalType
    /// Every encoding used by any page of the chunk, levels included.
    var encodings: [Encoding]
    var pathInSchema: [String]
    var codec: CompressionCodec
    /// Values including nulls.
    var numValues: Int64
    /// Sum over pages of header bytes plus uncompressed body bytes.
    var totalUncompressedSize: Int64
    /// Sum over pages of header bytes plus compressed body bytes.
    var totalCompressedSize: Int64
    var dataPageOffset: Int64
    var dictionaryPageOffset: Int64?
    var statistics: Statistics?
    var encodingStats: [PageEncodingStats]

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, type.rawValue)
        writer.writeI32List(2, encodings.map(\.rawValue))
        writer.writeStringList(3, pathInSchema)
        writer.writeI32(4, codec.rawValue)
        writer.writeI64(5, numValues)
        writer.writeI64(6, totalUncompressedSize)
        writer.writeI64(7, totalCompressedSize)
        writer.writeI64(9, dataPageOffset)
        if let dictionaryPageOffset { writer.writeI64(11, dictionaryPageOffset) }
        if let statistics { writer.writeStruct(12, statistics) }
        if !encodingStats.isEmpty { writer.writeStructList(13, encodingStats) }
    }
}

struct ColumnChunk: ThriftStruct {
    /// Deprecated; the spec asks writers to put 0 here when metadata lives only in the footer.
    var fileOffset: Int64 = 0
    var metaData: ColumnMetaData

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI64(2, fileOffset)
        writer.writeStruct(3, metaData)
    }
}

struct RowGroup: ThriftStruct {
    var columns: [ColumnChunk]
    /// Uncompressed bytes of all column chunks (page headers included).
    var totalByteSize: Int64
    var numRows: Int64
    /// Offset of the first page of the first column chunk.
    var fileOffset: Int64
    var totalCompressedSize: Int64
    var ordinal: Int16
    var sortingColumns: [SortingColumn] = []

    func writeFields(to writer: inout CompactWriter) {
        writer.writeStructList(1, columns)
        writer.writeI64(2, totalByteSize)
        writer.writeI64(3, numRows)
        if !sortingColumns.isEmpty { writer.writeStructList(4, sortingColumns) }
        writer.writeI64(5, fileOffset)
        writer.writeI64(6, totalCompressedSize)
        writer.writeI16(7, ordinal)
    }
}

/// The footer. `column_orders` is always written (TYPE_ORDER per leaf), because without
/// it readers must treat `min_value`/`max_value` as undefined and ignore them.
struct FileMetaData: ThriftStruct {
    var version: Int32 = 1
    var schema: [SchemaElement]
    var numRows: Int64
    var rowGroups: [RowGroup]
    var keyValueMetadata: [KeyValue]
    var createdBy: String?
    var leafCount: Int

    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, version)
        writer.writeStructList(2, schema)
        writer.writeI64(3, numRows)
        writer.writeStructList(4, rowGroups)
        if !keyValueMetadata.isEmpty { writer.writeStructList(5, keyValueMetadata) }
        if let createdBy { writer.writeString(6, createdBy) }
        writer.writeStructList(7, count: leafCount) { _, order in order.writeEmptyStruct(1) }
    }
}

/// `SortingColumn` as the footer holds it.
extension SortingColumn: ThriftStruct {
    func writeFields(to writer: inout CompactWriter) {
        writer.writeI32(1, columnIndex)
        writer.writeBool(2, descending)
        writer.writeBool(3, nullsFirst)
    }
}

/// Parquet `Type`: how values are laid out on disk.
enum PhysicalType: Int32 {
    case boolean = 0
    case int32 = 1
    case int64 = 2
    case int96 = 3
    case float = 4
    case double = 5
    case byteArray = 6
    case fixedLenByteArray = 7
}

/// Legacy annotation; still required next to `LogicalType` because some readers
/// (DuckDB, older Spark) look only here and would read strings as BLOB otherwise.
enum ConvertedType: Int32 {
    case utf8 = 0
    case date = 6
}

enum FieldRepetitionType: Int32 {
    case required = 0
    case optional = 1
    case repeated = 2
}

/// Parquet `Encoding`; its raw value also orders the `encodings` list we write.
enum Encoding: Int32, CaseIterable {
    case plain = 0
    case plainDictionary = 2
    case rle = 3
    case bitPacked = 4
    case deltaBinaryPacked = 5
    case deltaLengthByteArray = 6
    case deltaByteArray = 7
    case rleDictionary = 8
    case byteStreamSplit = 9
}

enum CompressionCodec: Int32 {
    case uncompressed = 0
    case snappy = 1
    case gzip = 2
    case zstd = 6
}

enum PageType: Int32 {
    case dataPage = 0
    case indexPage = 1
    case dictionaryPage = 2
    case dataPageV2 = 3
}

/// The `LogicalType` union members we emit.
enum LogicalType {
    case string
    case date

    func write(to writer: inout CompactWriter) {
        switch self {
        case .string: writer.writeEmptyStruct(1)
        case .date: writer.writeEmptyStruct(6)
        }
    }
}

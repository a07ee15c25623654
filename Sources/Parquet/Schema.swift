/// The column types this writer supports, named by what they hold rather than by
/// their Parquet physical type, so callers never pick encodings or annotations.
public enum ParquetType: Sendable, Hashable, CustomStringConvertible {
    /// UTF-8 text: BYTE_ARRAY annotated STRING (and legacy UTF8) so readers do not see BLOB.
    case string
    case int32
    case int64
    case double
    case boolean
    /// Days since 1970-01-01: INT32 annotated DATE.
    case date

    public var description: String {
        switch self {
        case .string: "string"
        case .int32: "int32"
        case .int64: "int64"
        case .double: "double"
        case .boolean: "boolean"
        case .date: "date"
        }
    }
}

/// One flat (non-nested) column. `nullable` decides whether definition levels are written.
public struct Column: Sendable, Hashable {
    public var name: String
    public var type: ParquetType
    public var nullable: Bool

    public init(name: String, type: ParquetType, nullable: Bool = false) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}

/// A flat schema: the leaves of one root group, in file order.
public struct Schema: Sendable, Hashable {
    public var columns: [Column]

    public init(columns: [Column]) {
        self.columns = columns
    }

    public init(_ columns: Column...) {
        self.columns = columns
    }
}

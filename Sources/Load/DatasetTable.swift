/// One column's values, typed; nil is null (only in nullable columns).
public enum ColumnData: Sendable, Hashable {
    case string([String?])
    case int32([Int32?])
    case int64([Int64?])
    case double([Double?])
    /// Days since 1970-01-01.
    case date([Int32?])

    init(_ type: ColumnType) {
        switch type {
        case .string: self = .string([])
        case .int32: self = .int32([])
        case .int64: self = .int64([])
        case .double: self = .double([])
        case .date: self = .date([])
        }
    }

    public var count: Int {
        switch self {
        case .string(let v): v.count
        case .int32(let v): v.count
        case .int64(let v): v.count
        case .double(let v): v.count
        case .date(let v): v.count
        }
    }
}

/// A dataset held as columns, the shape both CSV and Parquet writers want.
public struct DatasetTable: Sendable, Hashable {
    public let schema: DatasetSchema
    public private(set) var columns: [ColumnData]

    public init(schema: DatasetSchema) {
        self.schema = schema
        self.columns = schema.columns.map { ColumnData($0.type) }
    }

    public var rowCount: Int { columns.first?.count ?? 0 }

    /// A value to append; the case must match the column's type.
    public enum Value: Sendable {
        case string(String)
        case int(Int64)
        case double(Double)
        case date(Int32?)
    }

    /// Appends one row; values follow the schema's column order.
    public mutating func append(_ row: [Value]) {
        precondition(row.count == columns.count, "row width \(row.count) != \(columns.count) for \(schema.name)")
        for (index, value) in row.enumerated() {
            switch (columns[index], value) {
            case (.string(var v), .string(let s)): columns[index] = .string([]); v.append(s); columns[index] = .string(v)
            case (.int32(var v), .int(let i)): columns[index] = .int32([]); v.append(Int32(truncatingIfNeeded: i)); columns[index] = .int32(v)
            case (.int64(var v), .int(let i)): columns[index] = .int64([]); v.append(i); columns[index] = .int64(v)
            case (.double(var v), .double(let d)): columns[index] = .double([]); v.append(d); columns[index] = .double(v)
            case (.date(var v), .date(let d)): columns[index] = .date([]); v.append(d); columns[index] = .date(v)
            default: preconditionFailure("value \(value) does not fit column \(schema.columns[index].name) of \(schema.name)")
            }
        }
    }
}

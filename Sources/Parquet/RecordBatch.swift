/// Rows to write, column by column, already checked against a schema so the writer's
/// hot loops need no per-value checks.
public struct RecordBatch: Sendable {
    public let schema: Schema
    public let columns: [ColumnValues]
    public let rowCount: Int

    /// Validates that there is one column per schema column, each of the declared type,
    /// all of the same length, and without nulls in columns that are not nullable.
    public init(schema: Schema, columns: [ColumnValues]) throws {
        guard columns.count == schema.columns.count else {
            throw ParquetError.columnCountMismatch(expected: schema.columns.count, actual: columns.count)
        }
        let rows = columns.first?.count ?? 0
        for (column, values) in zip(schema.columns, columns) {
            guard values.type == column.type else {
                throw ParquetError.typeMismatch(column: column.name, expected: column.type, actual: values.type)
            }
            guard values.count == rows else {
                throw ParquetError.lengthMismatch(column: column.name, expected: rows, actual: values.count)
            }
            if !column.nullable, let row = values.firstNullIndex {
                throw ParquetError.nullInRequiredColumn(column: column.name, row: row)
            }
        }
        self.schema = schema
        self.columns = columns
        self.rowCount = rows
    }
}

/// Everything the writer can refuse, each naming what is wrong so a pipeline log is actionable.
public enum ParquetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The batch has a different number of columns than the schema.
    case columnCountMismatch(expected: Int, actual: Int)
    /// A column's values are of another type than the schema declares.
    case typeMismatch(column: String, expected: ParquetType, actual: ParquetType)
    /// Columns of one batch must all have the same number of rows.
    case lengthMismatch(column: String, expected: Int, actual: Int)
    /// A nil was given for a column declared not nullable.
    case nullInRequiredColumn(column: String, row: Int)
    /// The batch was validated against a different schema than the writer's.
    case schemaMismatch(String)
    /// The schema itself cannot be written (e.g. duplicate or empty names).
    case invalidSchema(String)
    /// An option is out of range.
    case invalidOption(String)
    /// A value does not fit a Parquet limit (e.g. a string longer than 2 GiB).
    case valueTooLarge(column: String)
    /// `write` or `close` after `close`.
    case writerClosed
    /// An earlier `write` failed part-way; the file cannot be completed.
    case writerFailed(String)
    /// The output could not be opened or written.
    case io(String)
    /// The compressor reported an error.
    case compression(String)
    /// A file being read is not Parquet as this module writes it (damaged, or a feature it does not read).
    case corrupt(String)

    public var description: String {
        switch self {
        case let .columnCountMismatch(expected, actual):
            "batch has \(actual) columns, schema has \(expected)"
        case let .typeMismatch(column, expected, actual):
            "column '\(column)': values are \(actual), schema says \(expected)"
        case let .lengthMismatch(column, expected, actual):
            "column '\(column)': \(actual) rows, expected \(expected)"
        case let .nullInRequiredColumn(column, row):
            "column '\(column)' is not nullable but row \(row) is null"
        case let .schemaMismatch(message):
            "schema mismatch: \(message)"
        case let .invalidSchema(message):
            "invalid schema: \(message)"
        case let .invalidOption(message):
            "invalid option: \(message)"
        case let .valueTooLarge(column):
            "column '\(column)': value too large for Parquet"
        case .writerClosed:
            "the writer is already closed"
        case let .writerFailed(reason):
            "an earlier write failed (\(reason)); the file is incomplete"
        case let .io(message):
            "I/O error: \(message)"
        case let .corrupt(message):
            "not readable Parquet: \(message)"
        case let .compression(message):
            "compression error: \(message)"
        }
    }
}

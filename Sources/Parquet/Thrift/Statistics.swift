/// Parquet `Statistics`. We fill the typed `min_value`/`max_value` (ids 6/5), whose order
/// is defined by `column_orders`, and never the deprecated signed-order `min`/`max`.
struct Statistics: ThriftStruct, Equatable {
    var nullCount: Int64?
    var distinctCount: Int64?
    /// PLAIN encoding of the maximum, without a length prefix for byte arrays.
    var maxValue: [UInt8]?
    var minValue: [UInt8]?
    /// Number of NaNs; the spec wants it on every floating-point column chunk.
    var nanCount: Int64?

    func writeFields(to writer: inout CompactWriter) {
        if let nullCount { writer.writeI64(3, nullCount) }
        if let distinctCount { writer.writeI64(4, distinctCount) }
        if let maxValue { writer.writeBinary(5, maxValue) }
        if let minValue { writer.writeBinary(6, minValue) }
        if let nanCount { writer.writeI64(9, nanCount) }
    }
}

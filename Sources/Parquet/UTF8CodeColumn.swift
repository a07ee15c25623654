/// Text drawn from a short list of values, stored as each row's position (code) in the list, as
/// Arrow's dictionary arrays are. It has no nulls.
///
/// Columns of a few fixed codes (a template's item and row names) then cost a small integer
/// per row, and the writer looks each list entry up in its dictionary once per append instead
/// of once per row.
public struct UTF8CodeColumn: Sendable {
    /// The values codes point to; one list is usually shared by many columns, unchanged.
    public private(set) var values: UTF8StringColumn
    /// Row `i` is `values[codes[i]]`.
    public var codes: [UInt32] { storedCodes }
    /// Usable from inlined code, so that appending a code inlines into the caller's loop.
    @usableFromInline var storedCodes: [UInt32] = []

    /// A column whose rows will be drawn from `values`, which must have no nulls.
    public init(values: UTF8StringColumn) {
        precondition(values.firstNullIndex == nil, "a code list has no nulls")
        self.values = values
    }

    /// A column whose rows `codes` were drawn from `values` elsewhere (shared, not copied).
    public init(values: UTF8StringColumn, codes: [UInt32]) {
        self.init(values: values)
        storedCodes = codes
    }

    /// Number of rows.
    public var count: Int { codes.count }

    /// Appends the row `values[code]`.
    @inlinable
    public mutating func append(code: Int) {
        assert(code >= 0 && code < values.count, "code \(code) is not in the list of \(values.count)")
        storedCodes.append(UInt32(truncatingIfNeeded: code))
    }

    /// Appends `value`, adding it to the list if it is not there (a linear search: for lists of
    /// a few tens of values).
    public mutating func append(_ value: String) {
        var text = value
        let code = text.withUTF8 { utf8 in
            values.withBuffers { list in
                (0 ..< list.offsets.count - 1).first { list[$0].map { $0.elementsEqual(UnsafeRawBufferPointer(utf8)) } ?? false }
            }
        }
        if let code { return append(code: code) }
        values.append(value)
        append(code: values.count - 1)
    }

    /// The value of row `i`, decoded to a `String` (for tests and debugging; slow).
    public subscript(i: Int) -> String? { values[Int(storedCodes[i])] }

    /// The rows `rows`, in that order, as a new column with the same list.
    public func selecting(_ rows: [Int]) -> UTF8CodeColumn {
        var result = UTF8CodeColumn(values: values)
        result.storedCodes = rows.map { storedCodes[$0] }
        return result
    }
}

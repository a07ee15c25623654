/// A value stored with a fixed width (INT32, INT64, DOUBLE): how it maps to bits for the
/// dictionary and PLAIN encoding, and how it orders for statistics.
protocol FixedWidthValue: Sendable {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    static var physicalType: PhysicalType { get }
    var bits: Bits { get }
    init(bits: Bits)
    /// Whether the value is left out of min/max (NaN).
    var isUnordered: Bool { get }
    /// Statistics bounds as the spec wants them written (e.g. -0.0 as min, +0.0 as max).
    static func normalizedBounds(min: Self, max: Self) -> (min: Self, max: Self)
    static func < (lhs: Self, rhs: Self) -> Bool
}

extension FixedWidthValue {
    var isUnordered: Bool { false }
    static func normalizedBounds(min: Self, max: Self) -> (min: Self, max: Self) { (min, max) }
}

extension Int32: FixedWidthValue {
    static var physicalType: PhysicalType { .int32 }
    var bits: UInt32 { UInt32(bitPattern: self) }
    init(bits: UInt32) { self.init(bitPattern: bits) }
}

extension Int64: FixedWidthValue {
    static var physicalType: PhysicalType { .int64 }
    var bits: UInt64 { UInt64(bitPattern: self) }
    init(bits: UInt64) { self.init(bitPattern: bits) }
}

extension Double: FixedWidthValue {
    static var physicalType: PhysicalType { .double }
    var bits: UInt64 { bitPattern }
    init(bits: UInt64) { self.init(bitPattern: bits) }

    /// NaN has no place in an order; the spec says to leave it out of min/max.
    var isUnordered: Bool { isNaN }

    /// A zero bound might stand for either sign: the spec asks for -0.0 as min and +0.0 as
    /// max so that readers pruning on them never skip a row with the other zero.
    static func normalizedBounds(min: Double, max: Double) -> (min: Double, max: Double) {
        (min == 0 ? -0.0 : min, max == 0 ? 0.0 : max)
    }
}

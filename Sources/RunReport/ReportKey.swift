import Parquet

/// A report_id as a dictionary key that makes no `String`: the pipeline's ids (64 lowercase hex
/// digits, a SHA-256) in 32 bytes, any other id as its text.
enum ReportKey: Hashable {
    case digest(UInt64, UInt64, UInt64, UInt64)
    case text(String)

    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        self = bytes.withContiguousStorageIfAvailable { Self($0) } ?? Array(bytes).withUnsafeBufferPointer { Self($0) }
    }

    /// The id of `entry`, read where `values` holds it.
    init(_ values: ByteArrayValues, entry: Int) {
        self = values.bytes.withUnsafeBufferPointer { Self(UnsafeBufferPointer(rebasing: $0[values.starts[entry]..<values.starts[entry + 1]])) }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        func word(_ start: Int) -> UInt64? {
            var value: UInt64 = 0
            for index in start..<(start + 16) {
                let byte = bytes[index]
                if byte &- UInt8(ascii: "0") < 10 {
                    value = value << 4 | UInt64(byte &- UInt8(ascii: "0"))
                } else if byte &- UInt8(ascii: "a") < 6 {
                    value = value << 4 | UInt64(byte &- UInt8(ascii: "a") &+ 10)
                } else {
                    return nil
                }
            }
            return value
        }
        if bytes.count == 64, let a = word(0), let b = word(16), let c = word(32), let d = word(48) {
            self = .digest(a, b, c, d)
        } else {
            self = .text(String(decoding: bytes, as: UTF8.self))
        }
    }
}

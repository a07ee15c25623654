import DisclosureModel
import Parquet

/// A report_id as a dictionary key that makes no `String`: the pipeline's ids (64 lowercase hex
/// digits, a SHA-256) as their 32 bytes (`ReportKey`), any other id as its text.
enum ReportIdKey: Hashable {
    case digest(ReportKey)
    case text(String)

    init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        self = bytes.withContiguousStorageIfAvailable { Self($0) } ?? Array(bytes).withUnsafeBufferPointer { Self($0) }
    }

    /// The id of `entry`, read where `values` holds it.
    init(_ values: ByteArrayValues, entry: Int) {
        self = values.bytes.withUnsafeBufferPointer { Self(UnsafeBufferPointer(rebasing: $0[values.starts[entry]..<values.starts[entry + 1]])) }
    }

    private init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self = ReportKey(hex: bytes).map(Self.digest) ?? .text(String(decoding: bytes, as: UTF8.self))
    }
}

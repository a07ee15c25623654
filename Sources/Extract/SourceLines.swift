import DisclosureModel

/// Decoded UTF-8 text split into lines, kept as byte ranges so hot paths never build `Character`s.
public struct SourceLines: Sendable {
    public let bytes: [UInt8]
    /// Byte range of each line, without its `\n`. Index 0 is line 1.
    public let ranges: [Range<Int>]

    public init(utf8 bytes: [UInt8]) {
        self.bytes = bytes
        var ranges: [Range<Int>] = []
        // Lines of reports average 18 (Word, one cell a line) to 90 bytes: one allocation, mostly.
        ranges.reserveCapacity(bytes.count / 16 + 1)
        var start = 0
        while let end = ByteText.firstIndex(of: 0x0A, in: bytes[start...]) {
            ranges.append(start..<end)
            start = end + 1
        }
        if start < bytes.count { ranges.append(start..<bytes.count) }
        self.ranges = ranges
    }

    public var count: Int { ranges.count }

    public subscript(index: Int) -> ArraySlice<UInt8> { bytes[ranges[index]] }

    public func string(_ index: Int) -> String { String(decoding: self[index], as: UTF8.self) }
}

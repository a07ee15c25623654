/// Finds the bytes that force a CSV field into quotes (comma, quote, CR, LF) eight bytes at a
/// time: every field of every row is scanned, and most are long ids or Chinese text.
enum CSVSpecialBytes {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Whether `bytes` holds a comma, a double quote, CR or LF.
    @inline(__always)
    static func occur(in bytes: UnsafeRawBufferPointer) -> Bool {
        var i = 0
        let count = bytes.count
        while i &+ 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let found = zeroBytes(word ^ (ones &* 0x2C)) | zeroBytes(word ^ (ones &* 0x22))
                | zeroBytes(word ^ (ones &* 0x0A)) | zeroBytes(word ^ (ones &* 0x0D))
            if found != 0 { return true }
            i &+= 8
        }
        while i < count {
            let byte = bytes[i]
            if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
            i &+= 1
        }
        return false
    }

    /// Nonzero exactly when `word` has a zero byte (the classic bit trick).
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }
}

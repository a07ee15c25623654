import DisclosureModel

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a file's bytes into UTF-8, detecting the encoding the way government sites serve it.
///
/// Order: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then GB18030 (a superset of GBK and
/// GB2312) through the C library's iconv. Line endings become `\n`. A text with a few bad bytes
/// (a flipped bit, a cut multi-byte character, a stray NUL) is read in whichever of UTF-8 and
/// GB18030 leaves fewer, each bad byte becoming U+FFFD, as long as at most 1 in 100 bytes is bad:
/// losing one cell beats losing the report.
public enum TextDecoding {
    /// Decoded text and the name of the encoding it was read from.
    public struct Decoded: Sendable {
        public var utf8: [UInt8]
        public var encoding: String
        /// Bytes replaced by U+FFFD, when any were.
        public var repair: Repair? = nil
    }

    /// Bad bytes replaced by U+FFFD: how many, and the lines (1-based) that hold them.
    public struct Repair: Sendable, Equatable {
        /// Bytes not valid in the encoding.
        public var invalid: Int
        /// NUL bytes (valid UTF-8, but never text).
        public var nul: Int
        public var lines: [Int]

        /// The detail of the `text_repaired` diagnostic.
        public func detail(encoding: String) -> String {
            let shown = lines.prefix(20).map(String.init).joined(separator: ", ") + (lines.count > 20 ? ", … (\(lines.count) lines)" : "")
            var what: [String] = []
            if invalid > 0 { what.append("\(invalid) byte(s) not valid \(encoding)") }
            if nul > 0 { what.append("\(nul) NUL byte(s)") }
            return what.joined(separator: " and ") + " replaced by U+FFFD (�) at line(s) \(shown); the rest of the text is read as it is"
        }
    }

    /// More bad bytes than 1 in this many and the text is `undecodable` rather than repaired.
    static let repairableShare = 100

    /// Why bytes could not be taken as text.
    public enum Failure: Error, Sendable, Equatable {
        case empty
        case binary(String)
        case undecodable(String)
    }

    public static func decode(_ bytes: [UInt8]) -> Result<Decoded, Failure> {
        if bytes.allSatisfy({ isWhitespace($0) }) { return .failure(.empty) }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let body = Array(bytes.dropFirst(3))
            guard isValidUTF8(body) else { return repaired(body, byteOrderMark: true) }
            return finish(body, "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            let encoding = littleEndian ? "utf-16le" : "utf-16be"
            guard let utf8 = utf16ToUTF8(bytes.dropFirst(2), littleEndian: littleEndian) else {
                return repairedUTF16(bytes.dropFirst(2), littleEndian: littleEndian, encoding: encoding)
            }
            return finish(utf8, encoding)
        }
        let (binary, isUTF8) = bytes.withUnsafeBufferPointer { examine($0) }
        if let reason = binary { return .failure(.binary(reason)) }
        let hasNUL = bytes.withUnsafeBytes { memchr($0.baseAddress!, 0, $0.count) != nil }
        if isUTF8 && !hasNUL { return finish(bytes, "utf-8") }
        if !isUTF8 && !hasNUL, let utf8 = iconvToUTF8(bytes, from: "GB18030") { return finish(utf8, "gb18030") }
        return repaired(bytes, byteOrderMark: false)
    }

    /// Bytes that are not quite UTF-8 or GB18030: read in the one that leaves fewer bad bytes
    /// (UTF-8 alone after a UTF-8 BOM), each bad byte and NUL replaced by U+FFFD, unless more than
    /// 1 in `repairableShare` bytes is bad.
    static func repaired(_ bytes: [UInt8], byteOrderMark: Bool) -> Result<Decoded, Failure> {
        var best = (replacingInvalidUTF8(bytes), byteOrderMark ? "utf-8-bom" : "utf-8")
        if !byteOrderMark, !best.0.offsets.isEmpty, let gb = replacingInvalidGB18030(bytes), gb.offsets.count < best.0.offsets.count {
            best = (gb, "gb18030")
        }
        var (text, encoding) = best
        let invalid = text.offsets.count
        guard invalid * repairableShare <= bytes.count else {
            return .failure(.undecodable("\(invalid) of \(bytes.count) bytes are not valid \(encoding) (the closest of UTF-8 and GB18030): more than 1 in \(repairableShare), so the text is not read"))
        }
        var nuls = 0
        for index in text.utf8.indices where text.utf8[index] == 0 {
            text.offsets.append(index)
            nuls += 1
        }
        let lines = lineNumbers(of: text.offsets.sorted(), in: text.utf8)
        if nuls > 0 {
            text.utf8 = text.utf8.flatMap { $0 == 0 ? replacementCharacter : [$0] }
        }
        let finished = finish(text.utf8, encoding)
        guard case .success(var decoded) = finished else { return finished }
        decoded.repair = Repair(invalid: invalid, nul: nuls, lines: lines)
        return .success(decoded)
    }

    /// UTF-16 with a few bad code units (an unpaired surrogate, a cut last byte): each becomes
    /// U+FFFD, as for UTF-8, unless more than 1 byte in `repairableShare` is bad.
    static func repairedUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, encoding: String) -> Result<Decoded, Failure> {
        var text = Replaced()
        text.utf8.reserveCapacity(bytes.count * 3 / 2)
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var invalid = 0, nuls = 0
        var iterator = units.makeIterator()
        var decoder = UTF16()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.value == 0 {
                    nuls += 1
                    text.offsets.append(text.utf8.count)
                    text.utf8 += replacementCharacter
                } else {
                    UTF8.encode(scalar) { text.utf8.append($0) }
                }
            case .emptyInput: break decoding
            case .error:
                invalid += 2
                text.offsets.append(text.utf8.count)
                text.utf8 += replacementCharacter
            }
        }
        if bytes.count % 2 == 1 {
            invalid += 1
            text.offsets.append(text.utf8.count)
            text.utf8 += replacementCharacter
        }
        guard invalid * repairableShare <= bytes.count else {
            return .failure(.undecodable("UTF-16 byte-order mark, but \(invalid) of \(bytes.count) bytes are not valid \(encoding): more than 1 in \(repairableShare), so the text is not read"))
        }
        let finished = finish(text.utf8, encoding)
        guard case .success(var decoded) = finished else { return finished }
        decoded.repair = Repair(invalid: invalid, nul: nuls, lines: lineNumbers(of: text.offsets, in: text.utf8))
        return .success(decoded)
    }

    /// U+FFFD REPLACEMENT CHARACTER in UTF-8.
    static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// UTF-8 with bad bytes replaced, and where in `utf8` each replacement starts.
    struct Replaced {
        var utf8: [UInt8] = []
        var offsets: [Int] = []

        mutating func replace() {
            offsets.append(utf8.count)
            utf8 += TextDecoding.replacementCharacter
        }
    }

    /// Each byte that starts no well-formed UTF-8 sequence becomes U+FFFD.
    static func replacingInvalidUTF8(_ bytes: [UInt8]) -> Replaced {
        var result = Replaced()
        result.utf8.reserveCapacity(bytes.count + 16)
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                let scan = UTF8Validation.scan(buffer, from: start, startsBefore: buffer.count, countingControls: false)
                result.utf8 += buffer[start..<min(scan.end, buffer.count)]
                if scan.valid { break }
                result.replace()
                start = scan.end + 1
            }
        }
        return result
    }

    /// GB18030 through iconv, each byte iconv refuses (and an incomplete character at the end)
    /// replaced by U+FFFD; nil when iconv has no GB18030.
    static func replacingInvalidGB18030(_ bytes: [UInt8]) -> Replaced? {
        let descriptor = iconv_open("UTF-8", "GB18030")
        if descriptor == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(descriptor) }
        var result = Replaced()
        result.utf8.reserveCapacity(bytes.count * 3 / 2 + 16)
        var input = bytes
        var chunk = [UInt8](repeating: 0, count: 65_536)
        input.withUnsafeMutableBufferPointer { inBuffer in
            chunk.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                while inLeft > 0 {
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!).assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let converted = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    let failure = errno
                    result.utf8 += outBuffer[..<(outBuffer.count - outLeft)]
                    if converted == -1 && failure != E2BIG {
                        // EILSEQ, or EINVAL for a character cut off at the end: skip one byte.
                        result.replace()
                        inPointer = inPointer! + 1
                        inLeft -= 1
                    }
                }
            }
        }
        return result
    }

    /// The 1-based line of each offset (sorted) in UTF-8 text whose line breaks are `\n`, `\r\n`
    /// or a lone `\r`; each line once.
    static func lineNumbers(of offsets: [Int], in utf8: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var index = 0
        for offset in offsets {
            while index < offset {
                if utf8[index] == 0x0A || (utf8[index] == 0x0D && (index + 1 == utf8.count || utf8[index + 1] != 0x0A)) { line += 1 }
                index += 1
            }
            if lines.last != line { lines.append(line) }
        }
        return lines
    }

    private static func finish(_ utf8: [UInt8], _ encoding: String) -> Result<Decoded, Failure> {
        let text = normalizeLineEndings(utf8)
        if text.allSatisfy({ isWhitespace($0) }) { return .failure(.empty) }
        return .success(Decoded(utf8: text, encoding: encoding))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// Many control characters (more than 1 in 20 of the first 64 KiB, NUL bytes included) mean the
    /// file is not text (an image, a .doc, UTF-16 without a BOM); else whether it is UTF-8. A few
    /// NUL bytes do not: text damaged that way is repaired. One pass over the bytes: the sample's
    /// control characters are counted as UTF-8 validation goes through it.
    static func examine(_ bytes: UnsafeBufferPointer<UInt8>) -> (binaryReason: String?, isUTF8: Bool) {
        let sampleCount = min(bytes.count, 65_536)
        guard let base = bytes.baseAddress else { return (nil, true) }
        let sample = UTF8Validation.scan(bytes, from: 0, startsBefore: sampleCount, countingControls: true)
        var controls = sample.controls
        if !sample.valid {
            // Not UTF-8: the rest of the sample is counted on its own.
            controls += controlCount(UnsafeBufferPointer(rebasing: bytes[sample.end..<sampleCount]))
        }
        if controls * 20 > sampleCount {
            let nuls = UnsafeBufferPointer(rebasing: bytes[..<sampleCount]).count { $0 == 0 }
            return ("\(controls) control characters\(nuls > 0 ? " (\(nuls) NUL bytes)" : "") in the first \(sampleCount) bytes", false)
        }
        guard sample.valid else { return (nil, false) }
        return (nil, UTF8Validation.scan(bytes, from: sample.end, startsBefore: bytes.count, countingControls: false).valid)
    }

    /// Bytes below 0x20 other than tab, line feed, form feed and carriage return.
    static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D
    }

    /// Control characters counted eight bytes at a time with bit masks (SWAR): the byte loop does
    /// not vectorize.
    static func controlCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var controls = 0
        var index = 0
        while index + 8 <= bytes.count {
            controls += controlCount(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            index += 8
        }
        for byte in UnsafeBufferPointer(rebasing: bytes[index...]) where isControl(byte) { controls += 1 }
        return controls
    }

    /// Control characters among the eight bytes of `word`.
    static func controlCount(_ word: UInt64) -> Int {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        // High bit set for bytes below 0x20: adding 0x60 to the low seven bits leaves it clear.
        let below20 = ~(((word & low7) &+ 0x6060_6060_6060_6060) | word) & ~low7
        // Most words of text have no byte below 0x20 at all.
        if below20 == 0 { return 0 }
        let allowed = ByteText.matches(word, 0x09) | ByteText.matches(word, 0x0A)
            | ByteText.matches(word, 0x0C) | ByteText.matches(word, 0x0D)
        return (below20 & ~allowed).nonzeroBitCount
    }

    static func isValidUTF8<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        if let fast = bytes.withContiguousStorageIfAvailable({ UTF8Validation.isValid($0) }) { return fast }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    static func utf16ToUTF8(_ bytes: ArraySlice<UInt8>, littleEndian: Bool) -> [UInt8]? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 3)
        var iterator = units.makeIterator()
        var decoder = UTF16()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { out.append($0) }
            case .emptyInput: return out
            case .error: return nil
            }
        }
    }

    static func iconvToUTF8(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        let descriptor = iconv_open("UTF-8", encoding)
        if descriptor == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress!)
                    .assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let produced else { return nil }
        return Array(output.prefix(produced))
    }

    /// `\r\n` and lone `\r` become `\n`; the text between breaks is copied in runs.
    static func normalizeLineEndings(_ bytes: [UInt8]) -> [UInt8] {
        guard var carriageReturn = ByteText.firstIndex(of: 0x0D, in: bytes[...]) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var start = 0
        while true {
            out.append(contentsOf: bytes[start..<carriageReturn])
            out.append(0x0A)
            start = carriageReturn + 1
            if start < bytes.count, bytes[start] == 0x0A { start += 1 }
            guard let next = ByteText.firstIndex(of: 0x0D, in: bytes[start...]) else { break }
            carriageReturn = next
        }
        out.append(contentsOf: bytes[start...])
        return out
    }
}

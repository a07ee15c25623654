import DisclosureModel

import Glibc

/// Turns a file's bytes into UTF-8, detecting the encoding the way government sites serve it.
///
/// Order: BOMs first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then GB18030 (a superset of GBK and
/// GB2312) through the C library's iconv. Line endings become `\n`.
public enum TextDecoding {
    /// Decoded text and the name of the encoding it was read from.
    public struct Decoded: Sendable {
        public var utf8: [UInt8]
        public var encoding: String
    }

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
            guard isValidUTF8(body) else { return .failure(.undecodable("UTF-8 BOM but invalid UTF-8 bytes")) }
            return finish(body, "utf-8-bom")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let littleEndian = bytes[0] == 0xFF
            guard let utf8 = utf16ToUTF8(bytes.dropFirst(2), littleEndian: littleEndian) else {
                return .failure(.undecodable("UTF-16 BOM but malformed UTF-16 data"))
            }
            return finish(utf8, littleEndian ? "utf-16le" : "utf-16be")
        }
        let (binary, isUTF8) = bytes.withUnsafeBufferPointer { examine($0) }
        if let reason = binary { return .failure(.binary(reason)) }
        if isUTF8 { return finish(bytes, "utf-8") }
        if let utf8 = iconvToUTF8(bytes, from: "GB18030") { return finish(utf8, "gb18030") }
        return .failure(.undecodable("not valid UTF-8, UTF-16 or GB18030"))
    }

    private static func finish(_ utf8: [UInt8], _ encoding: String) -> Result<Decoded, Failure> {
        let text = normalizeLineEndings(utf8)
        if text.allSatisfy({ isWhitespace($0) }) { return .failure(.empty) }
        return .success(Decoded(utf8: text, encoding: encoding))
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// NUL bytes or many control characters (in the first 64 KiB) mean the file is not text (a PDF,
    /// an image, a .doc); else whether it is UTF-8. One pass over the bytes: the sample's control
    /// characters are counted as UTF-8 validation goes through it.
    static func examine(_ bytes: UnsafeBufferPointer<UInt8>) -> (binaryReason: String?, isUTF8: Bool) {
        let sampleCount = min(bytes.count, 65_536)
        guard let base = bytes.baseAddress else { return (nil, true) }
        if memchr(base, 0, sampleCount) != nil { return ("contains NUL bytes", false) }
        let sample = UTF8Validation.scan(bytes, from: 0, startsBefore: sampleCount, countingControls: true)
        var controls = sample.controls
        if !sample.valid {
            // Not UTF-8: the rest of the sample is counted on its own.
            controls += controlCount(UnsafeBufferPointer(rebasing: bytes[sample.end..<sampleCount]))
        }
        if controls * 20 > sampleCount { return ("\(controls) control characters in the first \(sampleCount) bytes", false) }
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

import DisclosureModel
import Glibc

/// Byte-level helpers for UTF-8 text: trimming, cleaning and classifying cells without `Character`s.
enum ByteText {
    static let ideographicSpace: [UInt8] = [0xE3, 0x80, 0x80]
    static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    /// Length of the whitespace (ASCII, U+3000, U+00A0) at `index`, or 0.
    static func whitespaceLength(_ bytes: ArraySlice<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { return 1 }
        if byte == 0xE3, index + 2 < bytes.endIndex, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
        if byte == 0xC2, index + 1 < bytes.endIndex, bytes[index + 1] == 0xA0 { return 2 }
        return 0
    }

    /// The slice without surrounding whitespace.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let length = whitespaceLength(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        var end = bytes.endIndex
        while end > start {
            let byte = bytes[end - 1]
            if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { end -= 1; continue }
            if end - start >= 3, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, byte == 0x80 { end -= 3; continue }
            if end - start >= 2, bytes[end - 2] == 0xC2, byte == 0xA0 { end -= 2; continue }
            break
        }
        return bytes[start..<end]
    }

    /// Cell text as an analyst would read it: markdown bold marks (`**`) removed, whitespace trimmed.
    static func cleanCell(_ bytes: ArraySlice<UInt8>) -> String {
        let trimmedBytes = trimmed(bytes)
        guard trimmedBytes.contains(0x2A) else { return String(decoding: trimmedBytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(trimmedBytes.count)
        var index = trimmedBytes.startIndex
        while index < trimmedBytes.endIndex {
            if trimmedBytes[index] == 0x2A, index + 1 < trimmedBytes.endIndex, trimmedBytes[index + 1] == 0x2A {
                index += 2
                continue
            }
            out.append(trimmedBytes[index])
            index += 1
        }
        return String(decoding: trimmed(out[...]), as: UTF8.self)
    }

    static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool { trimmed(bytes).isEmpty }

    /// Index of the first occurrence of `needle` in `haystack`: `memchr` finds candidates for the
    /// first byte, then the rest is compared.
    static func firstIndex(of needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        return haystack.withUnsafeBytes { hay -> Int? in
            guard let base = hay.baseAddress else { return nil }
            var offset = 0
            let last = hay.count - needle.count
            while offset <= last {
                guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
                let position = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + position, needle, needle.count) == 0 { return haystack.startIndex + position }
                offset = position + 1
            }
            return nil
        }
    }

    /// Whether the cell is a number as printed in reports: ASCII or full-width digits, with
    /// thousands separators, a decimal point and a leading minus allowed.
    static func isNumber(_ text: String) -> Bool {
        var sawDigit = false
        var first = true
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { first = false }
            if (0x30...0x39).contains(value) || (0xFF10...0xFF19).contains(value) { sawDigit = true; continue }
            if value == 0x2C || value == 0xFF0C || value == 0x2E || value == 0xFF0E || value == 0x20 { continue }
            if first && (value == 0x2D || value == 0xFF0D) { continue }
            return false
        }
        return sawDigit
    }

    /// Whether the cell is a dash that stands for "nothing" (`-`, `—`, `－`, `/`, `——`).
    static let dashes: [[UInt8]] = ["-", "—", "－", "–", "/", "／", "——", "--"].map { Array($0.utf8) }

    static func isDash(_ text: String) -> Bool {
        let bytes = text.utf8
        guard !bytes.isEmpty, bytes.count <= 6 else { return false }
        return dashes.contains { $0.elementsEqual(bytes) }
    }

    /// A run of three or more ASCII dashes is a text-table rule line, not data.
    static func isRule(_ text: String) -> Bool {
        text.utf8.count >= 3 && text.utf8.allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x7C || $0 == 0x3A || $0 == 0x20 }
    }
}

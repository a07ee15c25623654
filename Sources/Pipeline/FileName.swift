/// File names as `source_path` shows them. A name on disk is bytes, and one copied from a Windows
/// share may be GBK rather than UTF-8: it is kept losslessly by writing each byte that is not part
/// of a UTF-8 sequence as `\xHH` and a backslash as `\\`, so two names never show the same and the
/// shown name leads back to the file. Names with neither (nearly all) are shown as they are.
/// Backslash rather than percent escapes: crawled files are often named `%E5%B9%B4….html`, and
/// those must not change.
enum FileName {
    /// The name (or relative path) as shown, from its bytes on disk.
    static func display(_ bytes: some Collection<UInt8>) -> String {
        if !bytes.contains(0x5C), let plain = String(validating: bytes, as: UTF8.self) { return plain }
        let name = Array(bytes)
        var out: [UInt8] = []
        out.reserveCapacity(name.count + 8)
        var index = 0
        while index < name.count {
            let byte = name[index]
            if byte == 0x5C {
                out += [0x5C, 0x5C]
                index += 1
                continue
            }
            let length = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 ? 2 : 0
            if length > 0, index + length <= name.count, String(validating: name[index..<index + length], as: UTF8.self) != nil {
                out += name[index..<index + length]
                index += length
                continue
            }
            out += [0x5C, UInt8(ascii: "x"), hexDigit(byte >> 4), hexDigit(byte & 0x0F)]
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The name's bytes on disk, from the name as shown (the inverse of `display`).
    static func bytes(_ shown: some Collection<UInt8>) -> [UInt8] {
        let text = Array(shown)
        guard text.contains(0x5C) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var index = 0
        while index < text.count {
            if text[index] == 0x5C, index + 1 < text.count {
                if text[index + 1] == 0x5C {
                    out.append(0x5C)
                    index += 2
                    continue
                }
                if text[index + 1] == UInt8(ascii: "x"), index + 3 < text.count,
                   let high = hexValue(text[index + 2]), let low = hexValue(text[index + 3]) {
                    out.append(high << 4 | low)
                    index += 4
                    continue
                }
            }
            out.append(text[index])
            index += 1
        }
        return out
    }

    /// Calls `body` with `path` as a NUL-terminated C string, for `open`, `stat` and `opendir`.
    static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) throws -> T) rethrows -> T {
        try (path + [0]).withUnsafeBufferPointer { buffer in
            try buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { try body($0) }
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "A")
    }

    private static func hexValue(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}

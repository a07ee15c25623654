/// Decodes a saved web page to UTF-8 the way browsers choose its charset: a BOM first, then the
/// `<meta charset>` / `<meta http-equiv content="…charset=…">` declaration, else sniffing (strict
/// UTF-8, then GB18030, which covers the GB2312 and GBK pages government sites still serve).
enum HTMLCharset {
    struct Decoded {
        var utf8: [UInt8]
        var encoding: String
    }

    static func decode(_ bytes: [UInt8]) -> Result<Decoded, TextDecoding.Failure> {
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF]) || bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
        if !hasBOM, let declared = declaredCharset(bytes) {
            let name = declared.lowercased()
            if ["utf-8", "utf8"].contains(name), TextDecoding.isValidUTF8(bytes) {
                return .success(Decoded(utf8: bytes, encoding: "utf-8"))
            }
            if ["gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312"].contains(name),
               let utf8 = TextDecoding.iconvToUTF8(bytes, from: "GB18030") {
                return .success(Decoded(utf8: utf8, encoding: "gb18030"))
            }
            if !name.hasPrefix("utf"), !name.hasPrefix("gb"), let utf8 = TextDecoding.iconvToUTF8(bytes, from: declared) {
                return .success(Decoded(utf8: utf8, encoding: name))
            }
            // A wrong declaration (a GBK page that says utf-8) is common: sniff instead.
        }
        return TextDecoding.decode(bytes).map { Decoded(utf8: $0.utf8, encoding: $0.encoding) }
    }

    /// The charset named in the first 4 KiB, read as ASCII: `charset=gb2312`, `charset="utf-8"`.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = bytes.prefix(4096).map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        let marker = Array("charset".utf8)
        var index = 0
        while index + marker.count < head.count {
            defer { index += 1 }
            guard head[index..<(index + marker.count)].elementsEqual(marker) else { continue }
            var cursor = index + marker.count
            while cursor < head.count, head[cursor] == 0x20 { cursor += 1 }
            guard cursor < head.count, head[cursor] == 0x3D else { continue }
            cursor += 1
            while cursor < head.count, head[cursor] == 0x20 || head[cursor] == 0x22 || head[cursor] == 0x27 { cursor += 1 }
            var name: [UInt8] = []
            while cursor < head.count, isNameByte(head[cursor]), name.count < 40 {
                name.append(head[cursor])
                cursor += 1
            }
            if !name.isEmpty { return String(decoding: name, as: UTF8.self) }
        }
        return nil
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F || byte == 0x3A || byte == 0x2E
    }
}

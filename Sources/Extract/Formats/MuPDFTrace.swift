import Foundation

/// Reads the output of MuPDF's `mutool trace`: one XML stream holding every character a page draws
/// (with its Unicode value and position) and every path (with its points), in page order.
///
/// The characters give the words and the paths give the table rules, in one pass over the file.
/// The stream is read in pieces as it comes (`consume`), scanned as bytes for the few elements
/// that matter, since a five-page report is over half a megabyte of trace.
struct MuPDFTrace {
    private(set) var pageCount = 0
    /// Each page's height in points (index 0 is page 1), from its media box.
    private(set) var pageHeights: [Double] = []
    private(set) var glyphs: [PDFGlyph] = []
    private(set) var rules: [PDFRule] = []
    /// Text runs dropped because the writer drew all their characters on top of each other (as
    /// LibreOffice draws rotated text that does not fit its cell, sometimes far below it): no one
    /// can read such a blot, and its place says nothing about its cell. A few characters squeezed
    /// together inside a line of normal text are kept: their order in the run still reads.
    private(set) var overprinted: [(page: Int, text: String)] = []

    private enum PathKind { case stroke, fill }

    /// The current text or path element's transform (a b c d e f) and state.
    private var ctm = MuPDFTrace.identity
    private var inText = false
    private var path: PathKind?
    private var pathIsWhite = false
    /// Text matrix of the current span (a b c d) and whether it is vertical writing.
    private var trm = MuPDFTrace.identity
    private var vertical = false
    /// Points of the current path: subpaths of (x, y) in page space.
    private var subpaths: [[(Double, Double)]] = []
    /// The start of a tag that the last piece cut off.
    private var carry: [UInt8] = []
    /// Where the glyphs of the previous and the current text element start in `glyphs`: text
    /// drawn twice to look bold (filled, then stroked or shifted a little) comes as two elements
    /// in a row, and the second one's characters are dropped.
    private var previousText = 0..<0
    private var currentTextStart = 0
    private var indexInText = 0
    /// Indices in `glyphs` of the current element's overprinted characters.
    private var overprintedInText: [Int] = []
    /// Where the current span's glyphs start, and whether each one so far lies on the one before.
    private var spanStart = 0
    private var spanIsBlot = true

    /// A matrix (a b c d e f), kept in a SIMD value: no heap array for each of the thousands of
    /// text and path elements.
    private static let identity = SIMD8<Double>(1, 0, 0, 1, 0, 0, 0, 0)

    init() {}

    /// The whole trace at once.
    init(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { consume($0) }
    }

    /// Reads the next piece of the stream.
    mutating func consume(_ piece: UnsafeBufferPointer<UInt8>) {
        var start = 0
        if !carry.isEmpty {
            guard let close = Self.find(0x3E, in: piece, from: 0) else {
                carry.append(contentsOf: piece)
                return
            }
            carry.append(contentsOf: piece[...close])
            let joined = carry
            carry.removeAll(keepingCapacity: true)
            joined.withUnsafeBufferPointer { _ = parse($0) }
            start = close + 1
        }
        let rest = parse(UnsafeBufferPointer(rebasing: piece[start...]))
        carry.append(contentsOf: UnsafeBufferPointer(rebasing: piece[start...])[rest...])
    }

    /// Parses the complete tags of `text`; returns where an unfinished one starts.
    private mutating func parse(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var index = 0
        while let open = Self.find(0x3C, in: text, from: index) {
            guard let close = Self.find(0x3E, in: text, from: open + 1) else { return open }
            element(Tag(text: text, range: (open + 1)..<close))
            index = close + 1
        }
        return text.count
    }

    private static func find(_ byte: UInt8, in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < text.count, let base = text.baseAddress,
              let found = memchr(base + start, Int32(byte), text.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func element(_ tag: Tag) {
        switch tag.name {
        case .page:
            pageCount += 1
            let box = tag.numbers("mediabox", count: 4) ?? SIMD8(0, 0, 595, 842, 0, 0, 0, 0)
            pageHeights.append(abs(box[3] - box[1]))
        case .textStart:
            ctm = tag.numbers("transform", count: 6) ?? Self.identity
            inText = true
            currentTextStart = glyphs.count
            indexInText = 0
        case .textEnd:
            inText = false
            endSpan()
            if !overprintedInText.isEmpty {
                dropOverprinted()
            } else if glyphs.count > currentTextStart {
                previousText = currentTextStart..<glyphs.count
            }
        case .span:
            endSpan()
            spanStart = glyphs.count
            spanIsBlot = true
            trm = tag.numbers("trm", count: 4) ?? Self.identity
            vertical = tag.numbers("wmode", count: 1)?[0] == 1
        case .glyph:
            if inText { glyph(tag) }
        case .pathStart(let isStroke):
            ctm = tag.numbers("transform", count: 6) ?? Self.identity
            path = isStroke ? .stroke : .fill
            pathIsWhite = tag.isWhite
            subpaths = []
        case .moveto:
            if path != nil, let point = point(tag) { subpaths.append([point]) }
        case .lineto:
            if path != nil, let point = point(tag) {
                if subpaths.isEmpty { subpaths.append([]) }
                subpaths[subpaths.count - 1].append(point)
            }
        case .curveto:
            // A curve is no rule: start a new subpath at its end so no segment spans it.
            if path != nil, let x = tag.number("x3"), let y = tag.number("y3") {
                subpaths.append([(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])])
            }
        case .closepath:
            if path != nil, let first = subpaths.last?.first { subpaths[subpaths.count - 1].append(first) }
        case .pathEnd:
            if let kind = path, !pathIsWhite { addRules(kind) }
            path = nil
        case .other:
            break
        }
    }

    /// The `x`, `y` point of a `moveto` or `lineto` tag in page space.
    private func point(_ tag: Tag) -> (Double, Double)? {
        let attributes = tag.attributes()
        guard let x = attributes.x.flatMap({ Tag.parseNumber(tag.text, $0) }),
              let y = attributes.y.flatMap({ Tag.parseNumber(tag.text, $0) }) else { return nil }
        return (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
    }

    private mutating func glyph(_ tag: Tag) {
        let attributes = tag.attributes()
        guard let scalar = attributes.unicode.flatMap(tag.scalar), scalar.value >= 0x20, scalar.value != 0xFFFD,
              let x = attributes.x.flatMap({ Tag.parseNumber(tag.text, $0) }),
              let y = attributes.y.flatMap({ Tag.parseNumber(tag.text, $0) }) else { return }
        let origin = (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5])
        let advance = attributes.advance.flatMap { Tag.parseNumber(tag.text, $0) } ?? 1
        // The span's directions on the page: along the line, and up the characters.
        let alongX = ctm[0] * trm[0] + ctm[2] * trm[1], alongY = ctm[1] * trm[0] + ctm[3] * trm[1]
        let upX = ctm[0] * trm[2] + ctm[2] * trm[3], upY = ctm[1] * trm[2] + ctm[3] * trm[3]
        let size = (upX * upX + upY * upY).squareRoot()
        let width = (alongX * alongX + alongY * alongY).squareRoot()
        guard size > 0.5, width > 0 else { return }
        var glyph = PDFGlyph(page: pageCount, scalar: scalar, x: 0, y: 0, size: size, width: width * advance,
                             dx: alongX / width, dy: alongY / width)
        if vertical {
            // Vertical writing: characters stand upright in a column read downwards; the origin is
            // at the top of the character.
            glyph.dx = -upX / size
            glyph.dy = -upY / size
            glyph.width = size
            glyph.x = origin.0 - upX * 0.5
            glyph.y = origin.1 - upY * 0.5
        } else {
            // The em box runs from the descender (0.12 below the baseline) to the ascender.
            glyph.x = origin.0 + alongX * advance / 2 + upX * 0.38
            glyph.y = origin.1 + alongY * advance / 2 + upY * 0.38
        }
        defer { indexInText += 1 }
        guard !glyph.isSlanted else { return }
        let twin = previousText.lowerBound + indexInText
        if previousText.contains(twin), glyphs[twin].scalar == glyph.scalar,
           abs(glyphs[twin].x - glyph.x) < 0.2 * size, abs(glyphs[twin].y - glyph.y) < 0.2 * size {
            return
        }
        if spanIsBlot, glyphs.count > spanStart, let last = glyphs.last {
            // Drawn less than a quarter of their advances apart: a pair of narrow characters
            // (`1.`) is still a full advance apart.
            let close = (last.width + glyph.width) / 8
            spanIsBlot = abs(last.x - glyph.x) < close && abs(last.y - glyph.y) < close
        }
        glyphs.append(glyph)
    }

    /// Marks the span just read for dropping when it is a blot of two or more characters.
    private mutating func endSpan() {
        if spanIsBlot, glyphs.count - spanStart >= 2, spanStart >= currentTextStart {
            overprintedInText.append(contentsOf: spanStart..<glyphs.count)
        }
        spanIsBlot = false
    }

    /// Removes the current element's blots, keeping each one's text for a diagnostic; the next
    /// element is not compared with this one for a bold copy.
    private mutating func dropOverprinted() {
        var run = ""
        var previous = -2
        for index in overprintedInText {
            if index != previous + 1, !run.isEmpty {
                overprinted.append((pageCount, run))
                run = ""
            }
            run.unicodeScalars.append(glyphs[index].scalar)
            previous = index
        }
        overprinted.append((pageCount, run))
        for index in overprintedInText.reversed() { glyphs.remove(at: index) }
        overprintedInText.removeAll(keepingCapacity: true)
        previousText = 0..<0
    }

    /// Stroked segments that are horizontal or vertical, and filled rectangles thin enough to be
    /// drawn as a border (some writers draw borders as filled bars).
    private mutating func addRules(_ kind: PathKind) {
        for points in subpaths where points.count >= 2 {
            switch kind {
            case .stroke:
                for index in 1..<points.count {
                    let (x0, y0) = points[index - 1], (x1, y1) = points[index]
                    if let rule = PDFRule(page: pageCount, x0, y0, x1, y1) { rules.append(rule) }
                }
            case .fill:
                let xs = points.map(\.0), ys = points.map(\.1)
                guard let minX = xs.min(), let maxX = xs.max(), let minY = ys.min(), let maxY = ys.max(),
                      points.count <= 6 else { continue }
                let width = maxX - minX, height = maxY - minY
                if height <= 2.5, width > 2 * height, width >= 2 {
                    rules.append(PDFRule(page: pageCount, isHorizontal: true, position: (minY + maxY) / 2, start: minX, end: maxX))
                } else if width <= 2.5, height > 2 * width, height >= 2 {
                    rules.append(PDFRule(page: pageCount, isHorizontal: false, position: (minX + maxX) / 2, start: minY, end: maxY))
                }
            }
        }
    }
}

/// One element's start or end tag, read in place.
private struct Tag {
    enum Name: Equatable {
        case page, textStart, textEnd, span, glyph, pathStart(stroke: Bool), moveto, lineto, curveto, closepath, pathEnd, other
    }

    let text: UnsafeBufferPointer<UInt8>
    let range: Range<Int>
    let name: Name

    init(text: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        self.text = text
        self.range = range
        var end = range.lowerBound
        while end < range.upperBound, text[end] != 0x20, text[end] != 0x2F || end == range.lowerBound, text[end] != 0x0A { end += 1 }
        name = Self.name(UnsafeBufferPointer(rebasing: text[range.lowerBound..<end]))
    }

    /// The element's name, compared on its bytes (no string is made for the thousands of tags).
    private static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> Name {
        func equals(_ name: StaticString) -> Bool {
            name.utf8CodeUnitCount == bytes.count && memcmp(name.utf8Start, bytes.baseAddress!, bytes.count) == 0
        }
        guard let first = bytes.first else { return .other }
        switch first {
        case UInt8(ascii: "g"): return bytes.count == 1 ? .glyph : .other
        case UInt8(ascii: "l"): return equals("lineto") ? .lineto : .other
        case UInt8(ascii: "m"): return equals("moveto") ? .moveto : .other
        case UInt8(ascii: "c"):
            if equals("curveto") { return .curveto }
            if equals("closepath") { return .closepath }
            return equals("clip_text") || equals("clip_stroke_text") ? .textStart : .other
        case UInt8(ascii: "s"):
            if equals("span") { return .span }
            if equals("stroke_path") { return .pathStart(stroke: true) }
            return equals("stroke_text") ? .textStart : .other
        case UInt8(ascii: "f"):
            if equals("fill_path") { return .pathStart(stroke: false) }
            return equals("fill_text") ? .textStart : .other
        case UInt8(ascii: "p"): return equals("page") ? .page : .other
        case UInt8(ascii: "i"): return equals("ignore_text") ? .textStart : .other
        case UInt8(ascii: "/"):
            if equals("/stroke_path") || equals("/fill_path") { return .pathEnd }
            return equals("/fill_text") || equals("/stroke_text") || equals("/clip_text") || equals("/clip_stroke_text")
                || equals("/ignore_text") ? .textEnd : .other
        default: return .other
        }
    }

    /// The bytes of attribute `name`'s value.
    func value(_ name: StaticString) -> Range<Int>? {
        let length = name.utf8CodeUnitCount
        let pattern = name.utf8Start
        var index = range.lowerBound
        let last = range.upperBound - length - 2
        while index <= last {
            // ` name="`
            if text[index] == 0x20, text[index + length + 1] == 0x3D, text[index + length + 2] == 0x22,
               memcmp(pattern, text.baseAddress! + index + 1, length) == 0 {
                let start = index + length + 3
                var end = start
                while end < range.upperBound, text[end] != 0x22 { end += 1 }
                return start..<end
            }
            index += 1
        }
        return nil
    }

    func number(_ name: StaticString) -> Double? {
        value(name).flatMap { Self.parseNumber(text, $0) }
    }

    /// Space-separated numbers (`transform="1 0 0 -1 0 841.89"`), exactly `count` of them (at most 8).
    func numbers(_ name: StaticString, count: Int) -> SIMD8<Double>? {
        guard let range = value(name) else { return nil }
        var numbers = SIMD8<Double>()
        var found = 0
        var start = range.lowerBound
        while start < range.upperBound {
            while start < range.upperBound, text[start] == 0x20 { start += 1 }
            var end = start
            while end < range.upperBound, text[end] != 0x20 { end += 1 }
            if end > start {
                guard found < count, let number = Self.parseNumber(text, start..<end) else { return nil }
                numbers[found] = number
                found += 1
            }
            start = end
        }
        return found == count ? numbers : nil
    }

    /// A stroke or fill in white draws nothing visible (Word and WPS paint white cell backgrounds).
    var isWhite: Bool {
        guard let color = value("color") else { return false }
        let cmyk = value("colorspace").map { range in range.contains { text[$0] == UInt8(ascii: "K") } } ?? false
        var start = color.lowerBound, components = 0
        while start < color.upperBound {
            var end = start
            while end < color.upperBound, text[end] != 0x20 { end += 1 }
            if end > start {
                guard let component = Self.parseNumber(text, start..<end) else { return false }
                if cmyk ? component >= 0.05 : component <= 0.95 { return false }
                components += 1
            }
            start = end + 1
        }
        return components > 0
    }

    /// The values of the attributes of a `<g>`, `<moveto>` or `<lineto>` tag, found in one pass
    /// (a report has thousands of these tags).
    func attributes() -> (unicode: Range<Int>?, x: Range<Int>?, y: Range<Int>?, advance: Range<Int>?) {
        var found: (unicode: Range<Int>?, x: Range<Int>?, y: Range<Int>?, advance: Range<Int>?) = (nil, nil, nil, nil)
        var index = range.lowerBound
        while index < range.upperBound {
            // ` name="value"`
            guard text[index] == 0x20 else { index += 1; continue }
            let nameStart = index + 1
            var equals = nameStart
            while equals < range.upperBound, text[equals] != 0x3D, text[equals] != 0x20 { equals += 1 }
            guard equals + 1 < range.upperBound, text[equals] == 0x3D, text[equals + 1] == 0x22 else { index = equals; continue }
            let start = equals + 2
            var end = start
            while end < range.upperBound, text[end] != 0x22 { end += 1 }
            // The names of a glyph tag differ in their first byte and length: no string compare.
            switch (text[nameStart], equals - nameStart) {
            case (UInt8(ascii: "x"), 1): found.x = start..<end
            case (UInt8(ascii: "y"), 1): found.y = start..<end
            case (UInt8(ascii: "u"), 7): found.unicode = start..<end
            case (UInt8(ascii: "a"), 3): found.advance = start..<end
            default: break
            }
            index = end + 1
        }
        return found
    }

    /// The character written in `range` (a `unicode` attribute): one scalar, or an XML entity
    /// (`&lt;`, `&#x1f;`).
    func scalar(_ range: Range<Int>) -> Unicode.Scalar? {
        guard !range.isEmpty else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: text[range])
        if bytes[0] == 0x26 {
            let entity = String(decoding: bytes, as: UTF8.self)
            switch entity {
            case "&lt;": return "<"
            case "&gt;": return ">"
            case "&amp;": return "&"
            case "&quot;": return "\""
            case "&apos;": return "'"
            default:
                guard entity.hasPrefix("&#"), entity.hasSuffix(";") else { return nil }
                let digits = entity.dropFirst(2).dropLast()
                let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                return value.flatMap(Unicode.Scalar.init)
            }
        }
        return String(decoding: bytes, as: UTF8.self).unicodeScalars.first
    }

    /// A decimal number as MuPDF prints it (`-12.5`, `.48`, `3`); nil for anything else.
    static func parseNumber(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, text[index] == 0x2D { negative = true; index += 1 }
        var whole: Double = 0, fraction: Double = 0, scale: Double = 1, digits = 0
        while index < range.upperBound, text[index] >= 0x30, text[index] <= 0x39 {
            whole = whole * 10 + Double(text[index] - 0x30)
            index += 1
            digits += 1
        }
        if index < range.upperBound, text[index] == 0x2E {
            index += 1
            while index < range.upperBound, text[index] >= 0x30, text[index] <= 0x39 {
                scale /= 10
                fraction += Double(text[index] - 0x30) * scale
                index += 1
                digits += 1
            }
        }
        if index < range.upperBound {
            // An exponent or something unexpected: let the standard parser decide.
            return Double(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self))
        }
        guard digits > 0 else { return nil }
        let value = whole + fraction
        return negative ? -value : value
    }
}

/// One character as a PDF draws it, in page space (points, origin at the top left, y down).
///
/// Kept as its centre and its writing direction rather than a box: a centre is enough to say which
/// table cell holds the character, and the direction orders rotated text (vertical writing in a
/// narrow merged cell) as it reads.
struct PDFGlyph: Sendable {
    var page: Int
    var scalar: Unicode.Scalar
    /// Centre of the character's em box.
    var x: Double
    var y: Double
    /// Font size on the page (the em box's side).
    var size: Double
    /// The advance along the line: a CJK character is as wide as `size`, a digit about half.
    var width: Double
    /// Unit vector along the line (1, 0 for upright text).
    var dx: Double
    var dy: Double

    /// Upright text: a line runs left to right.
    var isUpright: Bool { dx > 0.9 }

    /// Neither upright nor turned a quarter: a watermark or a stamp, not report text.
    var isSlanted: Bool { abs(dx) > 0.1 && abs(dy) > 0.1 }

    /// The box of an upright character (for prose words and the coordinate fallback).
    var xMin: Double { x - width / 2 }
    var xMax: Double { x + width / 2 }
    var yMin: Double { y - size / 2 }
    var yMax: Double { y + size / 2 }

    var isSpace: Bool { scalar.value == 0x20 || scalar.value == 0x3000 || scalar.value == 0xA0 }
}

/// A straight horizontal or vertical line drawn on a page: a table border, or a thin filled
/// rectangle used as one. Page space (points, y down).
struct PDFRule: Sendable {
    var page: Int
    var isHorizontal: Bool
    /// y of a horizontal rule, x of a vertical one.
    var position: Double
    /// Extent along the rule: x range of a horizontal rule, y range of a vertical one.
    var start: Double
    var end: Double

    /// A segment from (x0, y0) to (x1, y1), when it is (nearly) horizontal or vertical and long
    /// enough to be a border rather than a glyph-like mark.
    init?(page: Int, _ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) {
        let width = abs(x1 - x0), height = abs(y1 - y0)
        if height < 0.8 && width >= 2 {
            self.init(page: page, isHorizontal: true, position: (y0 + y1) / 2, start: min(x0, x1), end: max(x0, x1))
        } else if width < 0.8 && height >= 2 {
            self.init(page: page, isHorizontal: false, position: (x0 + x1) / 2, start: min(y0, y1), end: max(y0, y1))
        } else {
            return nil
        }
    }

    init(page: Int, isHorizontal: Bool, position: Double, start: Double, end: Double) {
        self.page = page
        self.isHorizontal = isHorizontal
        self.position = position
        self.start = start
        self.end = end
    }

    /// Whether the rule passes through `point` (along it), allowing for borders drawn a little short.
    func covers(_ point: Double, tolerance: Double) -> Bool {
        point >= start - tolerance && point <= end + tolerance
    }
}

/// A horizontal bar chart as inline SVG: one row per key, its bar stacked from the series. Every
/// row carries its numbers as `data-` attributes (`data-key`, `data-<series>`), so a test reading
/// the page checks the chart against the datasets without reading pixels.
struct BarChart {
    struct Series {
        var name: String
        var cssClass: String
    }
    struct Row {
        var key: String
        /// What is printed left of the bar (the key, or a shortened label).
        var label: String
        var values: [Int]
        var cssClass: String?
    }

    var id: String
    var series: [Series]
    var rows: [Row]

    static let width = 720, labelWidth = 230, barWidth = 380, rowHeight = 22

    var svg: String {
        guard !rows.isEmpty else { return "<p class=\"empty\" data-chart=\"\(id)\" data-rows=\"0\">无 none</p>" }
        let height = rows.count * Self.rowHeight + 4
        let largest = max(1, rows.map { $0.values.reduce(0, +) }.max() ?? 1)
        var svg = "<svg data-chart=\"\(id)\" data-rows=\"\(rows.count)\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.width) \(height)\" width=\"\(Self.width)\" height=\"\(height)\" role=\"img\">\n"
        for (index, row) in rows.enumerated() {
            let y = index * Self.rowHeight + 2
            let attributes = zip(series, row.values).map { " data-\($0.name)=\"\($1)\"" }.joined()
            svg += "<g class=\"row\(row.cssClass.map { " " + $0 } ?? "")\" data-key=\"\(HTML.escape(row.key))\"\(attributes)>"
            svg += "<title>\(HTML.escape(row.key)): \(zip(series, row.values).map { "\($0.name) \($1)" }.joined(separator: ", "))</title>"
            svg += "<text class=\"label\" x=\"\(Self.labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(HTML.escape(row.label))</text>"
            var x = Self.labelWidth
            for (part, value) in zip(series, row.values) where value > 0 {
                let width = max(1, value * Self.barWidth / largest)
                svg += "<rect class=\"\(part.cssClass)\" x=\"\(x)\" y=\"\(y + 3)\" width=\"\(width)\" height=\"\(Self.rowHeight - 6)\"/>"
                x += width
            }
            let total = row.values.reduce(0, +)
            let parts = series.count > 1 ? " (" + zip(series, row.values).map { "\($0.name) \(HTML.number($1))" }.joined(separator: ", ") + ")" : ""
            svg += "<text class=\"value\" x=\"\(x + 6)\" y=\"\(y + 15)\">\(HTML.number(total))\(parts)</text></g>\n"
        }
        return svg + "</svg>"
    }
}

/// Text made safe for HTML, and numbers written the same way on every machine.
enum HTML {
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// `12,345`: grouped by thousands, whatever the locale.
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (value < 0 ? "-" : "") + grouped
    }

    /// A label cut to `limit` characters (with `…`), for the left of a bar.
    static func short(_ text: String, _ limit: Int = 18) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}

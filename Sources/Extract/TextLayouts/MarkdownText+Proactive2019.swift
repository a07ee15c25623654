import DisclosureModel

/// Table 2 of the 2019 template in markdown: each item has two or three measures, printed in cells
/// that span two or three columns of the table's grid (six value columns for 行政许可's three
/// measures, or for 行政事业性收费's two). A converter writes a merged cell in each column it spans,
/// or once with blanks beside it, or the table on fewer columns.
///
/// The columns of each measure are those its header (`信息内容 | 上一年项目数量 | 本年增/减 | …`)
/// spans: a header word repeated, or followed by blanks, is one measure. Without a header that
/// says so, the row's cells are read as the measures in order when there are exactly as many, or
/// when they split evenly into as many spans, or (under a generic header) as the first cells with
/// blanks after. A span holding two different values, or a value after a blank, is not one merged
/// cell. The row is read only when exactly one reading is left; otherwise its values are left out
/// (`cell_missing`).
extension MarkdownRows {
    /// The number of measures each 2019 item prints (docs/contract.md §2b).
    static let measures2019: [String: Int] = [
        "规章": 3, "规范性文件": 3, "行政规范性文件": 3, "行政许可": 3, "其他对外管理服务事项": 3,
        "行政处罚": 3, "行政强制": 3, "行政事业性收费": 2, "政府集中采购": 2,
    ]

    func proactive2019Values(_ labels: [String], _ values: [String], header: [String]?, _ line: Int,
                             _ diagnostics: inout [Diagnostic]) -> [String] {
        guard let label = labels.last,
              let width = Self.measures2019[String(decoding: SectionLocator.headingKey(Array(label.utf8)[...]), as: UTF8.self)] else {
            return values
        }
        let readings = Self.readings2019(values, width: width, header: header, genericHeader: genericHeader)
        guard readings.count == 1, let only = readings.first else {
            let why = readings.isEmpty
                ? "no reading of them gives one value per measure (a span holding two values, or a value after a blank)"
                : "they read as \(readings.map { $0.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: " ") }.joined(separator: " or "))"
            diagnostics.append(Diagnostic(.extract, .cellMissing, "table 二, line \(line + 1): \(label) has \(values.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: " ")) for the 2019 template's \(width) measures; \(why), so none is used",
                                          at: Diagnostic.Place(table: .proactive, label: label)))
            return []
        }
        return only
    }

    /// The distinct ways the cells read as `width` measures: by the header's spans when it names
    /// them; else one cell each, equal spans, and (generic header) the first cells with blanks after.
    static func readings2019(_ values: [String], width: Int, header: [String]?, genericHeader: Bool) -> [[String]] {
        var layouts: [[Range<Int>]] = []
        if let spans = headerSpans(header, columns: values.count, width: width) {
            layouts = [spans]
        } else {
            if values.count >= width, values.count % width == 0 {
                let span = values.count / width
                layouts.append((0..<width).map { ($0 * span)..<(($0 + 1) * span) })
            }
            if genericHeader, values.count > width, values[width...].allSatisfy(\.isEmpty) {
                layouts.append((0..<width).map { $0..<($0 + 1) })
            }
        }
        var readings: [[String]] = []
        for spans in layouts {
            let reading = spans.compactMap { mergedValue(Array(values[$0])) }
            if reading.count == width, !readings.contains(reading) { readings.append(reading) }
        }
        return readings
    }

    /// The column ranges of the measures a header row names: a word starts a measure, a repeat of
    /// it or a blank continues it. Nil unless it names exactly `width` measures over `columns` cells.
    static func headerSpans(_ header: [String]?, columns: Int, width: Int) -> [Range<Int>]? {
        guard let header, header.count == columns, let first = header.first, !first.isEmpty, !isValue(first) else { return nil }
        var starts = [0]
        for index in 1..<max(1, columns) where !header[index].isEmpty && header[index] != header[index - 1] {
            if isValue(header[index]) { return nil }
            starts.append(index)
        }
        guard starts.count == width else { return nil }
        return starts.indices.map { starts[$0]..<(starts.indices.contains($0 + 1) ? starts[$0 + 1] : columns) }
    }

    /// One merged cell's value: written in each of its columns, or in the first with blanks after;
    /// blank when all are. Nil for anything else (two values, or a value after a blank).
    static func mergedValue(_ cells: [String]) -> String? {
        guard let first = cells.first else { return nil }
        if first.isEmpty { return cells.allSatisfy(\.isEmpty) ? "" : nil }
        return cells.dropFirst().allSatisfy { $0.isEmpty || $0 == first } ? first : nil
    }
}

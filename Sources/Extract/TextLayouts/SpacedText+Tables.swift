import DisclosureModel

/// The three tables of `SpacedText`: each row given the one line of values between the first line
/// of its label and the next row's, when that line holds exactly the row's cells.
enum SpacedTables {
    /// Table 3's rows by the words their labels start with (`FlowRowLabels`); （六）其他处理 with
    /// values of its own (the 2019 template's row, no rows of its own printed) is a row too.
    static func readApplications(_ lines: [SpacedLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        var anchors: [(label: String, at: Int)] = []
        var next = 0
        for (index, line) in lines.enumerated() {
            if let row = FlowRowLabels.rows(in: line.label).first(where: { $0 >= next }) {
                anchors.append((FlowApplications.rows[row], index))
                next = row + 1
            } else if line.label.hasPrefix(FlowApplications.otherGroup), next <= FlowApplications.otherRows.lowerBound {
                anchors.append((FlowApplications.otherGroup, index))
            }
        }
        // The 2021 template's （六） is a group: its rows follow, and its line is not a row.
        if anchors.contains(where: { FlowApplications.rows[FlowApplications.otherRows].contains($0.label) }) {
            anchors.removeAll { $0.label == FlowApplications.otherGroup }
        }
        // Values above the first row's label: the values stand above their labels (top-aligned
        // beside a centred label), where a row printing none would get the next row's.
        if let first = anchors.first, let above = lines[..<first.at].first(where: { !$0.values.isEmpty }) {
            return missing(.applications, "values (\(above.values.joined(separator: " ")), line \(above.line + 1)) stand above the first row's label, so a row's values may stand above its label", &diagnostics)
        }
        read(anchors, in: lines, width: FlowApplications.columns, onLabelLine: false, table: .applications, into: &text, diagnostics: &diagnostics)
    }

    /// Table 2, per 第二十条 section: its items (by their labels' first words, in order), each one
    /// cell per measure (2019: (五) and (六) three, (八) and (九) two).
    static func readProactive(_ lines: [SpacedLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        let is2019 = lines.contains { $0.label.contains("上一年项目数量") }
        let headings = lines.indices.filter { lines[$0].label.hasPrefix("第二十条第（") && lines[$0].label.hasSuffix("）项") }
        for (position, heading) in headings.enumerated() {
            let end = position + 1 < headings.count ? headings[position + 1] : lines.count
            let key = lines[heading].label
            let section = key[key.index(key.startIndex, offsetBy: 6)]
            let items = ProactiveItems.items(in: section, template2019: is2019)
            guard let width = items.first?.cells(template2019: is2019) else { continue }
            var anchors: [(label: String, at: Int)] = []
            var next = 0
            for index in (heading + 1)..<end where next < items.count {
                if items[next].prefixes.contains(where: lines[index].label.hasPrefix) {
                    anchors.append((items[next].label, index))
                    next += 1
                }
            }
            read(anchors, in: Array(lines[..<end]), width: width, onLabelLine: true, table: .proactive, into: &text, diagnostics: &diagnostics)
        }
    }

    /// Table 4: its 15 cells, the one line of values under its header.
    static func readAppeals(_ lines: [SpacedLine], into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        let valued = lines.filter { !$0.values.isEmpty }
        guard valued.count == 1, valued[0].values.count == FlowAppeals.cells, valued[0].label.isEmpty else {
            return missing(.appeals, "\(valued.map(\.values.count).reduce(0, +)) values on \(valued.count) line(s), not one line of its \(FlowAppeals.cells) cells", &diagnostics)
        }
        text.row(["行政复议"] + valued[0].values, origin: ConvertedText.origin(line: valued[0].line))
    }

    /// Each anchored row: the one line with values from its anchor to the next (or the end), when
    /// it holds `width` values (`onLabelLine`: and is the anchor's own line: table 2's one-line
    /// labels stand above or below their values as the cells align them); otherwise left out with
    /// a diagnostic.
    private static func read(_ anchors: [(label: String, at: Int)], in lines: [SpacedLine], width: Int, onLabelLine: Bool,
                             table: TableKind, into text: inout VirtualText, diagnostics: inout [Diagnostic]) {
        for (position, anchor) in anchors.enumerated() {
            let end = position + 1 < anchors.count ? anchors[position + 1].at : lines.count
            let valued = lines[anchor.at..<end].filter { !$0.values.isEmpty }
            let inLabel = valued.count == 1 && (!valued[0].label.isEmpty
                || lines[anchor.at..<end].contains { $0.line > valued[0].line && !$0.label.isEmpty })
            guard valued.count == 1, valued[0].values.count == width, inLabel,
                  !onLabelLine || valued[0].line == lines[anchor.at].line else {
                let printed = valued.map { $0.values.joined(separator: " ") }.joined(separator: " / ")
                missing(table, "line \(lines[anchor.at].line + 1) (\(anchor.label)): \(printed.isEmpty ? "no values" : printed) by its label, not one line of its \(width) cells (blank cells, or values of other lines)", &diagnostics)
                continue
            }
            text.row([anchor.label] + valued[0].values, origin: ConvertedText.origin(line: valued[0].line))
        }
    }

    private static func missing(_ table: TableKind, _ why: String, _ diagnostics: inout [Diagnostic]) {
        diagnostics.append(Diagnostic(.extract, .cellMissing, "table \(table.sectionNumber), \(why); its cells are left out (cells one space apart, no columns)",
                                      at: Diagnostic.Place(table: table)))
    }
}

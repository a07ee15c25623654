import DisclosureModel

/// Reads the cells of a table region in source order, whatever the layout.
///
/// Delimited layouts split each line on their separator; in the one-cell-per-line layout a line
/// indented by a tab starts a cell and an unindented line continues the cell before it (Word breaks
/// long header words over lines: 商业 / 企业). Page furniture and rule lines are dropped and reported.
struct CellReader {
    let lines: SourceLines
    let layout: Layout

    struct Output {
        var cells: [TextCell] = []
        var skippedArtifactLines: [Int] = []
    }

    func read(_ range: Range<Int>) -> Output {
        var output = Output()
        for index in range {
            let line = lines[index]
            if ByteText.isBlank(line) && !(layout == .cellPerLine && line.first == 0x09) { continue }
            let lineNumber = index + 1
            if !line.contains(0x09) && !line.contains(0x7C), PageArtifact.isPageArtifact(lines.string(index)) {
                output.skippedArtifactLines.append(lineNumber)
                continue
            }
            switch layout {
            case .pipeRows: split(line, on: 0x7C, lineNumber, into: &output.cells)
            case .tabRows: split(line, on: 0x09, lineNumber, into: &output.cells)
            case .cellPerLine: readIndentedCell(line, lineNumber, into: &output.cells)
            }
        }
        return output
    }

    private func split(_ line: ArraySlice<UInt8>, on separator: UInt8, _ lineNumber: Int, into cells: inout [TextCell]) {
        var fields = line.split(separator: separator, omittingEmptySubsequences: false)
        // A trailing separator closes the last cell rather than opening an empty one.
        if fields.count > 1, let last = fields.last, last.isEmpty { fields.removeLast() }
        for field in fields {
            let text = ByteText.cleanCell(field)
            if ByteText.isRule(text) { continue }
            cells.append(TextCell(text, line: lineNumber))
        }
    }

    private func readIndentedCell(_ line: ArraySlice<UInt8>, _ lineNumber: Int, into cells: inout [TextCell]) {
        if line.first == 0x09 {
            let text = ByteText.cleanCell(line.dropFirst())
            if !ByteText.isRule(text) { cells.append(TextCell(text, line: lineNumber)) }
        } else if let last = cells.indices.last, !cells[last].text.isEmpty, !ByteText.isNumber(cells[last].text) {
            // Keep the line break visible so Transform can report the label as split over lines.
            cells[last].text += "\n" + ByteText.cleanCell(line)
        } else {
            let text = ByteText.cleanCell(line)
            if !ByteText.isRule(text) { cells.append(TextCell(text, line: lineNumber)) }
        }
    }
}

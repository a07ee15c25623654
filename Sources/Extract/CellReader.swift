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
        output.cells.reserveCapacity(range.count)
        for index in range {
            let line = lines[index]
            if ByteText.isBlank(line) && !(layout == .cellPerLine && line.first == 0x09) { continue }
            let lineNumber = index + 1
            if ByteText.firstIndex(of: 0x09, in: line) == nil && ByteText.firstIndex(of: 0x7C, in: line) == nil,
               PageArtifact.isPageArtifact(line) {
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

    /// Walks the fields in place rather than splitting the line into an array of slices.
    private func split(_ line: ArraySlice<UInt8>, on separator: UInt8, _ lineNumber: Int, into cells: inout [TextCell]) {
        // A trailing separator closes the last cell rather than opening an empty one.
        let end = line.last == separator ? line.endIndex - 1 : line.endIndex
        var start = line.startIndex
        while true {
            let stop = line[start..<end].firstIndex(of: separator) ?? end
            let text = ByteText.cleanCell(line[start..<stop])
            if !ByteText.isRule(text) { cells.append(TextCell(text, line: lineNumber)) }
            if stop == end { break }
            start = stop + 1
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

/// A table's row as the glued text prints it: label cells, then the digit runs that follow them.
struct GluedRow: Equatable {
    var labels: [String] = []
    /// The runs of digits after the labels, as printed pieces (a space between two is a cell boundary).
    var runs: [String] = []
    /// Scalar offset where the row starts, for its line.
    var start = 0
}

/// Cuts a table's text into rows: a row is label text followed by digit runs.
///
/// A label's enumerator glued to the run before it (`00000002.其他法律…`) goes back to the
/// label: a digit followed by `.` or `、` and then text (no digit, no space: `0.` ending a
/// sentence stays a value) starts a label, it is not a value.
/// A digit in parentheses (`第(1)项`) is label text too.
///
/// `signedValues` (table 2 of the 2019 template): a sign directly before digits (`149+5314`,
/// `326 -1`) starts a run (本年增/减 prints one), and 元 or 万元 directly after digits stays with
/// the run (`251000元`, 采购总金额), rather than starting a label.
enum GluedTokenizer {
    static func rows(_ text: [Unicode.Scalar], _ range: Range<Int>, signedValues: Bool = false,
                     splitLabel: (String) -> [String]) -> [GluedRow] {
        var rows: [GluedRow] = []
        var row = GluedRow(start: range.lowerBound)
        var label = String.UnicodeScalarView()

        func flushLabel() {
            if !label.isEmpty { row.labels += splitLabel(String(label)) }
            label = String.UnicodeScalarView()
        }
        func startLabel(at index: Int) {
            if !row.runs.isEmpty {
                rows.append(row)
                row = GluedRow(start: index)
            } else if row.labels.isEmpty && label.isEmpty {
                row.start = index
            }
        }

        var index = range.lowerBound
        while index < range.upperBound {
            let scalar = text[index]
            if isSpace(scalar) {
                flushLabel()
                index += 1
                continue
            }
            let signed = signedValues && isSign(scalar) && index + 1 < range.upperBound && digit(text[index + 1]) != nil
            guard digit(scalar) != nil || signed else {
                startLabel(at: index)
                label.append(scalar)
                index += 1
                continue
            }
            var run = signed ? (scalar == "+" || scalar == "＋" ? "+" : "-") : ""
            var end = signed ? index + 1 : index
            var sawPoint = false
            while end < range.upperBound {
                if let value = digit(text[end]) {
                    run.append(value)
                } else if !sawPoint, !run.isEmpty, isPoint(text[end]), end + 1 < range.upperBound, digit(text[end + 1]) != nil {
                    run.append(".")
                    sawPoint = true
                } else {
                    break
                }
                end += 1
            }
            if signedValues, let unit = amountUnit(text, at: end, before: range.upperBound) {
                run += unit
                end += unit.unicodeScalars.count
            }
            let next = end < range.upperBound ? text[end] : nil
            let afterNext = end + 1 < range.upperBound ? text[end + 1] : nil
            if index > range.lowerBound, isOpening(text[index - 1]), let next, isClosing(next) {
                // `(1)` inside a label.
                label.append(contentsOf: run.unicodeScalars)
            } else if let next, isEnumeratorMark(next), let afterNext, digit(afterNext) == nil, !isSpace(afterNext), !sawPoint,
                      run.last?.isASCII == true, !(signed && run.count == 2) {
                // The last digit numbers the label after it: `…00000002.其他法律行政法规禁止公开`.
                let values = String(run.dropLast())
                if !values.isEmpty {
                    flushLabel()
                    if row.runs.isEmpty && row.labels.isEmpty { row.start = index }
                    row.runs.append(values)
                }
                flushLabel()
                startLabel(at: end - 1)
                label.append(contentsOf: String(run.last!).unicodeScalars)
            } else {
                flushLabel()
                if row.runs.isEmpty && row.labels.isEmpty { row.start = index }
                row.runs.append(run)
            }
            index = end
        }
        flushLabel()
        if !row.labels.isEmpty || !row.runs.isEmpty { rows.append(row) }
        return rows
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000: true
        default: false
        }
    }

    /// ASCII and full-width digits, as an ASCII digit.
    static func digit(_ scalar: Unicode.Scalar) -> Character? {
        switch scalar.value {
        case 0x30...0x39: Character(scalar)
        case 0xFF10...0xFF19: Character(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
        default: nil
        }
    }

    /// `+`, `-` and their full-width forms, and the minus sign.
    static func isSign(_ scalar: Unicode.Scalar) -> Bool { ["+", "-", "＋", "－", "−"].contains(scalar) }

    /// 万元 or 元 at `index`, as printed after an amount.
    static func amountUnit(_ text: [Unicode.Scalar], at index: Int, before end: Int) -> String? {
        if index < end, text[index] == "元" { return "元" }
        if index + 1 < end, text[index] == "万", text[index + 1] == "元" { return "万元" }
        return nil
    }

    static func isPoint(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "．" }
    static func isEnumeratorMark(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "．" || scalar == "、" }
    static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "(" || scalar == "（" }
    static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == ")" || scalar == "）" }
}

/// Label text glued into one cell (`第二十条第（五）项信息内容本年处理决定数量行政许可`) cut into
/// the template's words, and before enumerators (`（三）`, `四、`) that start a new label.
struct LabelWords {
    let words: [[Unicode.Scalar]]

    init(_ words: [String]) {
        // Longest first, so 行政规范性文件 wins over 规范性文件.
        self.words = words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
    }

    func split(_ cell: String) -> [String] {
        let scalars = Array(cell.unicodeScalars)
        var cells: [String] = []
        var pending = String.UnicodeScalarView()
        func flush() {
            if !pending.isEmpty { cells.append(String(pending)) }
            pending = String.UnicodeScalarView()
        }
        var index = 0
        while index < scalars.count {
            if let word = words.first(where: { matches($0, scalars, at: index) }) {
                flush()
                cells.append(String(String.UnicodeScalarView(word)))
                index += word.count
                continue
            }
            if index > 0, Self.startsEnumerator(scalars, at: index) { flush() }
            pending.append(scalars[index])
            index += 1
        }
        flush()
        return cells
    }

    private func matches(_ word: [Unicode.Scalar], _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        index + word.count <= scalars.count && scalars[index..<(index + word.count)].elementsEqual(word)
    }

    static let numerals: Set<Unicode.Scalar> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]

    /// `（三）` not after 第 (`第二十条第（一）项` is one word), or `四、` not after a numeral.
    static func startsEnumerator(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        let before = scalars[index - 1]
        if GluedTokenizer.isOpening(scalars[index]), index + 2 < scalars.count, numerals.contains(scalars[index + 1]),
           GluedTokenizer.isClosing(scalars[index + 2]) {
            return before != "第"
        }
        if numerals.contains(scalars[index]), index + 1 < scalars.count, scalars[index + 1] == "、" {
            return !numerals.contains(before)
        }
        // A label's own digit enumerator (`1.`) was cut by the tokenizer already.
        return false
    }
}

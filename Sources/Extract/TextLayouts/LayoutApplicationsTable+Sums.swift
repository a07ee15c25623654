/// The sums of table 3, used to confirm values placed on lines a converter may have squeezed.
///
/// pdftotext squeezes the lines of the rows whose label spans the label columns (一、, （一）, （七）,
/// 四、) and can move their numbers onto a neighbouring column. Placed under the columns, such a row
/// is kept only when the whole table then adds up: every row's 总计 is the sum of its six columns,
/// in every column （七）总计 is the sum of the 21 outcome rows, and 一 + 二 = （七） + 四. A number
/// moved to another column breaks the sums of both columns; a table printed with a total off (a
/// report's own error) leaves those rows out.
extension LayoutApplicationsTable {
    /// Whether the 25 rows are all here, in the template's order, and their cells add up.
    static func sumsHold(_ labels: [String], _ cells: [[String]?]) -> Bool {
        var rows: [[Int]] = []
        var rowLabels: [String] = []
        for (label, cells) in zip(labels, cells) where !isGroup(label) {
            guard let cells, cells.count == width else { return false }
            var numbers: [Int] = []
            for cell in cells {
                guard let number = number(cell) else { return false }
                numbers.append(number)
            }
            rows.append(numbers)
            rowLabels.append(label.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）"))
        }
        let anchors: [(Int, String)] = [(0, "一、"), (1, "二、"), (2, "（一）"), (3, "（二）"), (23, "（七）"), (24, "四、")]
        guard rows.count == 25, anchors.allSatisfy({ rowLabels[$0.0].hasPrefix($0.1) }) else { return false }
        for row in rows where row[6] != row[..<6].reduce(0, +) { return false }
        for column in 0..<width {
            let outcomes: Int = rows[2...22].reduce(0) { $0 + $1[column] }
            guard rows[23][column] == outcomes, rows[0][column] + rows[1][column] == rows[23][column] + rows[24][column] else { return false }
        }
        return true
    }

    /// A cell's number: blank or a dash is 0; nil for anything else but plain digits.
    private static func number(_ cell: String) -> Int? {
        if cell.isEmpty || ByteText.isDash(cell) { return 0 }
        var value = 0
        for scalar in cell.unicodeScalars {
            let digit: UInt32
            switch scalar.value {
            case 0x30...0x39: digit = scalar.value - 0x30
            case 0xFF10...0xFF19: digit = scalar.value - 0xFF10
            default: return nil
            }
            guard value < 100_000_000 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }
}

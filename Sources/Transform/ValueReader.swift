import DisclosureModel

/// Reads printed numbers: ASCII or full-width digits, thousands separators, decimals (fees), and
/// empty or dash cells as 0. Every departure from a plain number is a diagnostic.
struct ValueReader {
    let table: String
    let cite: Citation

    /// Plain ASCII digits, the usual case, read without building anything.
    static func plainNumber(_ text: String) -> Double? {
        var value: Int64 = 0
        var count = 0
        for byte in text.utf8 {
            guard byte >= 0x30 && byte <= 0x39, count < 15 else { return nil }
            value = value * 10 + Int64(byte - 0x30)
            count += 1
        }
        return count > 0 ? Double(value) : nil
    }

    /// `label` is the row's label as printed, for the diagnostic's place.
    func read(_ cell: TextCell, what: @autoclosure () -> String, label: @autoclosure () -> String?, integer: Bool,
              diagnostics: inout [Diagnostic]) -> Double? {
        let text = cell.text
        if let plain = Self.plainNumber(text) { return plain }
        let line = cite(cell.line)
        let what = what()
        let place = cite.place(table, line: cell.line, label: label())
        if text.isEmpty || ["-", "—", "－", "–", "/", "／", "——", "--"].contains(text) {
            let shown = text.isEmpty ? "empty" : "\"\(text)\""
            diagnostics.append(Diagnostic(.transform, .cellEmpty, "table \(table), \(line): \(what) is \(shown); read as 0", at: place))
            return 0
        }
        var ascii = ""
        var changed: [String] = []
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19:
                ascii.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
                if !changed.contains("full-width digits") { changed.append("full-width digits") }
            case 0xFF0E: ascii += "."; if !changed.contains("full-width point") { changed.append("full-width point") }
            case 0xFF0D: ascii += "-"
            case 0x2C, 0xFF0C: if !changed.contains("thousands separator") { changed.append("thousands separator") }
            case 0x20: continue
            default: ascii.unicodeScalars.append(scalar)
            }
        }
        guard let value = Double(ascii), value.isFinite else {
            diagnostics.append(Diagnostic(.transform, .valueInvalid, "table \(table), \(line): \(what) \"\(text)\" is not a number; cell left out", at: place))
            return nil
        }
        if integer && value.rounded() != value {
            diagnostics.append(Diagnostic(.transform, .valueInvalid, "table \(table), \(line): \(what) \"\(text)\" is not a whole number; cell left out", at: place))
            return nil
        }
        if integer && abs(value) > 9.0e15 {
            diagnostics.append(Diagnostic(.transform, .valueInvalid, "table \(table), \(line): \(what) \"\(text)\" is out of range; cell left out", at: place))
            return nil
        }
        if !changed.isEmpty {
            diagnostics.append(Diagnostic(.transform, .valueNormalized, "table \(table), \(line): \(what) \"\(text)\" read as \(ascii) (\(changed.joined(separator: ", ")))", at: place))
        }
        return value
    }
}

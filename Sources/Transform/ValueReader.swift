import DisclosureModel

/// Reads printed numbers: ASCII or full-width digits, thousands separators, decimals (fees), a
/// sign (2019's 本年增/减), and empty or dash cells as 0. Every departure from a plain number is a
/// diagnostic.
struct ValueReader {
    let table: TableKind
    let cite: Citation

    /// Plain ASCII digits, the usual case, read without building anything.
    static func plainNumber(_ text: String) -> Double? {
        // Through the contiguous bytes: stepping a `String.UTF8View` costs several times as much.
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty, bytes.count <= 15 else { return nil }
            var value: Int64 = 0
            for byte in bytes {
                guard byte &- 0x30 < 10 else { return nil }
                value = value &* 10 &+ Int64(byte &- 0x30)
            }
            return Double(value)
        }
    }

    /// Reads a value as the template's `reading` says; `label` is the row's label as printed, for
    /// the diagnostic's place.
    func read(_ cell: TextCell, what: @autoclosure () -> String, label: @autoclosure () -> String?, as reading: ProactiveItem.Reading,
              diagnostics: inout [Diagnostic]) -> Double? {
        switch reading {
        case .count, .signedChange: read(cell, what: what(), label: label(), integer: true, diagnostics: &diagnostics)
        case .decimal: read(cell, what: what(), label: label(), integer: false, diagnostics: &diagnostics)
        case .amountAsPrinted: readAmount(cell, what: what(), label: label(), diagnostics: &diagnostics)
        }
    }

    /// An amount as printed: a unit printed after the number (`251000元`) is left out, with a
    /// diagnostic, and the number read as printed (not converted).
    func readAmount(_ cell: TextCell, what: @autoclosure () -> String, label: @autoclosure () -> String?,
                    diagnostics: inout [Diagnostic]) -> Double? {
        guard let number = Self.numberBeforeUnit(cell.text) else {
            return read(cell, what: what(), label: label(), integer: false, diagnostics: &diagnostics)
        }
        var scratch: [Diagnostic] = []
        guard let value = read(TextCell(number, line: cell.line), what: what(), label: label(), integer: false, diagnostics: &scratch) else {
            return read(cell, what: what(), label: label(), integer: false, diagnostics: &diagnostics)
        }
        let unit = String(cell.text.unicodeScalars.dropFirst(number.unicodeScalars.count))
        diagnostics.append(Diagnostic(.transform, .valueNormalized, "table \(table.sectionNumber), \(cite(cell.line)): \(what()) \"\(cell.text)\" read as \(number) (unit \"\(unit)\" printed beside the value, not converted)",
                                      at: cite.place(table, line: cell.line, label: label())))
        return value
    }

    /// `label` is the row's label as printed, for the diagnostic's place. Inlined, so that a plain
    /// number (almost every cell) is read at the caller without the rest of the call.
    @inline(__always)
    func read(_ cell: TextCell, what: @autoclosure () -> String, label: @autoclosure () -> String?, integer: Bool,
              diagnostics: inout [Diagnostic]) -> Double? {
        if let plain = Self.plainNumber(cell.text) { return plain }
        return readPrinted(cell, what: what(), label: label(), integer: integer, diagnostics: &diagnostics)
    }

    /// A value other than plain digits: a dash, full-width digits, separators, or no number.
    private func readPrinted(_ cell: TextCell, what: @autoclosure () -> String, label: @autoclosure () -> String?, integer: Bool,
                             diagnostics: inout [Diagnostic]) -> Double? {
        let text = cell.text
        let line = cite(cell.line)
        let what = what()
        let place = cite.place(table, line: cell.line, label: label())
        if text.isEmpty || Self.dashes.contains(text) {
            let shown = text.isEmpty ? "empty" : "\"\(text)\""
            diagnostics.append(Diagnostic(.transform, .cellEmpty, "table \(table.sectionNumber), \(line): \(what) is \(shown); read as 0", at: place))
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
            case 0xFF0B: ascii += "+"
            case 0x2C, 0xFF0C: if !changed.contains("thousands separator") { changed.append("thousands separator") }
            case 0x20: continue
            default: ascii.unicodeScalars.append(scalar)
            }
        }
        guard let value = Double(ascii), value.isFinite else {
            diagnostics.append(Diagnostic(.transform, .valueInvalid, "table \(table.sectionNumber), \(line): \(what) \"\(text)\" is not a number; cell left out", at: place))
            return nil
        }
        if integer && value.rounded() != value {
            diagnostics.append(Diagnostic(.transform, .valueInvalid, "table \(table.sectionNumber), \(line): \(what) \"\(text)\" is not a whole number; cell left out", at: place))
            return nil
        }
        if integer && abs(value) > 9.0e15 {
            diagnostics.append(Diagnostic(.transform, .valueInvalid, "table \(table.sectionNumber), \(line): \(what) \"\(text)\" is out of range; cell left out", at: place))
            return nil
        }
        if !changed.isEmpty {
            diagnostics.append(Diagnostic(.transform, .valueNormalized, "table \(table.sectionNumber), \(line): \(what) \"\(text)\" read as \(ascii) (\(changed.joined(separator: ", ")))", at: place))
        }
        return value
    }

    /// Dashes printed for nothing, read as 0: pandoc's markdown writes `—` as `---` and `——` as
    /// `------`.
    static let dashes: Set<String> = ["-", "—", "－", "–", "/", "／", "——", "--", "---", "------"]

    /// Whether a cell reads as 0 without a doubt: blank, a dash or zeros.
    static func isZeroOrBlank(_ text: String) -> Bool {
        text.isEmpty || Self.dashes.contains(text) || text.utf8.allSatisfy { $0 == 0x30 }
    }

    /// The number a text starts with when the rest is a unit (`251000元`, `3.5万元` → `251000`, `3.5`), else nil.
    static func numberBeforeUnit(_ text: String) -> String? {
        let scalars = text.unicodeScalars
        guard let unit = scalars.firstIndex(where: { !("0"..."9").contains($0) && $0 != "." && $0 != "," }),
              unit > scalars.startIndex, scalars[unit...].allSatisfy({ $0.properties.isAlphabetic }) else { return nil }
        return String(scalars[..<unit])
    }
}

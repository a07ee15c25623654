/// An agency's name as printed, compared across reports for the `continuity` check
/// (docs/datasets.md): 淮安市洪泽区人民政府 and 洪泽区人民政府 name the same agency, one with the
/// higher-level place printed before it.
struct AgencyName: Hashable, Sendable {
    /// The name without whitespace and with full-width ASCII made half-width, as Unicode scalars.
    let scalars: [Unicode.Scalar]

    init(_ printed: String) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(printed.unicodeScalars.count)
        for scalar in printed.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        self.scalars = scalars
    }

    private init(scalars: ArraySlice<Unicode.Scalar>) {
        self.scalars = Array(scalars)
    }

    /// The same agency named with fewer higher-level places before it, longest first:
    /// 江苏省淮安市洪泽区人民政府 → 淮安市洪泽区人民政府, 洪泽区人民政府. A place is cut only where
    /// what is left still starts with a place of its own (a 区, 县, 市 or 旗 after at least one
    /// character, within its first 8), so 上海市人民政府办公厅 never becomes 人民政府办公厅.
    var shorterForms: [AgencyName] {
        var forms: [AgencyName] = []
        for cut in 2..<max(2, scalars.count - 1) where Self.endsPlace(scalars[..<cut]) {
            let rest = scalars[cut...]
            if Self.startsWithPlace(rest) { forms.append(AgencyName(scalars: rest)) }
        }
        return forms
    }

    /// Whether two printed names name the same agency: equal, or one is the other with
    /// higher-level places before it.
    func isSameAgency(as other: AgencyName) -> Bool {
        self == other || shorterForms.contains(other) || other.shorterForms.contains(self)
    }

    private static func endsPlace(_ prefix: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = prefix.last else { return false }
        switch last {
        case "省", "市", "州", "盟": return true
        case "区":
            let before = prefix.dropLast()
            return before.last == "地" || before.suffix(2).elementsEqual(["自", "治"])
        default: return false
        }
    }

    private static func startsWithPlace(_ name: ArraySlice<Unicode.Scalar>) -> Bool {
        name.dropFirst().prefix(7).contains { ["区", "县", "市", "旗"].contains($0) }
    }
}

import DisclosureModel

/// The template code lists (`StoredCodes`) whose positions a stored record holds instead of the
/// codes' text, so a record is small and reading one allocates little.
public enum StoredCodeList: Sendable, CaseIterable {
    case items, measures, applicationRows, applicants, proceedings, outcomes

    /// The list's codes; a stored position indexes into it.
    public var codes: [String] {
        switch self {
        case .items: StoredCodes.items
        case .measures: StoredCodes.measures
        case .applicationRows: StoredCodes.applicationRows
        case .applicants: StoredCodes.applicants
        case .proceedings: StoredCodes.proceedings
        case .outcomes: StoredCodes.outcomes
        }
    }
}

/// A `CodeCursor` for each list, as a writer keeps them while it writes a record (a struct of six,
/// not an array, so a writer allocates nothing for them).
struct CodeCursors {
    private var items, measures, applicationRows, applicants, proceedings, outcomes: CodeCursor

    /// Every cursor at the start of its list, their indexes made once.
    static let start = CodeCursors(
        items: CodeCursor(StoredCodeList.items.codes), measures: CodeCursor(StoredCodeList.measures.codes),
        applicationRows: CodeCursor(StoredCodeList.applicationRows.codes), applicants: CodeCursor(StoredCodeList.applicants.codes),
        proceedings: CodeCursor(StoredCodeList.proceedings.codes), outcomes: CodeCursor(StoredCodeList.outcomes.codes))

    @inline(__always)
    mutating func position(of code: String, in list: StoredCodeList) -> Int {
        switch list {
        case .items: items.position(of: code)
        case .measures: measures.position(of: code)
        case .applicationRows: applicationRows.position(of: code)
        case .applicants: applicants.position(of: code)
        case .proceedings: proceedings.position(of: code)
        case .outcomes: outcomes.position(of: code)
        }
    }
}

/// Finds codes' positions in a template list, trying first the code before, the one after and the
/// first: cells come in template order, so a hash of the code is rarely needed.
struct CodeCursor {
    let codes: [String]
    let index: [String: Int]
    private var last = 0

    init(_ codes: [String]) {
        self.codes = codes
        index = Template.index(codes)
    }

    /// Inlined so that the code is read in place from its cell, not retained for the call.
    @inline(__always)
    mutating func position(of code: String) -> Int {
        if Self.same(codes[last], code) { return last }
        if last + 1 < codes.count && Self.same(codes[last + 1], code) {
            last += 1
            return last
        }
        last = search(code)
        return last
    }

    /// A jump in the template order: a scan for the same string is cheaper than hashing the code,
    /// which is left for codes that are equal to a template code without being its string. A code
    /// of no list is a bug of the stage that made the report, not something a run can go on from.
    @inline(never)
    private func search(_ code: String) -> Int {
        guard let position = codes.firstIndex(where: { Self.same($0, code) }) ?? index[code] else {
            preconditionFailure("\(code) is not one of the codes \(codes) (StoredCodes)")
        }
        return position
    }

    /// Whether two strings are the same value bit for bit (the same storage): cells are built from
    /// the template's own strings, so this settles most lookups without comparing bytes.
    private static func same(_ a: String, _ b: String) -> Bool {
        unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }
}

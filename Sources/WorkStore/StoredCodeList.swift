import DisclosureModel

/// The template code lists (`StoredCodes`) whose positions a stored record holds instead of the
/// codes' text, so a record is small and reading one allocates little.
public enum StoredCodeList: Int, Sendable, CaseIterable {
    case items, measures, applicationRows, applicants, proceedings, outcomes

    /// The list's codes; a stored position indexes into it.
    public var codes: [String] { Self.tables.lists[rawValue] }

    /// Every list with the index of its codes, made once and shared by every writer.
    static let tables = CodeTables([StoredCodes.items, StoredCodes.measures, StoredCodes.applicationRows,
                                    StoredCodes.applicants, StoredCodes.proceedings, StoredCodes.outcomes])
}

/// The code lists of `StoredCodeList` by its raw value, and where each code is in its list.
final class CodeTables: Sendable {
    let lists: [[String]]
    let indexes: [[String: Int]]

    init(_ lists: [[String]]) {
        self.lists = lists
        indexes = lists.map(Template.index)
    }

    /// Where `code` is in `list`, trying first the position `last` found, then the one after it:
    /// cells come in template order, so a hash of the code is rarely needed. Inlined so that the
    /// code is read in place from its cell, not retained for the call.
    @inline(__always)
    func position(of code: String, in list: StoredCodeList, near last: inout Int) -> Int {
        let codes = lists[list.rawValue]
        if Self.same(codes[last], code) { return last }
        if last + 1 < codes.count && Self.same(codes[last + 1], code) {
            last += 1
            return last
        }
        last = search(code, in: list)
        return last
    }

    /// A jump in the template order: a scan for the same string is cheaper than hashing the code,
    /// which is left for codes that are equal to a template code without being its string. A code
    /// of no list is a bug of the stage that made the report, not something a run can go on from.
    @inline(never)
    private func search(_ code: String, in list: StoredCodeList) -> Int {
        guard let position = lists[list.rawValue].firstIndex(where: { Self.same($0, code) }) ?? indexes[list.rawValue][code] else {
            preconditionFailure("\(code) is not a code of \(list) (StoredCodes)")
        }
        return position
    }

    /// Whether two strings are the same value bit for bit (the same storage): cells are built from
    /// the template's own strings, so this settles most lookups without comparing bytes.
    private static func same(_ a: String, _ b: String) -> Bool {
        unsafeBitCast(a, to: (UInt64, UInt64).self) == unsafeBitCast(b, to: (UInt64, UInt64).self)
    }
}

/// Where the last code of each list was found, by `StoredCodeList` (a struct of six numbers, not
/// an array, so a writer allocates nothing for it).
struct LastCodePositions {
    private var items = 0, measures = 0, applicationRows = 0, applicants = 0, proceedings = 0, outcomes = 0

    subscript(list: StoredCodeList) -> Int {
        get {
            switch list {
            case .items: items
            case .measures: measures
            case .applicationRows: applicationRows
            case .applicants: applicants
            case .proceedings: proceedings
            case .outcomes: outcomes
            }
        }
        set {
            switch list {
            case .items: items = newValue
            case .measures: measures = newValue
            case .applicationRows: applicationRows = newValue
            case .applicants: applicants = newValue
            case .proceedings: proceedings = newValue
            case .outcomes: outcomes = newValue
            }
        }
    }
}

import DisclosureModel
import Foundation
import TOMLKit

/// Printed labels mapped to canonical codes, loaded from a TOML file so users add variants
/// without recompiling (`pipelines/labels.toml`).
///
/// For each code the first label is the template's wording; the rest are variants seen in the wild.
/// Labels are compared by `LabelKey`, within a scope: the same key may mean an applicant column in
/// table 3's header (其他, 总计) and a row in its body (3.其他, （七）总计).
public struct LabelDictionary: Sendable {
    /// What a label names.
    public enum Role: String, Sendable {
        case item, measure, applicant, group, row, proceeding, outcome, header
    }

    /// Where in the template a label is read.
    public enum Scope: Int, Sendable, Hashable, CaseIterable {
        case proactive, applicationsHeader, applicationsBody, appeals
    }

    /// One printed form of a code. A class: every printed label resolves to one of these, and
    /// passing a reference costs one retain where a struct of four strings cost four.
    public final class Entry: Sendable, Hashable {
        public let role: Role
        public let code: String
        /// The template's wording of the code.
        public let canonical: String
        /// The dictionary form that matched (the canonical one or a variant).
        public let form: String
        /// Whether `form` is not the template's wording (kept: comparing the two costs time).
        public let isVariant: Bool
        /// Position of `code` in the `StoredCodes` list for the role (`applicationRows` for rows,
        /// `items` for items, …), so mappers index arrays, not dictionaries.
        public let index: Int

        init(role: Role, code: String, index: Int, canonical: String, form: String) {
            self.role = role
            self.code = code
            self.index = index
            self.canonical = canonical
            self.form = form
            isVariant = form != canonical
        }

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.role == rhs.role && lhs.code == rhs.code && lhs.canonical == rhs.canonical && lhs.form == rhs.form
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(role)
            hasher.combine(code)
            hasher.combine(form)
        }
    }

    /// Entries by `LabelKey`, one table per scope (indexed by `Scope.rawValue`).
    private var keyed: [[UTF8Key: Entry]] = Array(repeating: [:], count: Scope.allCases.count)
    /// The dictionary's own forms, exactly as written: most printed labels are one of them, and
    /// finding them needs no key to be built.
    private var exactForms: [[UTF8Key: Entry]] = Array(repeating: [:], count: Scope.allCases.count)

    /// Looks a printed label up by its key within a scope.
    public func lookup(_ text: String, in scope: Scope) -> Entry? {
        lookup(text, in: [scope])
    }

    /// Looks a printed label up in several scopes, the first scope that knows it (as written or by
    /// key) winning; the key is built at most once.
    public func lookup(_ text: String, in scopes: [Scope]) -> Entry? {
        let printed = UTF8Key(text)
        var key: UTF8Key?
        for scope in scopes {
            if let entry = exactForms[scope.rawValue][printed] { return entry }
            let made = key ?? UTF8Key(LabelKey.make(printed.string))
            key = made
            if let entry = keyed[scope.rawValue][made] { return entry }
        }
        return nil
    }

    /// A problem in a dictionary file; the message names the file and the key.
    public struct LoadError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// Reads and validates a dictionary file.
    public static func load(path: String) throws -> LabelDictionary {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "\(path): cannot read the label dictionary (missing or unreadable)")
        }
        return try LabelDictionary(toml: String(decoding: data, as: UTF8.self), source: path)
    }

    /// The layout of the file: table → role → code → labels. Codes are those of every template
    /// (`StoredCodes`), except table 3's rows: the 2019 template's single `other` row is printed as
    /// the 2021 group （六）其他处理, so it is that group's label.
    static let layout: [(table: String, role: Role, scopes: [Scope], codes: [String])] = [
        ("proactive", .item, [.proactive], StoredCodes.items),
        ("proactive", .measure, [.proactive], StoredCodes.measures),
        ("applications", .applicant, [.applicationsHeader], StoredCodes.applicants),
        ("applications", .group, [.applicationsBody], ["outcomes", "denied", "unavailable", "not_processed", "other"]),
        ("applications", .row, [.applicationsBody], Template.national2021.applicationRows),
        ("appeals", .proceeding, [.appeals], StoredCodes.proceedings),
        ("appeals", .outcome, [.appeals], StoredCodes.outcomes),
    ]

    static func sectionName(_ role: Role) -> String {
        switch role {
        case .item: "items"
        case .measure: "measures"
        case .applicant: "applicants"
        case .group: "groups"
        case .row: "rows"
        case .proceeding: "proceedings"
        case .outcome: "outcomes"
        case .header: "header"
        }
    }

    /// A dictionary file. With `base` (the dictionary of the files before it in a pipeline's
    /// `labels`) it is an overlay: it lists only the labels it adds, any section or code may be
    /// left out, and its labels are variants of the base's template wording.
    public init(toml: String, source: String, over base: LabelDictionary? = nil) throws {
        let root: TOMLTable
        do {
            root = try TOMLTable(string: toml)
        } catch let error as TOMLParseError {
            throw LoadError(description: "\(source):\(error.source.begin.line):\(error.source.begin.column): TOML syntax error: \(error.description)")
        }
        for (table, role, scopes, codes) in Self.layout {
            let section = "\(table).\(Self.sectionName(role))"
            guard let labels = root[table]?[Self.sectionName(role)]?.table else {
                if base != nil { continue }
                throw LoadError(description: "\(source): missing table [\(section)]")
            }
            for key in labels.keys where !codes.contains(key) {
                throw LoadError(description: "\(source): [\(section)] has unknown code \"\(key)\"; expected one of: \(codes.joined(separator: ", "))")
            }
            for (index, code) in codes.enumerated() {
                let forms = try Self.strings(labels[code], at: "\(section).\(code)", source: source)
                guard let first = forms.first else {
                    if base != nil { continue }
                    throw LoadError(description: "\(source): [\(section)] lacks \(code) = [\"label\", …]: every code needs at least its template label")
                }
                let canonical = base?.canonical(role: role, code: code) ?? first
                for form in forms {
                    try add(Entry(role: role, code: code, index: index, canonical: canonical, form: form), to: scopes, source: source, key: "\(section).\(code)")
                }
            }
        }
        for (table, scopes) in [("proactive", [Scope.proactive]), ("applications", [.applicationsHeader]), ("appeals", [.appeals])] {
            let forms = try Self.strings(root[table]?["header"], at: "\(table).header", source: source)
            for form in forms {
                try add(Entry(role: .header, code: "", index: -1, canonical: form, form: form), to: scopes, source: source, key: "\(table).header")
            }
        }
    }

    /// The template wording of a code.
    func canonical(role: Role, code: String) -> String? {
        for table in keyed {
            if let entry = table.values.first(where: { $0.role == role && $0.code == code }) { return entry.canonical }
        }
        return nil
    }

    /// Adds the labels of another dictionary file (a user's additions on top of the shipped one).
    public func merging(_ other: LabelDictionary, source: String) throws -> LabelDictionary {
        var merged = self
        for scope in Scope.allCases {
            for (key, entry) in other.keyed[scope.rawValue].sorted(by: { $0.key.string < $1.key.string }) {
                if let existing = merged.keyed[scope.rawValue][key] {
                    guard existing.code == entry.code, existing.role == entry.role else {
                        throw LoadError(description: "\(source): label \"\(entry.form)\" (\(entry.role.rawValue) \(entry.code)) contradicts \"\(existing.form)\" (\(existing.role.rawValue) \(existing.code)) of an earlier dictionary")
                    }
                    continue
                }
                merged.keyed[scope.rawValue][key] = entry
                let form = UTF8Key(entry.form)
                if merged.exactForms[scope.rawValue][form] == nil { merged.exactForms[scope.rawValue][form] = entry }
            }
        }
        return merged
    }

    private static func strings(_ value: TOMLValueConvertible?, at key: String, source: String) throws -> [String] {
        guard let value else { return [] }
        guard let array = value.array else {
            throw LoadError(description: "\(source): \(key) must be an array of strings, e.g. [\"规章\"]")
        }
        return try array.map { element in
            guard let string = element.string, !string.isEmpty else {
                throw LoadError(description: "\(source): \(key) must hold only non-empty strings")
            }
            return string
        }
    }

    private mutating func add(_ entry: Entry, to scopes: [Scope], source: String, key: String) throws {
        let labelKey = UTF8Key(LabelKey.make(entry.form))
        let form = UTF8Key(entry.form)
        for scope in scopes {
            if let existing = keyed[scope.rawValue][labelKey], existing.code != entry.code || existing.role != entry.role {
                throw LoadError(description: "\(source): \(key) label \"\(entry.form)\" is the same, once spaces and numbering are ignored, as \"\(existing.form)\" for \(existing.role.rawValue) \(existing.code)")
            }
            if keyed[scope.rawValue][labelKey] == nil { keyed[scope.rawValue][labelKey] = entry }
            if exactForms[scope.rawValue][form] == nil { exactForms[scope.rawValue][form] = entry }
        }
    }
}

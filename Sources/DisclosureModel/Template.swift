/// A national template as canonical codes, in printed order: what a report of it prints, how its
/// values are read and which checks apply (docs/contract.md §2 and §2b are the source of truth).
///
/// A value, chosen per report from the tables' own wording: the dictionary, the mappers and the
/// checks take the report's template instead of assuming one.
public struct Template: Sendable, Hashable {
    /// What `reports.template` holds: `2021` or `2019`.
    public let id: String
    /// Table 2 items with their measures, in printed order.
    public let proactiveItems: [ProactiveItem]
    /// Table 3 applicant columns, left to right.
    public let applicants: [String]
    /// Table 3 rows, top to bottom.
    public let applicationRows: [String]
    /// Positions in `applicationRows` of the outcome rows whose sum is the `total` row.
    public let outcomeRows: Range<Int>
    /// Table 4 proceedings, left to right.
    public let proceedings: [String]
    /// Table 4 outcomes within each proceeding, left to right.
    public let outcomes: [String]
    /// The consistency checks (勾稽关系) that hold for the template's tables.
    public let checks: [CheckRule]
    /// Labels this template prints that the dictionary lists as variants of the 2021 wording
    /// (2019's 规范性文件): printed so, they are the template's own and need no `label_normalized`.
    public let ownWording: Set<String>

    /// 国办公开办函〔2021〕30号: report years 2021 on.
    public static let national2021 = Template(
        id: "2021",
        proactiveItems: [
            ProactiveItem(code: "regulations", measures: ["issued", "repealed", "in_force"]),
            ProactiveItem(code: "normative_documents", measures: ["issued", "repealed", "in_force"]),
            ProactiveItem(code: "licensing", measures: ["decisions"]),
            ProactiveItem(code: "penalty", measures: ["decisions"]),
            ProactiveItem(code: "coercion", measures: ["decisions"]),
            ProactiveItem(code: "fees", measures: ["amount_10k_yuan"], reading: .decimal),
        ],
        applicationRows: outcomesAround(["other.no_correction", "other.fee_unpaid", "other.other"]))

    /// 国办公开办函〔2019〕60号: report years 2019 and 2020. Table 2 counts items and their change;
    /// （六）其他处理 is one row.
    public static let national2019 = Template(
        id: "2019",
        proactiveItems: [
            ProactiveItem(code: "regulations", measures: ["created", "published", "public_total"]),
            ProactiveItem(code: "normative_documents", measures: ["created", "published", "public_total"]),
            ProactiveItem(code: "licensing", measures: ["previous_items", "change", "decisions"], reading: .signedChange),
            ProactiveItem(code: "other_services", measures: ["previous_items", "change", "decisions"], reading: .signedChange),
            ProactiveItem(code: "penalty", measures: ["previous_items", "change", "decisions"], reading: .signedChange),
            ProactiveItem(code: "coercion", measures: ["previous_items", "change", "decisions"], reading: .signedChange),
            ProactiveItem(code: "fees", measures: ["previous_items", "change"], reading: .signedChange),
            ProactiveItem(code: "procurement", measures: ["items", "amount"], reading: .amountAsPrinted),
        ],
        applicationRows: outcomesAround(["other"]),
        ownWording: ["规范性文件", "处理决定数量"])

    /// Every template, newest first (the order of `StoredCodes`' lists and of `reports_wide`'s columns).
    public static let all = [national2021, national2019]

    /// Templates are told apart by their `id` (cheap: reports compare theirs often).
    public static func == (lhs: Template, rhs: Template) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Position in `all`, as stored records hold it.
    public var storedIndex: Int { id == "2021" ? 0 : 1 }

    /// The template whose `id` that is.
    public static func named(_ id: String) -> Template? { all.first { $0.id == id } }

    init(id: String, proactiveItems: [ProactiveItem], applicationRows: [String], ownWording: Set<String> = []) {
        self.id = id
        self.ownWording = ownWording
        self.proactiveItems = proactiveItems
        applicants = ["natural_person", "commercial_enterprise", "research_institution",
                      "public_interest_org", "legal_service_org", "other_org", "total"]
        self.applicationRows = applicationRows
        outcomeRows = 2..<(applicationRows.count - 2)
        proceedings = ["review", "litigation_direct", "litigation_after_review"]
        outcomes = ["upheld", "corrected", "other", "pending", "total"]
        checks = CheckRule.withinReport
    }

    /// Table 3's rows with the given （六）其他处理 rows: both templates print the rest alike.
    private static func outcomesAround(_ otherRows: [String]) -> [String] {
        ["new_received", "carried_over",
         "granted", "partially_granted",
         "denied.state_secret", "denied.prohibited_by_law", "denied.security_stability",
         "denied.third_party_rights", "denied.internal_affairs", "denied.process_information",
         "denied.enforcement_files", "denied.administrative_inquiry",
         "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction",
         "not_processed.complaint", "not_processed.duplicate", "not_processed.publication",
         "not_processed.excessive", "not_processed.reconfirmation"]
            + otherRows + ["total", "carried_forward"]
    }

    /// Number of cells per report in tables 2, 3 and 4.
    public var proactiveCellCount: Int { proactiveItems.reduce(0) { $0 + $1.measures.count } }
    public var applicationCellCount: Int { applicationRows.count * applicants.count }
    public var appealCellCount: Int { proceedings.count * outcomes.count }

    /// Position of each code in its list.
    public static func index(_ codes: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
    }

    /// The codes of every template, each once, in the order of `all` (a 2021 code keeps its 2021
    /// position): the lists stored records, the dictionary and the datasets index into.
    public static func union(_ codes: (Template) -> [String]) -> [String] {
        var seen = Set<String>()
        return all.flatMap(codes).filter { seen.insert($0).inserted }
    }
}

/// Stored and exchanged as its `id`.
extension Template: Codable {
    public init(from decoder: any Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let template = Template.named(id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown template \(id)"))
        }
        self = template
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}

/// One row of table 2 and the measures printed for it.
public struct ProactiveItem: Sendable, Hashable {
    public let code: String
    public let measures: [String]
    /// How the item's printed values are read.
    public let reading: Reading

    public enum Reading: Sendable, Hashable {
        /// Whole numbers (counts).
        case count
        /// A decimal (2021 fees in 10k yuan).
        case decimal
        /// Whole numbers; `change` may carry a sign (+12, -3).
        case signedChange
        /// Whole numbers or decimals as printed; a unit printed beside the number is a diagnostic.
        case amountAsPrinted
    }

    public init(code: String, measures: [String], reading: Reading = .count) {
        self.code = code
        self.measures = measures
        self.reading = reading
    }
}

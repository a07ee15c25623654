/// The national template of 国办公开办函〔2021〕30号 as canonical codes, in printed order.
///
/// Every dataset uses these codes; docs/contract.md §2 is the source of truth for them.
public enum Template {
    /// Table 2 items with their measures, in printed order.
    public static let proactiveItems: [ProactiveItem] = [
        ProactiveItem(code: "regulations", measures: ["issued", "repealed", "in_force"]),
        ProactiveItem(code: "normative_documents", measures: ["issued", "repealed", "in_force"]),
        ProactiveItem(code: "licensing", measures: ["decisions"]),
        ProactiveItem(code: "penalty", measures: ["decisions"]),
        ProactiveItem(code: "coercion", measures: ["decisions"]),
        ProactiveItem(code: "fees", measures: ["amount_10k_yuan"]),
    ]

    /// Table 3 applicant columns, left to right.
    public static let applicants = [
        "natural_person", "commercial_enterprise", "research_institution",
        "public_interest_org", "legal_service_org", "other_org", "total",
    ]

    /// Table 3 rows, top to bottom.
    public static let applicationRows = [
        "new_received", "carried_over",
        "granted", "partially_granted",
        "denied.state_secret", "denied.prohibited_by_law", "denied.security_stability",
        "denied.third_party_rights", "denied.internal_affairs", "denied.process_information",
        "denied.enforcement_files", "denied.administrative_inquiry",
        "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear_after_correction",
        "not_processed.complaint", "not_processed.duplicate", "not_processed.publication",
        "not_processed.excessive", "not_processed.reconfirmation",
        "other.no_correction", "other.fee_unpaid", "other.other",
        "total", "carried_forward",
    ]

    /// The 21 outcome rows whose sum is the `total` row (granted … other.other).
    public static var outcomeRows: ArraySlice<String> { applicationRows[2..<23] }

    /// Table 4 proceedings, left to right.
    public static let proceedings = ["review", "litigation_direct", "litigation_after_review"]

    /// Table 4 outcomes within each proceeding, left to right.
    public static let outcomes = ["upheld", "corrected", "other", "pending", "total"]

    /// Position of each code in its list, for compact storage.
    public static let proactiveItemIndex = index(proactiveItems.map(\.code))
    public static let applicationRowIndex = index(applicationRows)
    public static let applicantIndex = index(applicants)
    public static let proceedingIndex = index(proceedings)
    public static let outcomeIndex = index(outcomes)

    static func index(_ codes: [String]) -> [String: Int] {
        Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
    }

    /// Number of cells per report in tables 2, 3 and 4.
    public static var proactiveCellCount: Int { proactiveItems.reduce(0) { $0 + $1.measures.count } }
    public static var applicationCellCount: Int { applicationRows.count * applicants.count }
    public static var appealCellCount: Int { proceedings.count * outcomes.count }
}

/// One row of table 2 and the measures printed for it.
public struct ProactiveItem: Sendable, Hashable {
    public let code: String
    public let measures: [String]
}

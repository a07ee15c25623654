/// A row as laid out in the source: a run of label cells followed by a run of value cells.
///
/// Extract builds rows without knowing what the labels mean; Transform maps them to codes.
/// `values` keeps empty cells between values (an empty cell is data: 0 with a diagnostic).
public struct RawRow: Sendable, Hashable, Codable {
    public var labels: [TextCell]
    public var values: [TextCell]

    public init(labels: [TextCell], values: [TextCell]) {
        self.labels = labels
        self.values = values
    }
}

/// The three standard tables of the template.
public enum TableKind: String, Sendable, Codable, CaseIterable {
    /// 二、主动公开政府信息情况
    case proactive
    /// 三、收到和处理政府信息公开申请情况
    case applications
    /// 四、政府信息公开行政复议、行政诉讼情况
    case appeals

    /// The section number printed before the table's heading.
    public var sectionNumber: String {
        switch self {
        case .proactive: "二"
        case .applications: "三"
        case .appeals: "四"
        }
    }

    /// The table's number in the template (表二 is 2), as the `diagnostics.table` column gives it.
    public var number: Int {
        switch self {
        case .proactive: 2
        case .applications: 3
        case .appeals: 4
        }
    }

}

/// Who published the report, for which year, and when.
public struct ReportIdentity: Sendable, Hashable, Codable {
    public var agency: String
    public var reportYear: Int
    /// The signed date at the end of the report.
    public var reportDate: CalendarDate?
    /// A web page's posting date, from the page chrome.
    public var postedDate: CalendarDate?

    public init(agency: String, reportYear: Int, reportDate: CalendarDate?, postedDate: CalendarDate?) {
        self.agency = agency
        self.reportYear = reportYear
        self.reportDate = reportDate
        self.postedDate = postedDate
    }
}

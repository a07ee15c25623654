import DisclosureModel

/// Finds who published a report, for which year, and its dates.
///
/// The title (the first lines, joined until they hold 年度报告) gives agency and year. When the
/// title lacks them, the agency comes from the page chrome (来源:) or the signature, and the year is
/// inferred from the dates and the text, each with a diagnostic.
struct IdentityReader {
    let lines: SourceLines

    struct Found {
        var identity: ReportIdentity
        var diagnostics: [Diagnostic]
    }

    /// Nil when no report year can be found or inferred.
    func read(titleSearchEnd: Int) -> Found? {
        var diagnostics: [Diagnostic] = []
        let postedDate = findPostedDate()
        let (reportDate, signatureAgency) = findSignature()
        let title = findTitle(before: titleSearchEnd)

        var agency = title?.agency ?? ""
        if agency.isEmpty {
            if let chrome = chromeSource() {
                agency = chrome.agency
                diagnostics.append(Diagnostic(.extract, .agencyInferred, "agency from the page chrome (来源:) at line \(chrome.line), not the title"))
            } else if let signature = signatureAgency {
                agency = signature.agency
                diagnostics.append(Diagnostic(.extract, .agencyInferred, "agency from the signature at line \(signature.line), not the title"))
            } else {
                diagnostics.append(Diagnostic(.extract, .agencyMissing, "no agency in the title, the page chrome or the signature"))
            }
        }

        let year: Int
        if let titleYear = title?.year {
            year = titleYear
        } else if let inferred = inferYear(reportDate: reportDate, postedDate: postedDate) {
            year = inferred.year
            diagnostics.append(Diagnostic(.extract, .yearInferred, inferred.evidence))
        } else {
            return nil
        }
        return Found(
            identity: ReportIdentity(agency: agency, reportYear: year, reportDate: reportDate, postedDate: postedDate),
            diagnostics: diagnostics)
    }

    // MARK: Title

    struct Title {
        var agency: String
        var year: Int?
    }

    /// Joins the first non-empty lines (at most four) until they hold 年度报告 or 工作报告.
    func findTitle(before end: Int) -> Title? {
        var joined = ""
        var taken = 0
        for index in 0..<min(end, lines.count) {
            let text = lines.string(index).trimmingSpaces
            if text.isEmpty { continue }
            if isChrome(text) { continue }
            if text.hasPrefix("一、") || text.utf8.count > 240 { break }
            joined += text
            taken += 1
            let key = SectionLocator.headingKey(joined)
            if key.contains("年度报告") || key.contains("工作报告") { return parseTitle(key) }
            if taken == 4 { break }
        }
        return nil
    }

    /// `焦作市民政局2023年政府信息公开工作年度报告` → agency 焦作市民政局, year 2023.
    func parseTitle(_ key: String) -> Title {
        let scalars = Array(key.unicodeScalars)
        var index = 0
        while index + 4 < scalars.count {
            let digits = scalars[index..<(index + 4)]
            if digits.allSatisfy({ (0x30...0x39).contains($0.value) }), scalars[index + 4] == "年",
               let year = Int(String(String.UnicodeScalarView(digits))), (1990...2200).contains(year) {
                var agency = String(String.UnicodeScalarView(scalars[..<index]))
                if agency.isEmpty {
                    // 2023年度焦作市民政局政府信息公开工作年度报告
                    var rest = String(String.UnicodeScalarView(scalars[(index + 5)...]))
                    if rest.hasPrefix("度") { rest.removeFirst() }
                    agency = rest.components(separatedBy: "政府信息公开").first ?? ""
                    if agency == rest { agency = "" }
                }
                return Title(agency: agency, year: year)
            }
            index += 1
        }
        let agency = key.components(separatedBy: "政府信息公开").first ?? ""
        return Title(agency: agency == key ? "" : agency, year: nil)
    }

    // MARK: Chrome and signature

    static let chromeMarkers = ["日期:", "日期：", "来源:", "来源：", "发布时间", "发布日期", "浏览次数", "字体:", "字号："].map { Array($0.utf8) }

    func isChrome(_ text: String) -> Bool {
        let bytes = Array(text.utf8)[...]
        return Self.chromeMarkers.contains { ByteText.firstIndex(of: $0, in: bytes) != nil }
    }

    static let dateMarkers = ["发布时间", "发布日期", "日期", "时间"].map { Array($0.utf8) }
    static let sourceMarkers = ["来源:", "来源："].map { Array($0.utf8) }

    /// `日期:2022-01-14 09:25 来源:…`, `发布时间：2024-01-20`, `发布日期：…` in the first lines.
    func findPostedDate() -> CalendarDate? {
        for index in 0..<min(lines.count, 15) {
            let line = lines[index]
            for marker in Self.dateMarkers {
                guard let found = ByteText.firstIndex(of: marker, in: line) else { continue }
                let rest = String(decoding: line[(found + marker.count)...].prefix(40), as: UTF8.self)
                var tail = Substring(rest)
                while let first = tail.first, first == ":" || first == "：" || first == " " { tail.removeFirst() }
                if let date = DateText.firstDate(in: String(tail.prefix(24))) { return date }
            }
        }
        return nil
    }

    func chromeSource() -> (agency: String, line: Int)? {
        for index in 0..<min(lines.count, 15) {
            let line = lines[index]
            for marker in Self.sourceMarkers {
                guard let found = ByteText.firstIndex(of: marker, in: line) else { continue }
                let text = String(decoding: line[(found + marker.count)...], as: UTF8.self)
                let rest = text.drop { $0 == " " || $0 == "\u{3000}" }
                let agency = rest.prefix { $0 != " " && $0 != "\u{3000}" && $0 != "\t" && $0 != "|" }
                if !agency.isEmpty { return (String(agency), index + 1) }
            }
        }
        return nil
    }

    /// The signed date among the last lines, and the agency line just above it.
    func findSignature() -> (CalendarDate?, (agency: String, line: Int)?) {
        var seen = 0
        var index = lines.count - 1
        while index >= 0 && seen < 6 {
            let text = lines.string(index).trimmingSpaces
            if !text.isEmpty {
                seen += 1
                if let date = DateText.wholeLineDate(text) {
                    var above = index - 1
                    while above >= 0, lines.string(above).trimmingSpaces.isEmpty { above -= 1 }
                    if above >= 0 {
                        let candidate = lines.string(above).trimmingSpaces
                        if candidate.utf8.count <= 90, !candidate.contains("。"), !candidate.contains("，"),
                           !candidate.contains("特此报告") {
                            return (date, (candidate, above + 1))
                        }
                    }
                    return (date, nil)
                }
            }
            index -= 1
        }
        return (nil, nil)
    }

    // MARK: Year inference

    /// Reports are published early in the year after the one they cover; the text's own mentions
    /// (2021年以来, 2021年度) corroborate.
    func inferYear(reportDate: CalendarDate?, postedDate: CalendarDate?) -> (year: Int, evidence: String)? {
        var mentions: [Int: Int] = [:]
        for index in 0..<lines.count {
            for year in DateText.yearMentions(in: lines.string(index)) where (1990...2200).contains(year) {
                mentions[year, default: 0] += 1
            }
        }
        let dated = [("report date", reportDate), ("posted date", postedDate)].compactMap { name, date in
            date.map { (name, $0) }
        }
        if let (name, date) = dated.first {
            let year = date.year - 1
            let count = mentions[year] ?? 0
            return (year, "report year \(year) not in the title: inferred from the \(name) \(date) (the year before it), \(count) mention(s) of \(year)年 in the text")
        }
        let ranked = mentions.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key > $1.key }
        if let (year, count) = ranked.first {
            return (year, "report year \(year) not in the title and no dates: the most frequent year in the text (\(count) mentions of \(year)年)")
        }
        return nil
    }
}

extension String {
    /// Without surrounding ASCII or ideographic spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{A0}" }
        guard let start = scalars.firstIndex(where: { !isSpace($0) }),
              let end = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(scalars[start...end])
    }
}

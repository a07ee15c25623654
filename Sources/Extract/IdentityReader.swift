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
                diagnostics.append(Diagnostic(.extract, .agencyInferred, "agency from the page chrome (来源:) at line \(chrome.line), not the title",
                                              at: Diagnostic.Place(line: chrome.line)))
            } else if let signature = signatureAgency {
                agency = signature.agency
                diagnostics.append(Diagnostic(.extract, .agencyInferred, "agency from the signature at line \(signature.line), not the title",
                                              at: Diagnostic.Place(line: signature.line)))
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

    static let reportWords = ["年度报告", "工作报告"].map { Array($0.utf8) }
    static let firstSection = Array("一、".utf8)
    static let governmentInformation = Array("政府信息公开".utf8)
    /// A line that is only one of these words is a page or document heading, never the title's agency.
    static let pageHeadingWords = ["正文", "目录", "附件", "前言", "摘要", "全文"].map { Array($0.utf8) }

    /// Joins the first non-empty lines (at most four) until they hold 年度报告 or 工作报告.
    func findTitle(before end: Int) -> Title? {
        var joined: [UInt8] = []
        var taken = 0
        for index in 0..<min(end, lines.count) {
            let text = ByteText.trimmedSpaces(lines[index])
            if text.isEmpty { continue }
            if isChrome(text) { continue }
            if Self.pageHeadingWords.contains(SectionLocator.headingKey(text)) { continue }
            if text.starts(with: Self.firstSection) || text.count > 240 { break }
            joined += text
            taken += 1
            let key = SectionLocator.headingKey(joined[...])
            if Self.reportWords.contains(where: { ByteText.contains($0, in: key[...]) }) { return parseTitle(key) }
            if taken == 4 { break }
        }
        return nil
    }

    /// `焦作市民政局2023年政府信息公开工作年度报告` → agency 焦作市民政局, year 2023. Read from
    /// the key's UTF-8: digits are ASCII there, so a byte search finds what a scalar search would.
    func parseTitle(_ key: [UInt8]) -> Title {
        var index = 0
        while index + 6 < key.count {
            if let year = fourDigitYear(key, at: index), (1990...2200).contains(year) {
                if index > 0 { return Title(agency: String(decoding: key[..<index], as: UTF8.self), year: year) }
                // 2023年度焦作市民政局政府信息公开工作年度报告
                var rest = key[(index + 7)...]
                if rest.starts(with: Self.du) { rest = rest.dropFirst(3) }
                return Title(agency: agencyBeforeGovernmentInformation(rest), year: year)
            }
            index += 1
        }
        return Title(agency: agencyBeforeGovernmentInformation(key[...]), year: nil)
    }

    static let du = Array("度".utf8)

    /// `2023年` at `index`: four ASCII digits and 年.
    private func fourDigitYear(_ key: [UInt8], at index: Int) -> Int? {
        var year = 0
        for byte in key[index..<(index + 4)] {
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            year = year * 10 + Int(byte - 0x30)
        }
        return key[(index + 4)...].starts(with: DateText.nian) ? year : nil
    }

    /// The text before 政府信息公开, or empty when it is not there.
    private func agencyBeforeGovernmentInformation(_ text: ArraySlice<UInt8>) -> String {
        guard let end = ByteText.firstIndex(of: Self.governmentInformation, in: text) else { return "" }
        return String(decoding: text[..<end], as: UTF8.self)
    }

    // MARK: Chrome and signature

    static let chromeMarkers = ["日期:", "日期：", "来源:", "来源：", "发布时间", "发布日期", "浏览次数", "字体:", "字号："].map { Array($0.utf8) }

    func isChrome(_ text: ArraySlice<UInt8>) -> Bool {
        Self.chromeMarkers.contains { ByteText.contains($0, in: text) }
    }

    static let dateMarkers = ["发布时间", "发布日期", "日期", "时间"].map { Array($0.utf8) }
    static let sourceMarkers = ["来源:", "来源："].map { Array($0.utf8) }

    /// `日期:2022-01-14 09:25 来源:…`, `发布时间：2024-01-20`, `发布日期：…` in the first lines.
    func findPostedDate() -> CalendarDate? {
        for index in 0..<min(lines.count, 15) {
            let line = lines[index]
            // Every marker ends in 日期 or 时间 (the last two): a line with neither needs no more searches.
            guard Self.dateMarkers.suffix(2).contains(where: { ByteText.contains($0, in: line) }) else { continue }
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

    static let signatureStops = ["。", "，", "特此报告"].map { Array($0.utf8) }

    /// The signed date among the last lines, and the agency line just above it.
    func findSignature() -> (CalendarDate?, (agency: String, line: Int)?) {
        var seen = 0
        var index = lines.count - 1
        while index >= 0 && seen < 6 {
            let text = ByteText.trimmedSpaces(lines[index])
            if !text.isEmpty {
                seen += 1
                if let date = DateText.wholeLineDate(text) {
                    var above = index - 1
                    while above >= 0, ByteText.trimmedSpaces(lines[above]).isEmpty { above -= 1 }
                    if above >= 0 {
                        let candidate = ByteText.trimmedSpaces(lines[above])
                        if candidate.count <= 90, !Self.signatureStops.contains(where: { ByteText.contains($0, in: candidate) }) {
                            return (date, (String(decoding: candidate, as: UTF8.self), above + 1))
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
            for year in DateText.yearMentions(in: lines[index]) where (1990...2200).contains(year) {
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

import DisclosureModel

/// Which template a report's tables follow, from their own wording. Each piece of evidence is a
/// vote: every table 2 item or measure only one template prints counts 2 (the wording of table 2
/// differs throughout); table 3 counts 1, for 2021 when one of （六）其他处理's three rows is
/// printed, for 2019 when （六） is one row with a value other than 0 (2021 reports print a row
/// of zeros that way too); the report year counts 1 for its template (2019 for 2019 and 2020) and
/// decides a tie. So the year decides only what the tables leave open.
struct TemplateChoice {
    let template: Template
    /// Why the report is read by `template` though it also prints the other's wording; nil when it does not.
    let mixed: String?

    /// Table 2's codes that only one template prints, by `Template.storedIndex`.
    private static let ownCodes: [Set<String>] = Template.all.map { template in
        let others = Template.all.filter { $0 != template }
        func codes(_ t: Template) -> Set<String> { Set(t.proactiveItems.flatMap { [$0.code] + $0.measures }) }
        return others.reduce(codes(template)) { $0.subtracting(codes($1)) }
    }

    /// `proactiveCodes`: the item and measure codes table 2's labels name.
    init(proactiveCodes: [String], applications: ApplicationsMapper.Printed, year: Int) {
        var seen = [Set<String>](repeating: [], count: Template.all.count)
        for code in proactiveCodes {
            for index in Self.ownCodes.indices where Self.ownCodes[index].contains(code) { seen[index].insert(code) }
        }
        let new = Template.national2021.storedIndex, old = Template.national2019.storedIndex
        var score = seen.map { 2 * $0.count }
        if applications.printsOtherRows { score[new] += 1 }
        if applications.printsOtherAsOneRow && !applications.printsOtherRows { score[old] += 1 }
        let byYear = (2019...2020).contains(year) ? old : new
        score[byYear] += 1
        let chosen = score[new] == score[old] ? byYear : (score[new] > score[old] ? new : old)
        template = Template.all[chosen]
        let other = chosen == new ? old : new
        if !seen[other].isEmpty || (chosen == old && applications.printsOtherRows) {
            var printed = seen[other].sorted()
            if chosen == old && applications.printsOtherRows { printed.append("（六）其他处理's three rows") }
            mixed = "the tables print wording of both the 2021 and the 2019 template; read by the \(template.id) template, which they match best (\(Template.all[other].id) wording: \(printed.joined(separator: ", ")))"
        } else {
            mixed = nil
        }
    }
}

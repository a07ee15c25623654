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

    /// Table 2's items and measures that only one template prints, by `Template.storedIndex`, as
    /// bits of `bit(of:)`: the choice costs a few bit operations, not a string per label.
    private static let ownCodes: [UInt64] = Template.all.map { template in
        precondition(StoredCodes.items.count <= 32 && StoredCodes.measures.count <= 32, "table 2 codes outgrow TemplateChoice's bits")
        func bits(_ t: Template) -> UInt64 {
            t.proactiveItems.reduce(0) { sum, item in
                item.measures.reduce(sum | itemBit(StoredCodes.items.firstIndex(of: item.code)!)) { $0 | measureBit(StoredCodes.measures.firstIndex(of: $1)!) }
            }
        }
        return Template.all.filter { $0 != template }.reduce(bits(template)) { $0 & ~bits($1) }
    }

    private static func itemBit(_ index: Int) -> UInt64 { 1 << UInt64(index) }
    private static func measureBit(_ index: Int) -> UInt64 { 1 << UInt64(32 + index) }

    /// The bit of a table 2 item or measure (items from bit 0, measures from bit 32); 0 for other labels.
    static func bit(of entry: LabelDictionary.Entry) -> UInt64 {
        switch entry.role {
        case .item: itemBit(entry.index)
        case .measure: measureBit(entry.index)
        default: 0
        }
    }

    /// `proactiveNamed`: the items and measures table 2's labels name, as `bit(of:)` bits.
    init(proactiveNamed: UInt64, applications: ApplicationsMapper.Printed, year: Int) {
        let seen = Self.ownCodes.map { proactiveNamed & $0 }
        let new = Template.national2021.storedIndex, old = Template.national2019.storedIndex
        var score = seen.map { 2 * $0.nonzeroBitCount }
        if applications.printsOtherRows { score[new] += 1 }
        if applications.printsOtherAsOneRow && !applications.printsOtherRows { score[old] += 1 }
        let byYear = (2019...2020).contains(year) ? old : new
        score[byYear] += 1
        let chosen = score[new] == score[old] ? byYear : (score[new] > score[old] ? new : old)
        template = Template.all[chosen]
        let other = chosen == new ? old : new
        if seen[other] != 0 || (chosen == old && applications.printsOtherRows) {
            var printed = Self.codes(seen[other])
            if chosen == old && applications.printsOtherRows { printed.append("（六）其他处理's three rows") }
            mixed = "the tables print wording of both the 2021 and the 2019 template; read by the \(template.id) template, which they match best (\(Template.all[other].id) wording: \(printed.joined(separator: ", ")))"
        } else {
            mixed = nil
        }
    }

    /// The codes of `bits`, items then measures.
    private static func codes(_ bits: UInt64) -> [String] {
        StoredCodes.items.indices.filter { bits & itemBit($0) != 0 }.map { StoredCodes.items[$0] }
            + StoredCodes.measures.indices.filter { bits & measureBit($0) != 0 }.map { StoredCodes.measures[$0] }
    }
}

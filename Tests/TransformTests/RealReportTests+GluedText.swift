import DisclosureModel
import Testing

extension RealReportTests {
    /// A crawler's text of the page, the tables' cells glued together (`规章000行政规范性文件8855698`):
    /// every cell, the identity, and no check fails; each split of a run that left a choice says so.
    @Test func theCrawlersGluedTextIsReadExactly() throws {
        let report = try expectExact("Tests/Fixtures/real-dev", "pingtan_2022.crawl.txt")
        #expect(report.sourceFormat == "web_text_glued")
        #expect(report.diagnostics.contains { $0.code == .valueNormalized && $0.detail.contains("8855698 split as 88|55|698") })
    }
}

extension RealReportTests {
    /// A glued text made by hand (Tests/Fixtures/formats/glued/README.md says why each number is
    /// what it is): every cell is right or missing, and the missing ones are those whose run has
    /// more than one split the template allows.
    @Test func aMadeGluedTextKeepsOnlyTheSplitsThatAreCertain() throws {
        let report = try Repository.transform("Tests/Fixtures/formats/glued/made_2023.glued.txt")
        #expect(report.sourceFormat == "web_text_glued")
        #expect(report.identity.agency == "通州区示例局")
        #expect(report.identity.reportYear == 2023)
        #expect(report.identity.postedDate?.description == "2024-01-20")
        #expect(report.status == .partial)

        let proactive = Dictionary(uniqueKeysWithValues: report.proactive.map { ("\($0.item).\($0.measure)", $0.value) })
        #expect(proactive == [
            "normative_documents.issued": 0, "normative_documents.repealed": 1, "normative_documents.in_force": 41,
            "licensing.decisions": 77, "penalty.decisions": 1, "coercion.decisions": 0, "fees.amount_10k_yuan": 0.5,
        ])

        func row(_ values: [Int64]) -> [Int64] { values + Array(repeating: 0, count: 7 - values.count) }
        var expected: [String: [Int64]] = Dictionary(uniqueKeysWithValues: Template.national2021.applicationRows.map { ($0, row([])) })
        expected["new_received"] = [23, 30, 0, 0, 0, 0, 53]
        expected["total"] = [23, 30, 0, 0, 0, 0, 53]
        expected["carried_over"] = [1, 0, 0, 0, 0, 0, 1]
        expected["carried_forward"] = [1, 0, 0, 0, 0, 0, 1]
        expected["granted"] = [8, 0, 0, 0, 0, 0, 8]
        expected["partially_granted"] = [1, 0, 0, 0, 0, 0, 1]
        expected["denied.process_information"] = [2, 20, 0, 0, 0, 0, 22]
        expected["denied.third_party_rights"] = nil
        expected["unavailable.not_held"] = nil
        var applications: [String: [Int64]] = [:]
        for cell in report.applications { applications[cell.row, default: []].append(cell.value) }
        #expect(applications == expected)

        let appeals = report.appeals.map(\.value)
        #expect(appeals == [0, 1, 0, 0, 1, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0])
        #expect(report.checkFailures.isEmpty)

        let extract = report.diagnostics.filter { $0.stage == .extract }
        #expect(extract.contains { $0.code == .cellMissing && $0.detail.contains("规章") && $0.detail.contains("1111 has 3 possible splits") })
        #expect(extract.filter { $0.code == .cellMissing && $0.detail.contains("110000011 has 2 possible splits") }.count == 2)
        #expect(extract.contains { $0.code == .placedBySums && $0.detail.contains("220000022 split as 2|20|0|0|0|0|22") && $0.detail.contains("rows add up") })
        #expect(extract.contains { $0.code == .valueNormalized && $0.detail.contains("0141 split as 0|1|41") })
    }
}

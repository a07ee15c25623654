import DisclosureModel
import Foundation
import Testing

/// The values a format fixture was made from (`scripts/make-fixtures` writes `<name>.json` beside it).
struct FormatTruth: Decodable, Sendable, CustomTestStringConvertible {
    let file: String
    let sourceFormat: String
    let encoding: String
    let agency: String
    let reportYear: Int
    let reportDate: String?
    let postedDate: String?
    /// `item.measure` → value, every cell of table 2.
    let proactive: [String: Double]
    /// `row/applicant` → value, every cell of table 3.
    let applications: [String: Int64]
    /// `proceeding/outcome` → value, every cell of table 4.
    let appeals: [String: Int64]
    /// Table 3 cells printed blank (read as 0 with a diagnostic).
    let blankCells: [String]

    /// Path of the fixture, relative to the repository.
    var path: String = ""

    var testDescription: String { path }

    enum CodingKeys: String, CodingKey {
        case file, encoding, agency, proactive, applications, appeals
        case sourceFormat = "source_format", reportYear = "report_year", reportDate = "report_date"
        case postedDate = "posted_date", blankCells = "blank_cells"
    }

    /// The truth files of one format folder under Tests/Fixtures/formats/.
    static func load(_ folder: String) -> [FormatTruth] {
        let directory = Repository.root.appendingPathComponent("Tests/Fixtures/formats/\(folder)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path),
                  var truth = try? JSONDecoder().decode(FormatTruth.self, from: data) else { return nil }
            truth.path = "Tests/Fixtures/formats/\(folder)/\(truth.file)"
            return truth
        }
    }

    static let html = load("html")
    static let pdf = load("pdf")
    static let docx = load("docx")

    var expectedProactive: [ProactiveCell] {
        Template.proactiveItems.flatMap { item in
            item.measures.map { ProactiveCell(item: item.code, measure: $0, value: proactive["\(item.code).\($0)"] ?? -1) }
        }
    }

    var expectedApplications: [ApplicationCell] {
        Template.applicationRows.flatMap { row in
            Template.applicants.map { ApplicationCell(row: row, applicant: $0, value: applications["\(row)/\($0)"] ?? -1) }
        }
    }

    var expectedAppeals: [AppealCell] {
        Template.proceedings.flatMap { proceeding in
            Template.outcomes.map { AppealCell(proceeding: proceeding, outcome: $0, value: appeals["\(proceeding)/\($0)"] ?? -1) }
        }
    }
}

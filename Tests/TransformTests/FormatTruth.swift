import DisclosureModel
import Foundation
import Testing

/// The values a format fixture was made from (`scripts/make-fixtures` writes `<name>.json` beside it).
struct FormatTruth: Decodable, Sendable, CustomTestStringConvertible, CellExpectations {
    /// Every cell is listed: an unlisted one is a broken truth file.
    static let unlisted: Int64 = -1
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
    /// Cells printed as a dash or slash, `table:key` (office fixtures; read as 0 with a diagnostic).
    let dashCells: [String]?
    /// The check failures the printed numbers must give (office fixtures).
    let failedChecks: [CheckFailure]?

    /// Path of the fixture, relative to the repository.
    var path: String = ""

    var testDescription: String { path }

    enum CodingKeys: String, CodingKey {
        case file, encoding, agency, proactive, applications, appeals
        case sourceFormat = "source_format", reportYear = "report_year", reportDate = "report_date"
        case postedDate = "posted_date", blankCells = "blank_cells", dashCells = "dash_cells", failedChecks = "failed_checks"
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
    /// PDFs made the way agencies make them: the official Word template filled in and exported
    /// by LibreOffice (`scripts/office-corpus --fixtures`).
    static let office = load("office")
}

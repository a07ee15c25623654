import DisclosureModel
import Testing
import Extract
import Foundation
import Transform

/// The five real reports in samples/, with every value read by hand from the files.
///
/// Cells not listed are printed as 0 in the source; each expectation still covers every cell of
/// the template (10 + 175 + 15), so a cell read from the wrong column or row fails.
struct SeedReport: Sendable, CustomTestStringConvertible, CellExpectations {
    static let unlisted: Int64 = 0
    let file: String
    let format: String
    let agency: String
    let year: Int
    let reportDate: String?
    let postedDate: String?
    /// `item.measure` → value, for the cells that are not 0.
    let proactive: [String: Double]
    /// `row/applicant` → value, for the cells that are not 0.
    let applications: [String: Int64]
    /// `proceeding/outcome` → value, for the cells that are not 0.
    let appeals: [String: Int64]

    var testDescription: String { file }

    static let all: [SeedReport] = [
        SeedReport(
            file: "000_a4d9d5453e5df20b.txt", format: "word_text_cells", agency: "焦作市民政局", year: 2023,
            reportDate: nil, postedDate: nil,
            proactive: ["normative_documents.issued": 2, "normative_documents.in_force": 2, "licensing.decisions": 166],
            applications: [:], appeals: [:]),
        SeedReport(
            file: "001_596f64b8fe124db2.txt", format: "web_text_pipe", agency: "枣阳市民政局", year: 2021,
            reportDate: "2022-01-06", postedDate: "2022-01-14",
            proactive: ["normative_documents.issued": 1, "normative_documents.in_force": 3],
            applications: [:], appeals: [:]),
        SeedReport(
            file: "002_d3cf8b1128643171.txt", format: "pdf_text_tab", agency: "攀枝花市东区民政局", year: 2023,
            reportDate: "2024-01-08", postedDate: nil,
            proactive: [:], applications: [:], appeals: [:]),
        SeedReport(
            file: "003_4d0dc32836f03b08.txt", format: "pdf_text_tab", agency: "石嘴山市民政局", year: 2023,
            reportDate: nil, postedDate: nil,
            proactive: ["licensing.decisions": 7],
            applications: [
                "new_received/natural_person": 1, "new_received/total": 1,
                "granted/natural_person": 1, "granted/total": 1,
            ],
            appeals: [:]),
        SeedReport(
            file: "004_d92da6674a0d90b8.txt", format: "word_text_cells", agency: "北京市通州区委社会工委区民政局", year: 2023,
            reportDate: nil, postedDate: nil,
            proactive: [
                "normative_documents.repealed": 1, "normative_documents.in_force": 41,
                "licensing.decisions": 77, "penalty.decisions": 1,
            ],
            applications: [
                "new_received/natural_person": 10, "new_received/total": 10,
                "granted/natural_person": 8, "granted/total": 8,
                "partially_granted/natural_person": 1, "partially_granted/total": 1,
                "unavailable.not_held/natural_person": 1, "unavailable.not_held/total": 1,
                "total/natural_person": 10, "total/total": 10,
            ],
            appeals: ["litigation_direct/upheld": 1, "litigation_direct/total": 1]),
    ]
}

/// Known values of every cell of a report, from which the expected datasets rows are built.
protocol CellExpectations {
    /// `item.measure` → value.
    var proactive: [String: Double] { get }
    /// `row/applicant` → value.
    var applications: [String: Int64] { get }
    /// `proceeding/outcome` → value.
    var appeals: [String: Int64] { get }
    /// The value of a cell not listed: 0 when only non-zero cells are listed, or an impossible
    /// value when every cell should be.
    static var unlisted: Int64 { get }
}

extension CellExpectations {
    var expectedProactive: [ProactiveCell] {
        Template.national2021.proactiveItems.flatMap { item in
            item.measures.map { ProactiveCell(item: item.code, measure: $0, value: proactive["\(item.code).\($0)"] ?? Double(Self.unlisted)) }
        }
    }

    var expectedApplications: [ApplicationCell] {
        Template.national2021.applicationRows.flatMap { row in
            Template.national2021.applicants.map { ApplicationCell(row: row, applicant: $0, value: applications["\(row)/\($0)"] ?? Self.unlisted) }
        }
    }

    var expectedAppeals: [AppealCell] {
        Template.national2021.proceedings.flatMap { proceeding in
            Template.national2021.outcomes.map { AppealCell(proceeding: proceeding, outcome: $0, value: appeals["\(proceeding)/\($0)"] ?? Self.unlisted) }
        }
    }
}

/// Files of the repository, found from this source file's place in it.
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(relative)))
    }

    static func dictionary() throws -> LabelDictionary {
        try LabelDictionary.load(path: root.appendingPathComponent("pipelines/labels.toml").path)
    }

    /// Extracts and transforms one file of the repository.
    static func transform(_ relative: String) throws -> TransformedReport {
        try transform(bytes: try bytes(relative), sourcePath: relative)
    }

    /// Extracts and transforms a file's bytes.
    static func transform(bytes: [UInt8], sourcePath: String) throws -> TransformedReport {
        switch Extractor.extract(bytes: bytes, sourcePath: sourcePath) {
        case .report(let report): return Transformer(dictionary: try dictionary()).transform(report)
        case .reject(let reject): throw RejectedError(reject: reject)
        }
    }

    struct RejectedError: Error { let reject: Reject }
}

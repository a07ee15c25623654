import Foundation
import Testing
@testable import Pipeline

/// The work manifest reads back what it wrote, escapes included, and names a damaged line.
@Suite struct ManifestTests {
    func path() -> String { NSTemporaryDirectory() + "manifest-" + UUID().uuidString + ".tsv" }

    func sample() -> Manifest {
        var manifest = Manifest()
        manifest.loadFingerprint = "abc123"
        manifest.outputs = ["parquet/reports/part-0.parquet", "csv/reports.csv"]
        var report = Manifest.Entry(path: "2023/a\tb\\c\nd.txt", size: 7042, modified: 1_795_431_453_021_091_938,
                                    reportId: String(repeating: "ab", count: 32), extractKey: "extract-2",
                                    extractRef: RecordRef(segment: "x-1-2-0.seg", offset: 0, length: 3343))
        report.transformKey = "transform-1:0eff6b794d7b9aa9"
        report.transformRef = RecordRef(segment: "xt-1-2-0.seg", offset: 4096, length: 2100)
        report.status = "partial"
        report.checksFailed = 2
        report.diagnostics = 17
        let reject = Manifest.Entry(path: "empty.txt", size: 0, modified: 5, reportId: String(repeating: "cd", count: 32),
                                    extractKey: "extract-2", extractRef: RecordRef(segment: "x-1-2-0.seg", offset: 3343, length: 40),
                                    rejectReason: "empty")
        manifest.entries = [report, reject]
        return manifest
    }

    @Test func whatIsSavedLoadsBackTheSame() throws {
        let file = path()
        try sample().save(path: file)
        #expect(try Manifest.load(path: file) == sample())
    }

    @Test func aMissingManifestIsAnEmptyOne() throws {
        #expect(try Manifest.load(path: path()) == Manifest())
    }

    @Test func aDamagedLineIsNamedByItsNumber() throws {
        let file = path()
        try sample().save(path: file)
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text += "entry\tonly\tthree\n"
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let lines = text.split(separator: "\n").count
        #expect {
            try Manifest.load(path: file)
        } throws: { error in
            "\(error)".contains("\(file):\(lines): damaged manifest line")
        }
    }

    @Test func aFileOfAnotherVersionIsRefused() throws {
        let file = path()
        try "# disclosure-etl work manifest 0\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect {
            try Manifest.load(path: file)
        } throws: { error in
            "\(error)".contains("not a work manifest of this version")
        }
    }
}

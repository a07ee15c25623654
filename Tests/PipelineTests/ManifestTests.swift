import Foundation
import Testing
@testable import Pipeline

/// The work manifest reads back what it wrote, escapes included, and names a damaged line.
@Suite struct ManifestTests {
    func path() -> String { NSTemporaryDirectory() + "manifest-" + UUID().uuidString + ".tsv" }

    func sample() -> Manifest {
        var manifest = Manifest()
        manifest.loadFingerprint = "abc123"
        manifest.continuityFailed = 3
        manifest.outputs = ["parquet/reports/part-0.parquet", "csv/reports.csv"]
        manifest.inputs = ["/data/reports\tnightly"]
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

    /// The saved manifest's text, changed by `edit`, written back.
    func damaged(_ edit: (inout String) -> Void) throws -> String {
        let file = path()
        try sample().save(path: file)
        var text = try String(contentsOfFile: file, encoding: .utf8)
        edit(&text)
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        return file
    }

    func problem(_ file: String) -> String {
        do { _ = try Manifest.load(path: file); return "none" } catch { return "\(error)" }
    }

    @Test func aDamagedLineIsNamedByItsNumber() throws {
        let file = try damaged { $0 = $0.replacingOccurrences(of: "output\tcsv/reports.csv\n", with: "entry\tonly\tthree\n") }
        #expect(problem(file).contains("\(file):6: damaged manifest line"))
    }

    @Test func oneChangedByteBreaksTheChecksum() throws {
        // A digit of a record's offset: the line still parses, and would point at the wrong bytes.
        let file = try damaged { $0 = $0.replacingOccurrences(of: "\t4096\t", with: "\t4097\t") }
        #expect(problem(file).contains("\(file): its checksum does not match"))
    }

    @Test func aManifestCutShortIsDamaged() throws {
        let file = try damaged { $0 = $0.split(separator: "\n").dropLast().joined(separator: "\n") + "\n" }
        #expect(problem(file).contains("\(file): cut short (no end line)"))
    }

    @Test func anOlderVersionIsToldApartFromDamage() throws {
        let file = path()
        try "# disclosure-etl work manifest 1\nload\t\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(problem(file).contains("olderVersion"))
        try "garbage\n".write(toFile: file, atomically: false, encoding: .utf8)
        #expect(problem(file).contains("\(file): not a work manifest of this version"))
    }
}

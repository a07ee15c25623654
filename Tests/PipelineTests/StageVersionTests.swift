import Crypto
import DisclosureModel
import Extract
import Foundation
import Load
import Testing
import Transform
import WorkStore

/// Stage versions that cannot be forgotten. A work folder reuses every stored result whose stage
/// version is unchanged, so a stage whose output changes without a new version leaves stale
/// results in every nightly work folder. This test keeps, per stage, `version → digest of its
/// output` over every sample and fixture (Tests/Fixtures/stage-digests.txt) and fails when the
/// output changes under the same version, saying which version to bump.
@Suite struct StageVersionTests {
    static let golden = Workbench.repository.appendingPathComponent("Tests/Fixtures/stage-digests.txt").path

    /// Every input the tests hold: the samples, the bad inputs, each format's fixtures, the real reports.
    static func inputs() throws -> [String] {
        let root = Workbench.repository.path
        var paths: [String] = []
        for folder in ["samples", "Tests/Fixtures/inputs", "Tests/Fixtures/formats", "Tests/Fixtures/real-dev"] {
            let enumerator = FileManager.default.enumerator(atPath: "\(root)/\(folder)")
            while let relative = enumerator?.nextObject() as? String {
                let path = "\(folder)/\(relative)"
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: "\(root)/\(path)", isDirectory: &isFolder), !isFolder.boolValue,
                      ![".json", ".md"].contains(where: path.hasSuffix) else { continue }
                paths.append(path)
            }
        }
        return paths.sorted()
    }

    /// The digest of each stage's output over `inputs()`, by stage version.
    static func digests() throws -> [(version: String, digest: String)] {
        let root = Workbench.repository.path
        let dictionary = try LabelDictionary.load(path: "\(root)/pipelines/labels.toml")
        var extract = SHA256(), transform = SHA256()
        var reports: [TransformedReport] = [], rejects: [Reject] = []
        for path in try inputs() {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "\(root)/\(path)")))
            extract.update(data: Array(path.utf8))
            switch Extractor.extract(bytes: bytes, sourcePath: path) {
            case .report(let report):
                extract.update(data: report.encoded())
                let transformed = Transformer(dictionary: dictionary).transform(report)
                transform.update(data: transformed.encoded())
                reports.append(transformed)
            case .reject(let reject):
                extract.update(data: reject.encoded())
                rejects.append(reject)
            }
        }
        let output = NSTemporaryDirectory() + "stage-digests-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: output) }
        var load = SHA256()
        for file in try Loader(writers: [CSVWriter()]).load(reports: reports, rejects: rejects, to: output) {
            load.update(data: Array(file.utf8))
            load.update(data: try Data(contentsOf: URL(fileURLWithPath: "\(output)/\(file)")))
        }
        let hex = { (hasher: SHA256) in hasher.finalize().map { String(format: "%02x", $0) }.joined() }
        return [(Extractor.version, hex(extract)), (Transformer.version, hex(transform)), (Loader.version, hex(load))]
    }

    @Test func everyStageThatChangesItsOutputHasANewVersion() throws {
        let current = try Self.digests()
        let text = current.map { "\($0.version) \($0.digest)\n" }.joined()
        if ProcessInfo.processInfo.environment["UPDATE_STAGE_DIGESTS"] == "1" {
            try text.write(toFile: Self.golden, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try String(contentsOfFile: Self.golden, encoding: .utf8).split(separator: "\n").map { line in
            let fields = line.split(separator: " ")
            return (version: String(fields[0]), digest: String(fields.last!))
        }
        try #require(recorded.count == current.count)
        let update = "then record the digests: UPDATE_STAGE_DIGESTS=1 swift test --filter StageVersionTests"
        for (index, (now, then)) in zip(current, recorded).enumerated() {
            // A stage re-runs anyway when a stage before it has a new version (its inputs change).
            let upstreamBumped = zip(current, recorded).prefix(index).contains { $0.version != $1.version }
            if now.version == then.version && now.digest != then.digest && !upstreamBumped {
                Issue.record("the output of stage \(now.version) changed but its version did not: bump it, or an earlier stage's version if the change comes from there (stored results of \(now.version) in every work folder would be reused as they are), \(update)")
            } else if now.version != then.version || now.digest != then.digest {
                Issue.record("stage \(now.version) (recorded: \(then.version)): \(update)")
            }
        }
    }
}

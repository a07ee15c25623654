import DisclosureModel
import Foundation
import Testing
@testable import Pipeline
import WorkStore

/// The work store proves its integrity: a damaged record is read again from its source, a damaged
/// manifest is rebuilt by --full, an older format is redone, and every error names the file.
@Suite struct WorkStoreIntegrityTests {
    func manifest(_ bench: Workbench) throws -> Manifest { try Manifest.load(path: bench.work + "/manifest.tsv") }

    /// Changes one byte in the middle of a stored record's bytes (past its frame).
    func damage(_ bench: Workbench, _ ref: RecordRef) throws {
        let path = bench.work + "/segments/" + ref.segment
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[ref.offset + 12 + (ref.length - 12) / 2] ^= 0x01
        try bytes.write(to: URL(fileURLWithPath: path))
    }

    /// Sets the byte `at` of a stored record's bytes (past its frame) and the frame's checksum to
    /// match, as a build that writes another version of the record's format would have.
    func rewrite(_ bench: Workbench, _ ref: RecordRef, at position: Int, to value: UInt8) throws {
        let path = bench.work + "/segments/" + ref.segment
        var bytes = [UInt8](try #require(FileManager.default.contents(atPath: path)))
        bytes[ref.offset + SegmentStore.frameSize + position] = value
        let record = ref.offset + SegmentStore.frameSize..<ref.offset + ref.length
        let checksum = bytes[record].withUnsafeBytes { Checksum.of($0) }.littleEndian
        withUnsafeBytes(of: checksum) { bytes.replaceSubrange(ref.offset + 4..<ref.offset + 12, with: $0) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    func report(_ bench: Workbench, named name: String) throws -> Manifest.Entry {
        try #require(try manifest(bench).entries.first { $0.path == name })
    }

    @Test func aDamagedTransformRecordIsReadAgainFromItsSource() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        let entry = try report(bench, named: "003_4d0dc32836f03b08.txt")
        try damage(bench, entry.transformRef!)
        let load = try bench.run([.load])
        #expect(load.warnings.count == 1)
        #expect(load.warnings.first?.contains("\(bench.work)/segments/\(entry.transformRef!.segment) at offset \(entry.transformRef!.offset): stored record does not match its checksum") == true)
        #expect(load.warnings.first?.contains("003_4d0dc32836f03b08.txt); re-extracted from the source") == true)
        #expect(load.text.contains("  warnings:    1"))
        #expect(try bench.outputs() == before, "the rows are the right ones")
        // The manifest points at the new records: the next load has nothing to repair.
        #expect(try report(bench, named: "003_4d0dc32836f03b08.txt").transformRef?.segment.hasPrefix("r-") == true)
        #expect(try bench.run([.load]).warnings.isEmpty)
    }

    /// The frame's tag damaged, or the segment cut inside the record: each named, and the record
    /// made again from its source.
    @Test(arguments: ["frame", "cut"]) func aRecordWithoutItsFrameOrBytesIsReadAgain(damage kind: String) throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        let ref = try #require(try report(bench, named: "003_4d0dc32836f03b08.txt").transformRef)
        let path = bench.work + "/segments/" + ref.segment
        var bytes = try #require(FileManager.default.contents(atPath: path))
        if kind == "frame" { bytes[ref.offset] ^= 0xFF } else { bytes = bytes.prefix(ref.offset + ref.length - 1) }
        try bytes.write(to: URL(fileURLWithPath: path))
        let load = try bench.run([.load])
        let why = kind == "frame" ? "has no valid frame (another format version, or damaged)" : "is cut short"
        #expect(load.warnings.first?.contains("\(path) at offset \(ref.offset): stored record \(why)") == true, "\(load.warnings)")
        #expect(try bench.outputs() == before)
    }

    @Test func aDamagedExtractRecordIsReadAgainWhenTransformNeedsIt() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        try damage(bench, try report(bench, named: "001_596f64b8fe124db2.txt").extractRef)
        let transform = try bench.run([.transform], full: true)
        #expect(transform.warnings.count == 1 && transform.transformed == 5)
        _ = try bench.run([.load])
        #expect(try bench.outputs() == before)
    }

    /// A record of another format version, its frame intact, is no damage but cannot be read
    /// either: its stages run again for that report, with a warning naming both versions.
    @Test func aRecordOfAnotherFormatVersionIsMadeAgain() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        let entry = try report(bench, named: "003_4d0dc32836f03b08.txt")
        try rewrite(bench, entry.transformRef!, at: 0, to: 99)
        let load = try bench.run([.load])
        #expect(load.warnings == ["\(bench.work)/segments/\(entry.transformRef!.segment) at offset \(entry.transformRef!.offset): stored record is in format version 99 of TransformedReport records, and this build reads version \(TransformedReport.formatVersion) (003_4d0dc32836f03b08.txt); re-extracted from the source"])
        #expect(try bench.outputs() == before)

        let other = try report(bench, named: "001_596f64b8fe124db2.txt")
        try rewrite(bench, other.extractRef, at: 1, to: 99)  // past the tag that tells a report from a reject
        let transform = try bench.run([.transform], full: true)
        #expect(transform.warnings.count == 1 && transform.warnings[0].contains("stored record is in format version 99 of ExtractedReport records"))
        _ = try bench.run([.load])
        #expect(try bench.outputs() == before)
    }

    @Test func aDamagedRecordWhoseSourceChangedNamesBothAndWhatToRun() throws {
        let bench = try Workbench()
        _ = try bench.run()
        try damage(bench, try report(bench, named: "003_4d0dc32836f03b08.txt").transformRef!)
        try "changed".write(toFile: bench.input + "/003_4d0dc32836f03b08.txt", atomically: true, encoding: .utf8)
        #expect {
            try bench.run([.load])
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(bench.work)/segments/") && text.contains("its input 003_4d0dc32836f03b08.txt has changed since")
                && text.contains("run `disclosure-etl run \(bench.pipelinePath)`")
        }
    }

    @Test func aDamagedManifestIsRebuiltByFull() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        let path = bench.work + "/manifest.tsv"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text = text.replacingOccurrences(of: "\tok\t", with: "\tOK\t")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let error = try #require(throws: PipelineError.self) { try bench.run() }
        #expect(error.exitCode == 1)
        #expect(error.description.contains("\(path): its checksum does not match what it holds"))
        #expect(error.description.contains("run `disclosure-etl run \(bench.pipelinePath) --full` to rebuild the work folder"))
        let rebuilt = try bench.run(full: true)
        #expect(rebuilt.extracted == 5 && rebuilt.warnings.count == 1)
        #expect(try bench.outputs() == before)
        #expect(try bench.run().extracted == 0)
    }

    @Test func aWorkFolderOfAnOlderVersionIsRedoneWithoutBeingAsked() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        try "# disclosure-etl work manifest 1\nload\tabc\n".write(toFile: bench.work + "/manifest.tsv", atomically: true, encoding: .utf8)
        let redone = try bench.run()
        #expect(redone.extracted == 5 && redone.loaded)
        #expect(redone.warnings.first?.contains("made by an older version") == true)
        #expect(try bench.outputs() == before)
    }
}

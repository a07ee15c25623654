import Foundation
import Pipeline
import Testing

/// A run that would remove most of what the last run knew stops before changing anything.
@Suite struct SafetyGuardTests {
    /// The datasets, the manifest and the stored results, byte for byte.
    func state(_ bench: Workbench) throws -> [String: Data] {
        var state = try bench.outputs()
        state["manifest"] = FileManager.default.contents(atPath: bench.work + "/manifest.tsv")
        for name in try FileManager.default.contentsOfDirectory(atPath: bench.work + "/segments") {
            state["segments/" + name] = FileManager.default.contents(atPath: bench.work + "/segments/" + name)
        }
        return state
    }

    func refusal(_ body: () throws -> RunSummary) -> PipelineError? {
        do { _ = try body(); return nil } catch let error as PipelineError { return error } catch { return nil }
    }

    func removeInputs(_ bench: Workbench, count: Int) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: bench.input).sorted()
        for name in names.prefix(count) { try FileManager.default.removeItem(atPath: bench.input + "/" + name) }
    }

    @Test func anEmptyInputFolderChangesNothing() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try state(bench)
        try removeInputs(bench, count: 5)
        let error = try #require(refusal { try bench.run() })
        #expect(error.exitCode == 4)
        #expect(error.description.contains("\(bench.input): 0 of the 5 input(s) of the last run are still there; this run would remove 5 (100%"))
        #expect(try state(bench) == before, "datasets, manifest and stored results are as they were")
        // Also when every removal is allowed by the share: an empty folder is the case the guard is for.
        let allAllowed = try Workbench(extraTOML: "max_removed_share = 1")
        _ = try allAllowed.run()
        try removeInputs(allAllowed, count: 5)
        #expect(refusal { try allAllowed.run() }?.exitCode == 4)
    }

    /// With no last run to compare with (a new work folder), an input folder with nothing in it
    /// still leaves the datasets as they were.
    @Test func anEmptyInputFolderOnAFirstRunChangesNothing() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let outputs = try bench.outputs()
        try removeInputs(bench, count: 5)
        let fresh = bench.work + "-new"
        let error = try #require(refusal { try bench.run(work: fresh) })
        #expect(error.exitCode == 4)
        #expect(error.description.contains("no input files found"))
        #expect(try bench.outputs() == outputs)
        #expect(try bench.run(work: fresh, allowRemovals: true).inputs == 0)
    }

    @Test func removingMoreThanTheShareIsRefusedAndLessIsNot() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try state(bench)
        try removeInputs(bench, count: 3)
        #expect(refusal { try bench.run([.extract]) }?.description.contains("this run would remove 3 (60%") == true)
        #expect(try state(bench) == before)
        let allowed = try bench.run(allowRemovals: true)
        #expect(allowed.removedInputs == 3 && allowed.reportsOK + allowed.reportsPartial == 2)

        let lenient = try Workbench(extraTOML: "max_removed_share = 0.8")
        _ = try lenient.run()
        try removeInputs(lenient, count: 3)
        #expect(try lenient.run().removedInputs == 3)
    }

    @Test func anExportOfAnotherFolderIsNotARemoval() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let other = bench.root + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try bench.addVariant(of: "002_d3cf8b1128643171.txt", agency: "测试区民政局", as: "../other/one.txt")
        var pipeline = try bench.pipeline()
        pipeline.inputs = [other]
        let export = try PipelineRunner(pipeline: pipeline, options: RunOptions(progress: false)).run()
        #expect(export.inputs == 1 && export.removedInputs == 5)
        // Back to the first folder: other folders than the last run's again, so no removal either.
        #expect(refusal { try bench.run() }?.description.contains("this run would remove") == nil)
    }

    @Test func loadFromAMistypedWorkFolderChangesNothing() throws {
        let bench = try Workbench()
        _ = try bench.run()
        let before = try bench.outputs()
        let mistyped = bench.root + "/wrok"
        let error = try #require(refusal { try bench.run([.load], work: mistyped) })
        #expect(error.exitCode == 4)
        #expect(error.description.contains("\(mistyped): the work folder does not exist") && error.description.contains("Check --work"))
        #expect(!FileManager.default.fileExists(atPath: mistyped), "a mistyped folder is not created")
        #expect(try bench.outputs() == before)

        // An existing folder with no results is refused the same way.
        try FileManager.default.createDirectory(atPath: mistyped + "/segments", withIntermediateDirectories: true)
        #expect(refusal { try bench.run([.load], work: mistyped) }?.description.contains("holds no stored results") == true)
        #expect(refusal { try bench.run([.transform], work: mistyped) }?.exitCode == 4)
        #expect(try bench.outputs() == before)
    }

    @Test func aShareOutsideZeroToOneIsAConfigurationError() throws {
        let error = refusal { try Workbench(extraTOML: "max_removed_share = 1.5").run() }
        #expect(error?.exitCode == 2 && error?.description.contains("\"max_removed_share\" must be a number from 0 to 1") == true)
    }
}

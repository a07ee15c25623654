import Testing
@testable import Pipeline

/// Results come back in index order whatever the number of workers, and an error stops the work.
@Suite struct ParallelWorkTests {
    struct Failed: Error {}

    @Test(arguments: [1, 2, 3, 8])
    func resultsAreInIndexOrder(jobs: Int) throws {
        let results = try parallelMap(1000, jobs: jobs) { _, index in "item \(index)" }
        #expect(results == (0..<1000).map { "item \($0)" })
    }

    @Test func nothingToDoGivesNothing() throws {
        #expect(try parallelMap(0, jobs: 2) { _, index in index }.isEmpty)
    }

    @Test func theFirstErrorIsRethrown() {
        #expect(throws: Failed.self) {
            _ = try parallelMap(500, jobs: 2) { _, index in
                if index == 300 { throw Failed() }
                return "item \(index)"
            }
        }
    }
}

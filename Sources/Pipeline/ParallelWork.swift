import Dispatch
import Synchronization

/// Runs `body` for every index on `jobs` Dispatch workers and returns the results in index order,
/// so what a run produces never depends on how many workers it had.
///
/// Worker `w` takes indices `w, w + jobs, …`, and gets its number so it can own a segment file.
/// The first error stops the remaining work and is rethrown.
func parallelMap<T: Sendable>(
    _ count: Int, jobs: Int, progress: ProgressLine? = nil,
    _ body: @Sendable (_ worker: Int, _ index: Int) throws -> T
) throws -> [T] {
    let workers = max(1, min(jobs, count))
    let results = Mutex<[T?]>(Array(repeating: nil, count: count))
    let failure = Mutex<(any Error)?>(nil)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
        for index in stride(from: worker, to: count, by: workers) {
            if failure.withLock({ $0 != nil }) { return }
            do {
                let value = try body(worker, index)
                results.withLock { $0[index] = value }
                progress?.advance()
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
                return
            }
        }
    }
    if let error = failure.withLock({ $0 }) { throw error }
    return results.withLock { $0.map { $0! } }
}

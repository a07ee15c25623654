import Dispatch
import Synchronization

/// Runs `body` for every index on `jobs` Dispatch workers and returns the results in index order,
/// so what a run produces never depends on how many workers it had.
///
/// Worker `w` takes indices `w, w + jobs, …`, and gets its number so it can own a segment file.
/// Results are written straight into the returned array's storage (each index by one worker), so
/// a stage over 100,000 inputs holds its results once, not once more as optionals.
/// The first error stops the remaining work and is rethrown.
func parallelMap<T: Sendable>(
    _ count: Int, jobs: Int, progress: ProgressLine? = nil,
    _ body: @Sendable (_ worker: Int, _ index: Int) throws -> T
) throws -> [T] {
    let workers = max(1, min(jobs, count))
    let failure = Mutex<(any Error)?>(nil)
    var done = [Bool](repeating: false, count: count)
    return try done.withUnsafeMutableBufferPointer { marks in
        try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = 0
            guard count > 0 else { return }
            let slots = Slots(results: buffer.baseAddress!, done: marks.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) {
                    if failure.withLock({ $0 != nil }) { return }
                    do {
                        (slots.results + index).initialize(to: try body(worker, index))
                        slots.done[index] = true
                        progress?.advance()
                    } catch {
                        failure.withLock { if $0 == nil { $0 = error } }
                        return
                    }
                }
            }
            if let error = failure.withLock({ $0 }) {
                for index in 0..<count where slots.done[index] { (slots.results + index).deinitialize(count: 1) }
                throw error
            }
            initialized = count
        }
    }
}

/// The result slots and their done marks, shared by the workers; each index is written by one.
private struct Slots<T>: @unchecked Sendable {
    let results: UnsafeMutablePointer<T>
    let done: UnsafeMutablePointer<Bool>
}

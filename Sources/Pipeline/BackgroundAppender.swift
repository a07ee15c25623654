import Dispatch
import Load
import Synchronization

/// Appends encoded rounds to a load session on a serial queue, one round at a time (its datasets
/// side by side), so the caller can build the next round meanwhile. Rounds are appended in the
/// order given. With one job the rounds are appended at once, on the caller's thread, one dataset
/// after another: `--jobs 1` means one thread working.
final class BackgroundAppender: @unchecked Sendable {
    // Unchecked: `session` is touched only by the one round in flight (`append` waits for the
    // previous round before queueing the next) and, after `finish`, by the caller again.
    private let session: LoadSession
    private let queue = DispatchQueue(label: "disclosure-etl.load.append")
    private let inFlight = DispatchGroup()
    private let failure = Mutex<(any Error)?>(nil)
    private let background: Bool

    init(_ session: LoadSession, background: Bool) {
        self.session = session
        self.background = background
    }

    /// Waits for the previous round, rethrowing its error, then queues this one.
    func append(_ round: [ChunkEncoder.Encoded]) throws {
        try finish()
        guard background else {
            try session.append(round, parallel: false)
            return
        }
        queue.async(group: inFlight) {
            do {
                try self.session.append(round, parallel: true)
            } catch {
                self.failure.withLock { $0 = error }
            }
        }
    }

    /// Waits until every queued round is appended; rethrows the first error.
    func finish() throws {
        inFlight.wait()
        if let error = failure.withLock({ $0 }) { throw error }
    }
}

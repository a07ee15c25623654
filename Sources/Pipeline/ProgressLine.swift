import Foundation
import Synchronization

/// A one-line progress report on a terminal (done/total, rate, ETA), silent when stderr is not a
/// terminal, so cron mails and CI logs stay clean.
final class ProgressLine: Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private let started = Date()
    private let state = Mutex<(done: Int, lastPrint: Date)>((0, .distantPast))

    init(label: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = total
        self.enabled = enabled && total > 0
    }

    func advance(by count: Int = 1) {
        guard enabled else { return }
        let line: String? = state.withLock { state in
            state.done += count
            let now = Date()
            guard now.timeIntervalSince(state.lastPrint) >= 0.2 || state.done == total else { return nil }
            state.lastPrint = now
            let elapsed = max(now.timeIntervalSince(started), 0.001)
            let rate = Double(state.done) / elapsed
            let eta = rate > 0 ? Double(total - state.done) / rate : 0
            return String(format: "\r%@ %d/%d  %.0f/s  ETA %.0f s   ", label, state.done, total, rate, eta)
        }
        if let line { FileHandle.standardError.write(Data(line.utf8)) }
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

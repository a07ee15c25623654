import Foundation

/// A test hook for crash safety: when `DISCLOSURE_ETL_PAUSE_AT` is `POINT:FILE`, the run creates
/// FILE on reaching POINT and waits, so a test can kill it there with SIGKILL. Debug builds only
/// (the tests'): a release build never reads the variable.
enum CrashPoint {
    static func pause(at point: String) {
        #if DEBUG
        guard let setting = ProcessInfo.processInfo.environment["DISCLOSURE_ETL_PAUSE_AT"] else { return }
        let parts = setting.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == point else { return }
        // Without the file the test would wait in vain: carry on rather than pause unseen.
        guard FileManager.default.createFile(atPath: parts[1], contents: Data(point.utf8)) else { return }
        Thread.sleep(forTimeInterval: 120)
        #endif
    }
}

import Foundation

/// Runs a command-line tool (poppler's `pdfinfo`, `pdftotext`) with a time limit.
struct ExternalTool {
    let name: String

    struct Run {
        var status: Int32
        var standardError: String
        var standardOutput: [UInt8]
        var timedOut: Bool
    }

    /// The tool's path on `PATH` (or in /usr/bin), nil when it is not installed.
    var path: String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"]
        return directories.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the tool; its output goes through files so a large output can never block it.
    func run(_ arguments: [String], in folder: URL, timeout: TimeInterval = 120) throws -> Run {
        guard let path else { throw CocoaError(.executableNotLoadable) }
        let outURL = folder.appendingPathComponent("\(name).out")
        let errURL = folder.appendingPathComponent("\(name).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            finished.wait()
        }
        let output = (try? Data(contentsOf: outURL)).map { [UInt8]($0) } ?? []
        let errors = (try? Data(contentsOf: errURL)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return Run(status: process.terminationStatus, standardError: errors, standardOutput: output, timedOut: timedOut)
    }
}

import Foundation
import Logging

/// `--log-format json`: one JSON object per line on standard error, for schedulers and log
/// collectors (`{"time":…,"level":"warning","label":"disclosure-etl","message":…,"metadata":{…}}`).
struct JSONLogHandler: LogHandler {
    let label: String
    var logLevel: Logger.Level = .warning
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(level: Logger.Level, message: Logger.Message, metadata explicit: Logger.Metadata?, source: String,
             file: String, function: String, line: UInt) {
        var fields = metadata
        if let explicit { fields.merge(explicit) { _, new in new } }
        Self.write(level: level.rawValue, label: label, message: message.description, metadata: fields.mapValues(\.description))
    }

    /// One line; also used for the run's own error line, so that everything on standard error parses.
    static func write(level: String, label: String, message: String, metadata: [String: String] = [:]) {
        var object: [String: Any] = ["time": ISO8601DateFormatter().string(from: Date()), "level": level, "label": label, "message": message]
        if !metadata.isEmpty { object["metadata"] = metadata }
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return }
        FileHandle.standardError.write(data + Data("\n".utf8))
    }
}

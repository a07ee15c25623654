import Foundation
import Load

/// The work folder's record of what has been done: for every input, its content hash, and where
/// its extract and transform results are stored under which stage keys; for the last load, a
/// fingerprint of what it wrote and the files it wrote.
///
/// Written as tab-separated text through a temporary file and a rename, so a killed run leaves the
/// previous manifest whole.
public struct Manifest: Sendable, Equatable {
    public var entries: [Entry] = []
    /// Fingerprint of the inputs to the last completed load; empty when none completed.
    public var loadFingerprint = ""
    /// Files the last completed load wrote, relative to the output folder.
    public var outputs: [String] = []

    public struct Entry: Sendable, Equatable {
        /// Relative to the input folder.
        public var path: String
        public var size: Int64
        public var modified: Int64
        public var reportId: String
        public var extractKey: String
        public var extractRef: RecordRef
        /// Nil for a report; the reason for an input that yields no report.
        public var rejectReason: String?
        public var transformKey: String?
        public var transformRef: RecordRef?
        /// `ok` or `partial`, with the counts, from the transform result.
        public var status: String?
        public var checksFailed = 0
        public var diagnostics = 0
        /// Transformed in this run together with its extraction (not saved).
        var transformedWithExtract = false
        /// What this run's extract stage did with the input (not saved).
        var extractOutcome = ExtractOutcome.kept

        enum ExtractOutcome: Sendable { case kept, extracted, otherShard }

        public var isReport: Bool { rejectReason == nil }
    }

    static let header = "# disclosure-etl work manifest 1"

    /// Reads a manifest, line by line from the file's bytes. Fields that repeat on every line
    /// (segment names, stage keys, statuses) are shared, not copied per entry: at 100,000 inputs the
    /// copies were most of the memory a no-change run used.
    public static func load(path: String) throws -> Manifest {
        guard FileManager.default.fileExists(atPath: path) else { return Manifest() }
        guard let bytes = FileBytes.read(path, expectedSize: 0) else {
            throw PipelineError.io("\(path): cannot read the work manifest")
        }
        var manifest = Manifest()
        var shared = SharedStrings()
        var number = 0
        var lineStart = 0
        var fields: [String] = []
        while lineStart < bytes.count {
            let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) ?? bytes.count
            defer { lineStart = lineEnd + 1 }
            number += 1
            if number == 1 {
                guard String(decoding: bytes[lineStart..<lineEnd], as: UTF8.self) == header else {
                    throw PipelineError.io("\(path): not a work manifest of this version; delete the work folder or run with --full")
                }
                continue
            }
            if lineEnd == lineStart { continue }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = lineStart
            for index in lineStart...lineEnd where index == lineEnd || bytes[index] == 0x09 {
                let field = bytes[fieldStart..<index]
                // Keys, segment names, reasons and statuses repeat on every line: share them.
                // Paths and ids differ; numbers are short and parsed at once.
                let repeats = fields.count == 0 || Self.repeatingFields.contains(fields.count)
                fields.append(repeats ? shared.string(field) : unescape(String(decoding: field, as: UTF8.self)))
                fieldStart = index + 1
            }
            try manifest.read(fields, line: number, path: path)
        }
        return manifest
    }

    /// Positions of the entry fields that take few distinct values (see `save`).
    private static let repeatingFields: Set<Int> = [5, 6, 9, 10, 11, 14]

    private mutating func read(_ fields: [String], line number: Int, path: String) throws {
        func damaged() -> PipelineError { .io("\(path):\(number): damaged manifest line; run with --full to rebuild the work folder") }
        switch fields.first {
        case "load": guard fields.count == 2 else { throw damaged() }; loadFingerprint = fields[1]
        case "output": guard fields.count == 2 else { throw damaged() }; outputs.append(fields[1])
        case "entry":
            guard fields.count == 17, let size = Int64(fields[2]), let modified = Int64(fields[3]),
                  let offset = Int(fields[7]), let length = Int(fields[8]),
                  let checks = Int(fields[15]), let diagnostics = Int(fields[16]) else { throw damaged() }
            var entry = Entry(path: fields[1], size: size, modified: modified, reportId: fields[4], extractKey: fields[5],
                              extractRef: RecordRef(segment: fields[6], offset: offset, length: length),
                              rejectReason: fields[9].isEmpty ? nil : fields[9])
            if !fields[10].isEmpty {
                guard let tOffset = Int(fields[12]), let tLength = Int(fields[13]) else { throw damaged() }
                entry.transformKey = fields[10]
                entry.transformRef = RecordRef(segment: fields[11], offset: tOffset, length: tLength)
                entry.status = fields[14]
                entry.checksFailed = checks
                entry.diagnostics = diagnostics
            }
            entries.append(entry)
        default: throw damaged()
        }
    }

    /// Writes the manifest line by line through a buffered temporary file, then renames it.
    public func save(path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        do {
            let file = try OutputFile(path: temporary)
            try file.write(Array("\(Self.header)\nload\t\(loadFingerprint)\n".utf8))
            for output in outputs { try file.write(Array("output\t\(Self.escape(output))\n".utf8)) }
            var line: [UInt8] = []
            for entry in entries {
                // Appended field by field: joining an array of strings per entry was a visible serial cost.
                line.removeAll(keepingCapacity: true)
                func field(_ text: String, last: Bool = false) {
                    line.append(contentsOf: Self.escape(text).utf8)
                    line.append(last ? 0x0A : 0x09)
                }
                field("entry"); field(entry.path); field(String(entry.size)); field(String(entry.modified)); field(entry.reportId)
                field(entry.extractKey); field(entry.extractRef.segment); field(String(entry.extractRef.offset))
                field(String(entry.extractRef.length)); field(entry.rejectReason ?? ""); field(entry.transformKey ?? "")
                field(entry.transformRef?.segment ?? ""); field(String(entry.transformRef?.offset ?? 0))
                field(String(entry.transformRef?.length ?? 0)); field(entry.status ?? ""); field(String(entry.checksFailed))
                field(String(entry.diagnostics), last: true)
                try file.write(line)
            }
            try file.close()
        } catch let error as LoadError {
            unlink(temporary)
            throw PipelineError.io("\(path): cannot write the work manifest: \(error.description)")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw PipelineError.io("\(path): cannot move the work manifest into place: \(String(cString: strerror(errno)))")
        }
    }

    /// Segments some entry points to.
    public var usedSegments: Set<String> {
        var used = Set<String>()
        for entry in entries {
            used.insert(entry.extractRef.segment)
            if let ref = entry.transformRef { used.insert(ref.segment) }
        }
        return used
    }

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x5C || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    static func unescape(_ text: String) -> String {
        guard text.utf8.contains(0x5C) else { return text }
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                switch character {
                case "t": out.append("\t")
                case "n": out.append("\n")
                case "r": out.append("\r")
                default: out.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}

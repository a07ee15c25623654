import Foundation
import Load

/// The work folder's record of what has been done: for every input, its content hash, and where
/// its extract and transform results are stored under which stage keys; for the last load, a
/// fingerprint of what it wrote and the files it wrote.
///
/// Written as tab-separated text through a temporary file and a rename, so a killed run leaves the
/// previous manifest whole.
public struct Manifest: Sendable, Equatable {
    public var entries = EntryTable()
    /// Fingerprint of the inputs to the last completed load; empty when none completed.
    public var loadFingerprint = ""
    /// Rows of the `continuity` check in the outputs the last load wrote (a check across reports,
    /// so no entry holds it); a run whose outputs are up to date reports it from here.
    public var continuityFailed = 0
    /// Files the last completed load wrote, relative to the output folder.
    public var outputs: [String] = []
    /// The input folders the entries were scanned from: the safety guard compares a scan with the
    /// last one only when it is of the same folders.
    public var inputs: [String] = []

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

        public var isReport: Bool { rejectReason == nil }
    }

    /// The format's version is the header's last word: 2 added the checksums (of the manifest and
    /// of every stored record). A work folder of an older version is redone from its sources.
    static let version = 2
    static let header = "# disclosure-etl work manifest \(version)"
    static let headerPrefix = "# disclosure-etl work manifest "

    /// Why a manifest cannot be used; the runner decides what follows.
    public enum Problem: Error {
        /// Written by an older version of the tool: its records cannot be read, so every input is redone.
        case olderVersion(found: String)
        /// Changed, cut short or not a manifest at all; the message names the file and the line.
        case damaged(String)
    }

    /// Reads a manifest line by line, through a fixed buffer, into the packed entry table, and
    /// checks it against the checksum on its last line (`end`, the number of entries, and the
    /// `Checksum` of every line before it).
    public static func load(path: String) throws -> Manifest {
        guard FileManager.default.fileExists(atPath: path) else { return Manifest() }
        var manifest = Manifest()
        var fields: [ArraySlice<UInt8>] = []
        var checksum = Checksum()
        var trailer: (entries: Int, checksum: String)?
        let read = try LineReader.forEachLine(of: path) { line, number in
            if number == 1 {
                let text = String(decoding: line, as: UTF8.self)
                guard text == header else {
                    if text.hasPrefix(headerPrefix), let found = Int(text.dropFirst(headerPrefix.count)), found < version {
                        throw Problem.olderVersion(found: String(found))
                    }
                    throw Problem.damaged("\(path): not a work manifest of this version (first line \"\(text.prefix(60))\")")
                }
                checksum.update(line: line)
                return
            }
            guard trailer == nil else { throw Problem.damaged("\(path):\(number): lines after the end line") }
            if line.isEmpty { return }
            fields.removeAll(keepingCapacity: true)
            var fieldStart = line.startIndex
            for index in line.startIndex...line.endIndex where index == line.endIndex || line[index] == 0x09 {
                fields.append(line[fieldStart..<index])
                fieldStart = index + 1
            }
            let damaged = Problem.damaged("\(path):\(number): damaged manifest line")
            switch String(decoding: fields[0], as: UTF8.self) {
            case "load":
                guard fields.count == 2 else { throw damaged }
                manifest.loadFingerprint = String(decoding: fields[1], as: UTF8.self)
            case "continuity":
                guard fields.count == 2, let count = Int64(decimal: fields[1]) else { throw damaged }
                manifest.continuityFailed = Int(count)
            case "output":
                guard fields.count == 2 else { throw damaged }
                manifest.outputs.append(String(decoding: unescape(fields[1]), as: UTF8.self))
            case "input":
                guard fields.count == 2 else { throw damaged }
                manifest.inputs.append(String(decoding: unescape(fields[1]), as: UTF8.self))
            case "entry":
                guard manifest.entries.appendFields(fields) != nil else { throw damaged }
            case "end":
                guard fields.count == 3, let count = Int64(decimal: fields[1]) else { throw damaged }
                trailer = (Int(count), String(decoding: fields[2], as: UTF8.self))
                return
            default: throw damaged
            }
            checksum.update(line: line)
        }
        guard read else { throw PipelineError.io("\(path): cannot read the work manifest") }
        guard let trailer else { throw Problem.damaged("\(path): cut short (no end line)") }
        guard trailer.entries == manifest.entries.count, trailer.checksum == Checksum.hex(checksum.value) else {
            throw Problem.damaged("\(path): its checksum does not match what it holds (the file was changed or damaged)")
        }
        return manifest
    }

    /// Writes the manifest line by line through a buffered temporary file, then renames it.
    public func save(path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        do {
            let file = try OutputFile(path: temporary)
            var checksum = Checksum()
            /// `line` ends with its newline, which the checksum leaves out.
            func write(_ line: [UInt8]) throws {
                checksum.update(line: line.dropLast())
                try file.write(line)
            }
            try write(Array("\(Self.header)\n".utf8))
            try write(Array("load\t\(loadFingerprint)\n".utf8))
            try write(Array("continuity\t\(continuityFailed)\n".utf8))
            var line: [UInt8] = []
            for (kind, path) in inputs.map({ ("input", $0) }) + outputs.map({ ("output", $0) }) {
                line = Array("\(kind)\t".utf8)
                Self.appendEscaped(path.utf8, to: &line)
                line.append(0x0A)
                try write(line)
            }
            try entries.forEachLine { try write($0) }
            try file.write(Array("end\t\(entries.count)\t\(Checksum.hex(checksum.value))\n".utf8))
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
    public var usedSegments: Set<String> { entries.usedSegments }

    /// Appends `bytes` with tab, newline, carriage return and backslash escaped (`\t`, `\n`, `\r`, `\\`).
    static func appendEscaped(_ bytes: some Collection<UInt8>, to line: inout [UInt8]) {
        // Fields almost never hold one of the four: copy them whole.
        guard bytes.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) else {
            line.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case 0x09: line += [0x5C, UInt8(ascii: "t")]
            case 0x0A: line += [0x5C, UInt8(ascii: "n")]
            case 0x0D: line += [0x5C, UInt8(ascii: "r")]
            case 0x5C: line += [0x5C, 0x5C]
            default: line.append(byte)
            }
        }
    }

    /// Appends `value` in decimal, without making a `String` (the manifest has seven numbers per
    /// entry and is written after every stage).
    static func appendDecimal(_ value: Int64, to line: inout [UInt8]) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 19 digits and a sign
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            var magnitude = value.magnitude
            repeat {
                start -= 1
                buffer[start] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                start -= 1
                buffer[start] = UInt8(ascii: "-")
            }
            line.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[start...]))
        }
    }

    /// Undoes `appendEscaped` on a field's bytes; an unknown escape keeps the escaped byte.
    static func unescape(_ field: ArraySlice<UInt8>) -> [UInt8] {
        guard field.contains(0x5C) else { return Array(field) }
        var out: [UInt8] = []
        out.reserveCapacity(field.count)
        var escaping = false
        for byte in field {
            if escaping {
                switch byte {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: out.append(byte)
                }
                escaping = false
            } else if byte == 0x5C {
                escaping = true
            } else {
                out.append(byte)
            }
        }
        return out
    }
}

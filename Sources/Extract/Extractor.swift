import Crypto
import DisclosureModel

/// The extract stage for one source file: bytes in, raw tables with identity and provenance out.
public enum Extractor {
    /// Bumped whenever extraction changes what it produces; stored results of another version are redone.
    public static let version = "extract-36"

    /// A report, or the reason the input yields none.
    public enum Outcome: Sendable {
        case report(ExtractedReport)
        case reject(Reject)
    }

    /// SHA-256 hex of the source bytes: the report's stable id.
    public static func reportId(of bytes: [UInt8]) -> String {
        let digest = SHA256.hash(data: bytes)
        return String(unsafeUninitializedCapacity: 64) { hex in
            digest.withUnsafeBytes { digest in
                for (index, byte) in digest.enumerated() {
                    hex[2 * index] = hexDigit(byte >> 4)
                    hex[2 * index + 1] = hexDigit(byte & 0x0F)
                }
            }
            return 64
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? nibble + UInt8(ascii: "0") : nibble - 10 + UInt8(ascii: "a")
    }

    /// `reportId` is `reportId(of: bytes)`, passed when the caller has it already (hashing is not free).
    /// `file` is the path the bytes were read from, when they were: a PDF is then handed to MuPDF as it is
    /// rather than copied, while the file still has their size. `toolTimeout` is how long MuPDF may
    /// work on a PDF before it is killed and the file rejected.
    public static func extract(bytes: [UInt8], sourcePath: String, reportId: String? = nil,
                               file: String? = nil, toolTimeout: Double = PDFSource.defaultTimeout) -> Outcome {
        extract(bytes: bytes, sourcePath: sourcePath, reportId: reportId, strings: nil, file: file, toolTimeout: toolTimeout)
    }

    /// One worker's extractor: it keeps the cell texts it has made (`CellStrings`), so a worker that
    /// extracts many reports makes each repeated label once. Not thread-safe: one per worker.
    public struct Worker: Sendable {
        let strings = CellStrings()

        public init() {}

        /// `Extractor.extract`, with this worker's cell texts.
        public func extract(bytes: [UInt8], sourcePath: String, reportId: String? = nil,
                            file: String? = nil, toolTimeout: Double = PDFSource.defaultTimeout) -> Outcome {
            Extractor.extract(bytes: bytes, sourcePath: sourcePath, reportId: reportId, strings: strings, file: file, toolTimeout: toolTimeout)
        }
    }

    /// `strings`, the calling worker's own, lets long cell texts seen before be reused.
    static func extract(bytes: [UInt8], sourcePath: String, reportId: String?, strings: CellStrings?,
                        file: String?, toolTimeout: Double) -> Outcome {
        let id = reportId ?? Self.reportId(of: bytes)
        // HTML, PDF and Word files are read from their structure into lines the text path reads.
        switch FormatRouter.read(bytes, file: file, toolTimeout: toolTimeout) {
        case .none: break
        case .success(let source)?:
            return readTables(
                source.text.sourceLines, reportId: id, sourcePath: sourcePath, layout: .tabRows,
                sourceFormat: source.format, encoding: source.encoding, origins: source.text.origins,
                diagnostics: source.diagnostics, strings: strings)
        case .failure(let failure)?:
            return .reject(Reject(sourcePath: sourcePath, reason: failure.reason, detail: failure.detail))
        }

        let decoded: TextDecoding.Decoded
        switch TextDecoding.decode(bytes) {
        case .success(let value): decoded = value
        case .failure(.empty):
            return .reject(Reject(sourcePath: sourcePath, reason: .empty, detail: "the file is empty (\(bytes.count) bytes, no text)"))
        case .failure(.binary(let why)):
            return .reject(Reject(sourcePath: sourcePath, reason: .binary, detail: "not a text file: \(why)"))
        case .failure(.undecodable(let why)):
            return .reject(Reject(sourcePath: sourcePath, reason: .undecodable, detail: why))
        }

        let repaired = decoded.repair.map { [Diagnostic(.extract, .textRepaired, $0.detail(encoding: decoded.encoding))] } ?? []
        let lines = SourceLines(utf8: decoded.utf8)
        // Text laid out without separators between cells is rewritten into rows first.
        if let converted = ConvertedText.read(lines) {
            return readTables(
                converted.text.sourceLines, reportId: id, sourcePath: sourcePath, layout: .tabRows,
                sourceFormat: converted.format, encoding: decoded.encoding, origins: converted.text.origins,
                diagnostics: repaired + converted.diagnostics, strings: strings)
        }
        return readTables(
            lines, reportId: id, sourcePath: sourcePath, layout: nil,
            sourceFormat: nil, encoding: decoded.encoding, origins: nil, diagnostics: repaired, strings: strings)
    }

    /// Finds the tables and identity in lines of text. `layout` and `sourceFormat` are given for
    /// structured sources (one row per line, tab-separated) and sniffed for text files.
    static func readTables(
        _ lines: SourceLines, reportId: String, sourcePath: String, layout forcedLayout: Layout?,
        sourceFormat: String?, encoding: String, origins: [String]?, diagnostics sourceDiagnostics: [Diagnostic],
        strings: CellStrings?
    ) -> Outcome {
        let regions = SectionLocator.locate(lines)
        guard !regions.isEmpty else {
            return .reject(Reject(
                sourcePath: sourcePath, reason: .notAReport,
                detail: "none of the template's table headings (二、主动公开政府信息情况, 三、收到和处理政府信息公开申请情况, 四、政府信息公开行政复议、行政诉讼情况) is in the \(lines.count) lines of text"))
        }

        let firstTable = regions.values.lazy.map { $0.lowerBound - 1 }.min() ?? lines.count
        guard let found = IdentityReader(lines: lines).read(titleSearchEnd: firstTable) else {
            return .reject(Reject(
                sourcePath: sourcePath, reason: .noReportYear,
                detail: "no report year in the title, no signed or posted date, and no year mentioned in the text"))
        }

        let layout = forcedLayout ?? Layout.sniff(lines, in: regions.values)
        var reader = CellReader(lines: lines, layout: layout, strings: strings, keepsBlankRows: forcedLayout != nil)
        var diagnostics = sourceDiagnostics + found.diagnostics
        var tables = [TableKind: [RawRow]](minimumCapacity: regions.count)
        for kind in TableKind.allCases {
            guard let region = regions[kind] else { continue }
            let output = reader.read(region)
            if !output.skippedArtifactLines.isEmpty {
                let list = output.skippedArtifactLines.map { line in
                    origins.flatMap { $0.indices.contains(line - 1) ? "\(line) (\($0[line - 1]))" : nil } ?? String(line)
                }.joined(separator: ", ")
                diagnostics.append(Diagnostic(.extract, .pageArtifactSkipped, "table \(kind.sectionNumber): page furniture skipped at line(s) \(list)",
                                              at: Diagnostic.Place(table: kind, line: output.skippedArtifactLines.first)))
            }
            tables[kind] = output.rows
        }
        return .report(ExtractedReport(
            reportId: reportId, sourcePath: sourcePath, sourceFormat: sourceFormat ?? layout.rawValue,
            encoding: encoding, identity: found.identity, tables: tables, diagnostics: diagnostics,
            lineOrigins: origins))
    }
}

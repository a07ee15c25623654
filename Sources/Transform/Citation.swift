import DisclosureModel

/// Names a source line in diagnostics, with where it came from in a structured source
/// (`line 45 (page 2, y=800.1)`), so every value can be traced back.
struct Citation: Sendable {
    let origins: [String]?

    init(_ report: ExtractedReport) {
        origins = report.lineOrigins
    }

    init() {
        origins = nil
    }

    func callAsFunction(_ line: Int) -> String {
        guard let origins, origins.indices.contains(line - 1) else { return "line \(line)" }
        return "line \(line) (\(origins[line - 1]))"
    }

    /// The diagnostic's place: the table, the line, its page when the source has pages, and the
    /// label as printed (a label printed over lines shown `商业 / 企业`, as in details).
    func place(_ table: TableKind, line: Int?, label: String? = nil) -> Diagnostic.Place {
        let shown = label.map { UTF8Key.hasLineBreak($0) ? LabelResolver.replacingLineBreaks(in: $0, with: " / ") : $0 }
        return Diagnostic.Place(table: table, line: line, page: line.flatMap(page), label: shown)
    }

    /// The page a line came from, read from its origin (`page 2, y=800.1`).
    func page(_ line: Int) -> Int? {
        guard let origins, origins.indices.contains(line - 1) else { return nil }
        return Self.page(in: origins[line - 1])
    }

    /// The number after `page ` at the start of an origin (how Extract's PDF layout writes them).
    static func page(in origin: String) -> Int? {
        guard origin.hasPrefix("page ") else { return nil }
        var page = 0
        for byte in origin.utf8.dropFirst(5) {
            guard byte >= 0x30, byte <= 0x39 else { break }
            page = page * 10 + Int(byte - 0x30)
            if page > 1_000_000 { return nil }
        }
        return page > 0 ? page : nil
    }
}

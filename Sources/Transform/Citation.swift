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
}

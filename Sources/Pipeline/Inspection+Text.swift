import DisclosureModel

extension Inspection {
    /// The inspection as a person reads it: the reading first, then the rows as printed, then the
    /// cells as the template lays them out (`·` for a cell not read), checks and diagnostics.
    public var text: String {
        var out = "file: \(file)\n"
        guard outcome == "report" else {
            out += "rejected: \(rejectReason ?? "") — \(rejectDetail ?? "")\n"
            return out
        }
        out += "read as: \(sourceFormat ?? "") (\(encoding ?? "")), template \(template ?? ""); status \(status ?? "")\n"
        out += "agency: \(agency ?? ""); year \(reportYear.map(String.init) ?? ""); signed \(reportDate ?? "-"); posted \(postedDate ?? "-")\n"
        for table in tables {
            let lines = table.rows.map(\.line).filter { $0 > 0 }
            out += "\ntable \(table.table): \(table.rows.count) row(s)"
            if let first = lines.min(), let last = lines.max() { out += ", lines \(first)–\(last)" }
            out += "\n"
            for row in table.rows {
                let labels = row.labels.joined(separator: " | ")
                let values = row.values.map { $0.isEmpty ? "(blank)" : $0 }.joined(separator: " ")
                out += "  \(row.line): \(labels)\(values.isEmpty ? "" : "  →  " + values)"
                if let origin = row.origin { out += "   [\(origin)]" }
                out += "\n"
            }
        }
        out += "\ncells (\(cells.count) of \(cells.count + missing.count) read):\n"
        var byKey: [String: Double] = [:]
        for cell in cells { byKey["\(cell.table) \(cell.row) \(cell.column)"] = cell.value }
        func shown(_ key: String) -> String { byKey[key].map(Self.number) ?? "·" }
        let template = template.flatMap(Template.named) ?? .national2021
        out += "  table 二 (template \(template.id))\n"
        for item in template.proactiveItems {
            out += "    \(item.code): " + item.measures.map { "\($0) \(shown("二 \(item.code) \($0)"))" }.joined(separator: ", ") + "\n"
        }
        out += "  table 三 (" + template.applicants.joined(separator: ", ") + ")\n"
        for row in template.applicationRows {
            out += "    \(row): " + template.applicants.map { shown("三 \(row) \($0)") }.joined(separator: " ") + "\n"
        }
        out += "  table 四 (" + template.outcomes.joined(separator: ", ") + ")\n"
        for proceeding in template.proceedings {
            out += "    \(proceeding): " + template.outcomes.map { shown("四 \(proceeding) \($0)") }.joined(separator: " ") + "\n"
        }
        out += "\nchecks failed: \(failedChecks.isEmpty ? "none" : "")\n"
        for check in failedChecks { out += "  \(check)\n" }
        out += "\ndiagnostics: \(diagnostics.count)\n"
        for note in diagnostics { out += "  \(note.stage) \(note.code): \(note.detail)\n" }
        return out
    }

    /// A whole number without a decimal point; an amount as printed.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

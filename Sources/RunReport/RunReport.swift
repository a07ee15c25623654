import Foundation

/// `OUT/report.html`: one self-contained page (inline CSS and SVG, nothing fetched) that shows
/// what a run's datasets hold and what needs a look. Drawn from the datasets alone (plus what the
/// run passes in `RunContext`), so it can be redrawn for any output folder.
public enum RunReport {
    public static let fileName = "report.html"

    /// The page for the datasets under `outputRoot`.
    public static func page(outputRoot: String, context: RunContext = RunContext()) throws -> String {
        var folder = try OutputFolder(root: outputRoot)
        let facts = try RunFacts(folder: &folder)
        return ReportPage(facts: facts, context: context).html
    }

    /// Writes `OUT/report.html` through a hidden temporary file and a rename, so a reader never
    /// sees half a page. Returns its path.
    @discardableResult
    public static func write(outputRoot: String, context: RunContext = RunContext()) throws -> String {
        let html = try page(outputRoot: outputRoot, context: context)
        let path = outputRoot + "/" + fileName
        let temporary = outputRoot + "/.\(fileName).tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(html.utf8)) else {
            throw RunReportError("\(temporary): cannot write the report")
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            throw RunReportError("\(path): cannot put the report in place (\(String(cString: strerror(errno))))")
        }
        return path
    }
}

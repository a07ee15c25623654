import Foundation

/// The HTML of the report page. Everything inline; the Content-Security-Policy forbids any fetch,
/// so the page reads the same offline. The same facts and context give the same bytes.
struct ReportPage {
    let facts: RunFacts
    let context: RunContext

    var html: String {
        let name = context.pipeline ?? facts.pipeline
        var page = """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>运行报告 run report\(name.map { " · " + HTML.escape($0) } ?? "")</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <h1>运行报告 <span class="en">run report</span>\(name.map { " · <code>\(HTML.escape($0))</code>" } ?? "")</h1>

        """
        page += summary + charts + labels + reportsToLook + rejects + footer
        return page + "</body>\n</html>\n"
    }

    var summary: String {
        let bySeverity = Severity.allCases.map { severity in
            "<code>\(severity.rawValue)</code> \(HTML.number(facts.diagnosticsByCode.filter { $0.severity == severity }.reduce(0) { $0 + $1.count }))"
        }.joined(separator: ", ")
        let reasons = facts.rejectsByReason.map { "<code>\(HTML.escape($0.key))</code> \(HTML.number($0.count))" }.joined(separator: ", ")
        let version = facts.version.map { "\(HTML.escape($0)) (Parquet 文件记录 as recorded in the Parquet files)" }
            ?? context.toolVersion.map { "\(HTML.escape($0)) (绘制本页的版本 version drawing this page)" } ?? "未记录 not recorded"
        let times = context.stageSeconds.isEmpty
            ? "未记录 not recorded (由 <code>disclosure-etl report</code> 重绘 redrawn from the datasets)"
            : context.stageSeconds.map { "<code>\(HTML.escape($0.step))</code> \(String(format: "%.2f", $0.seconds)) s" }.joined(separator: ", ")
        return """
        <section id="summary">
        <h2>概况 <span class="en">summary</span></h2>
        <table class="summary">
        <tr><th>输入 <span class="en">inputs</span></th><td data-field="inputs">\(HTML.number(facts.reports + facts.rejectCount))</td></tr>
        <tr><th>报告 <span class="en">reports</span></th><td><span data-field="reports">\(HTML.number(facts.reports))</span> (<code>ok</code> <span data-field="reports_ok">\(HTML.number(facts.reportsOK))</span>, <code>partial</code> <span data-field="reports_partial">\(HTML.number(facts.reportsPartial))</span>)</td></tr>
        <tr><th>拒收 <span class="en">rejects</span></th><td><span data-field="rejects">\(HTML.number(facts.rejectCount))</span>\(reasons.isEmpty ? "" : " (\(reasons))")</td></tr>
        <tr><th>未通过的校验 <span class="en">checks failed</span></th><td data-field="checks_failed">\(HTML.number(facts.checksFailed))</td></tr>
        <tr><th>诊断 <span class="en">diagnostics</span></th><td><span data-field="diagnostics">\(HTML.number(facts.diagnostics))</span> (\(bySeverity))</td></tr>
        <tr><th>各阶段耗时 <span class="en">time per stage</span></th><td>\(times)</td></tr>
        <tr><th>版本 <span class="en">version</span></th><td>\(version)</td></tr>
        <tr><th>数据来源 <span class="en">read from</span></th><td><code>\(HTML.escape(facts.format))</code> 数据集 datasets</td></tr>
        </table>
        </section>

        """
    }

    var charts: String {
        let stackedSeries = [BarChart.Series(name: "ok", cssClass: "ok"), BarChart.Series(name: "partial", cssClass: "partial")]
        func stacked(_ rows: [RunFacts.Stacked]) -> [BarChart.Row] {
            rows.map { BarChart.Row(key: $0.key, label: HTML.short($0.key), values: [$0.ok, $0.partial]) }
        }
        func counted(_ rows: [RunFacts.Count]) -> [BarChart.Row] {
            rows.map { BarChart.Row(key: $0.key, label: HTML.short($0.key), values: [$0.count]) }
        }
        let count = [BarChart.Series(name: "count", cssClass: "bar")]
        let diagnostics = facts.diagnosticsByCode.map {
            BarChart.Row(key: $0.code, label: HTML.short($0.code, 26), values: [$0.count], cssClass: $0.severity.rawValue)
        }
        return """
        <section id="charts">
        <h2>图表 <span class="en">charts</span></h2>
        \(figure("按年度的报告 <span class=\"en\">reports by <code>report_year</code>, <code>ok</code> / <code>partial</code></span>", BarChart(id: "reports_by_year", series: stackedSeries, rows: stacked(facts.byYear))))
        \(figure("按来源格式的报告 <span class=\"en\">reports by <code>source_format</code>, <code>ok</code> / <code>partial</code></span>", BarChart(id: "reports_by_format", series: stackedSeries, rows: stacked(facts.byFormat))))
        \(figure("按规则的未通过校验 <span class=\"en\">failed checks by <code>rule</code></span>", BarChart(id: "checks_by_rule", series: count, rows: counted(facts.checksByRule))))
        \(figure("按代码的诊断 <span class=\"en\">diagnostics by <code>code</code></span>: <span class=\"swatch error\"></span>错误 <code>error</code> <span class=\"swatch warning\"></span>警告 <code>warning</code> <span class=\"swatch info\"></span>提示 <code>info</code>", BarChart(id: "diagnostics_by_code", series: count, rows: diagnostics)))
        \(figure("按原因的拒收 <span class=\"en\">rejects by <code>reason</code></span>", BarChart(id: "rejects_by_reason", series: count, rows: counted(facts.rejectsByReason))))
        </section>

        """
    }

    var labels: String {
        let rows = facts.unrecognized.map { label in
            BarChart.Row(key: (label.table.isEmpty ? "" : "表\(label.table) ") + label.label, label: HTML.short((label.table.isEmpty ? "" : "表\(label.table) ") + label.label, 16), values: [label.count])
        }
        var table = """
        <table class="list" id="unrecognized-labels">
        <tr><th>表 <span class="en">table</span></th><th>印刷的标签 <span class="en">printed label</span></th><th>次数 <span class="en">count</span></th><th>示例 <span class="en">example</span></th></tr>

        """
        for label in facts.unrecognized {
            table += "<tr><td>\(HTML.escape(label.table))</td><td>\(HTML.escape(label.label))</td><td class=\"n\">\(HTML.number(label.count))</td><td><code>\(HTML.escape(label.exampleSource))</code> \(HTML.escape(label.exampleCitation))</td></tr>\n"
        }
        table += "</table>\n"
        return """
        <section id="labels">
        <h2>未识别的标签 <span class="en">unrecognized labels (<code>label_unrecognized</code>)</span></h2>
        <p>出现最多的 \(RunFacts.labelLimit) 个（共 <span data-field="distinct_unrecognized">\(HTML.number(facts.distinctUnrecognized))</span> 个不同的标签）：把确属模板的写法加入 <code>pipelines/labels.toml</code>。 <span class="en">The \(RunFacts.labelLimit) most frequent of \(HTML.number(facts.distinctUnrecognized)) distinct labels: the to-do list for the dictionary.</span></p>
        \(figure("未识别标签的次数 <span class=\"en\">occurrences</span>", BarChart(id: "unrecognized_labels", series: [BarChart.Series(name: "count", cssClass: "bar warning")], rows: rows)))
        \(facts.unrecognized.isEmpty ? "" : table)</section>

        """
    }

    var reportsToLook: String {
        var section = """
        <section id="to-look">
        <h2>需要查看的报告 <span class="en">reports that need a look</span></h2>
        <p><span data-field="reports_to_look">\(HTML.number(facts.reportsToLookCount))</span> 份：不完整（<code>partial</code>）、有未通过的校验或身份存疑（<code>year_inferred</code>, <code>agency_inferred</code>, <code>agency_missing</code>）\(facts.reportsToLookCount > facts.reportsToLook.count ? "；列出前 \(facts.reportsToLook.count) 份 <span class=\"en\">(first \(facts.reportsToLook.count) shown; the <code>reports</code> dataset has them all)</span>" : "")。 <span class="en">Partial, failed checks or a doubtful identity; <code>inspect</code> shows how each was read.</span></p>

        """
        guard !facts.reportsToLook.isEmpty else { return section + "<p class=\"empty\">无 none</p>\n</section>\n" }
        section += "<table class=\"list\">\n<tr><th>来源 <span class=\"en\">source_path</span></th><th>机关 <span class=\"en\">agency</span></th><th>年度 <span class=\"en\">year</span></th><th>状态 <span class=\"en\">status</span></th><th>未通过的校验 <span class=\"en\">checks failed</span></th><th>身份存疑 <span class=\"en\">identity</span></th><th>查看 <span class=\"en\">inspect</span></th></tr>\n"
        for report in facts.reportsToLook {
            let path = context.inputFolder.map { $0 + "/" + report.sourcePath } ?? report.sourcePath
            section += "<tr><td><code>\(HTML.escape(report.sourcePath))</code></td><td>\(HTML.escape(report.agency))</td><td>\(report.year.map(String.init) ?? "")</td>"
            section += "<td class=\"\(report.status == "partial" ? "partial-text" : "")\"><code>\(HTML.escape(report.status))</code></td><td class=\"n\">\(HTML.number(report.checksFailed))</td>"
            section += "<td>\(report.identityDoubts.map { "<code>\($0)</code>" }.joined(separator: " "))</td><td><code class=\"cmd\">disclosure-etl inspect \(HTML.escape(Self.shellQuoted(path)))</code></td></tr>\n"
        }
        return section + "</table>\n</section>\n"
    }

    var rejects: String {
        var section = """
        <section id="rejects">
        <h2>拒收的输入 <span class="en">rejected inputs</span></h2>

        """
        guard !facts.rejects.isEmpty else { return section + "<p class=\"empty\">无 none</p>\n</section>\n" }
        if facts.rejectCount > facts.rejects.count {
            section += "<p>列出前 \(facts.rejects.count) 个 <span class=\"en\">(first \(facts.rejects.count) of \(HTML.number(facts.rejectCount)); the <code>rejects</code> dataset has them all)</span></p>\n"
        }
        section += "<table class=\"list\">\n<tr><th>来源 <span class=\"en\">source_path</span></th><th>原因 <span class=\"en\">reason</span></th><th>说明 <span class=\"en\">detail</span></th></tr>\n"
        for reject in facts.rejects {
            section += "<tr><td><code>\(HTML.escape(reject.sourcePath))</code></td><td><code>\(HTML.escape(reject.reason))</code></td><td>\(HTML.escape(reject.detail))</td></tr>\n"
        }
        return section + "</table>\n</section>\n"
    }

    var footer: String {
        """
        <footer><p>由数据集生成，可用 <code>disclosure-etl report OUT</code> 重绘。 <span class="en">Drawn from the datasets; redraw with <code>disclosure-etl report OUT</code>. Codes are those of docs/datasets.md.</span></p></footer>

        """
    }

    func figure(_ caption: String, _ chart: BarChart) -> String {
        "<figure id=\"chart-\(chart.id)\"><figcaption>\(caption)</figcaption>\n\(chart.svg)\n</figure>"
    }

    /// A path as one shell word: single-quoted unless it is plain.
    static func shellQuoted(_ path: String) -> String {
        if path.utf8.allSatisfy({ $0 >= 0x80 || ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || "/._-+,".utf8.contains($0) }) {
            return path
        }
        return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static let style = """
    body{font-family:system-ui,"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#1f2328;font-size:14px}
    h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:28px}
    .en{color:#57606a;font-weight:normal}code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px}
    table.summary th{text-align:left;padding:3px 16px 3px 0;font-weight:600}table.summary td{padding:3px 0}
    table.list{border-collapse:collapse;width:100%}table.list th,table.list td{border-bottom:1px solid #eaeef2;padding:4px 6px;text-align:left;vertical-align:top}
    td.n{text-align:right}.partial-text code{color:#bc4c00}code.cmd{white-space:nowrap}
    figure{margin:12px 0 20px}figcaption{font-weight:600;margin-bottom:4px}
    svg text{font-size:12px;fill:#1f2328}svg text.value{fill:#57606a}
    rect.ok,rect.bar{fill:#2f81f7}rect.partial{fill:#f0883e}rect.error,g.error rect{fill:#cf222e}rect.warning,g.warning rect{fill:#d29922}g.info rect{fill:#8c959f}
    .swatch{display:inline-block;width:10px;height:10px;margin:0 2px 0 8px}.swatch.error{background:#cf222e}.swatch.warning{background:#d29922}.swatch.info{background:#8c959f}
    .note{color:#57606a;font-size:13px}.empty{color:#57606a}footer{margin-top:32px;color:#57606a;font-size:12px}
    """
}

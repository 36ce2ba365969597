import MicrocredModel
import MicrocredPipeline

/// Renders a run report as one self-contained HTML page (no scripts, no network): the batch
/// summary, rejections by code as a bar chart, EU element completeness, findings by code and the
/// first rejected records with their reasons.
struct HTMLReportRenderer {
    let report: RunReport
    /// The day of the run, printed in the heading.
    let date: CalendarDate

    func render() -> String {
        var html = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>microcred run report — \(escape(date.description))</title>
            <style>\(Self.style)</style>
            </head>
            <body>
            <h1>microcred run report</h1>
            <p class="meta">\(escape(date.description)) · profile <b>\(escape(report.profile))</b> · read as \
            \(escape(report.sourceFormats.sorted().joined(separator: ", ")))\
            \(report.targetFormat.map { " · written as <b>\(escape($0))</b>" } ?? "")</p>

            """
        html += summary() + inputFailures() + rejectionsChart() + completeness() + findings() + rejectedRecords()
        html += "</body>\n</html>\n"
        return html
    }

    // MARK: - Sections

    private func summary() -> String {
        let verdict =
            report.abortReason != nil
            ? "<p class=\"verdict bad\" id=\"verdict\">The run stopped early: \(escape(report.abortReason!.message)).</p>"
            : report.recordsRejected == 0 && report.inputFailures.isEmpty
                ? "<p class=\"verdict good\" id=\"verdict\">Every record was written.</p>"
                : "<p class=\"verdict warn\" id=\"verdict\">\(report.recordsRejected) of \(report.recordsRead) records were rejected.</p>"
        return """
            <section id="summary">
            <h2>Summary</h2>
            <div class="cards">
            \(card("read", report.recordsRead, "records read"))
            \(card("written", report.recordsWritten, report.targetFormat == nil ? "records passed" : "records written"))
            \(card("rejected", report.recordsRejected, "records rejected"))
            \(card("inputs", report.inputs, "inputs"))
            </div>
            \(verdict)
            <p class="meta">\(report.isBalanced ? "Every record is accounted for: read = written + rejected." : "Records read ≠ written + rejected: please report this as a bug.")</p>
            </section>

            """
    }

    private func card(_ id: String, _ value: Int, _ label: String) -> String {
        "<div class=\"card\" id=\"count-\(id)\"><span class=\"number\">\(value)</span><span class=\"label\">\(escape(label))</span></div>"
    }

    private func inputFailures() -> String {
        guard !report.inputFailures.isEmpty else { return "" }
        let items = report.inputFailures.map { "<li>\(escape($0.description))</li>" }.joined(separator: "\n")
        return "<section id=\"input-failures\">\n<h2>Inputs that could not be read to the end</h2>\n<ul>\n\(items)\n</ul>\n</section>\n"
    }

    private func rejectionsChart() -> String {
        guard !report.rejectionCounts.isEmpty else {
            return "<section id=\"rejections\">\n<h2>Rejections by code</h2>\n<p>No record was rejected.</p>\n</section>\n"
        }
        let rows = report.rejectionCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let largest = rows.first?.value ?? 1
        let rowHeight = 26
        var svg = "<svg id=\"rejections-chart\" role=\"img\" aria-label=\"rejected records by code\" width=\"760\" height=\"\(rows.count * rowHeight + 8)\" xmlns=\"http://www.w3.org/2000/svg\">"
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight + 4
            let width = max(2, Int(Double(row.value) / Double(largest) * 360))
            svg += "<g class=\"bar\" data-code=\"\(escape(row.key))\" data-count=\"\(row.value)\">"
            svg += "<text x=\"0\" y=\"\(y + 16)\" class=\"code\">\(escape(row.key))</text>"
            svg += "<rect x=\"330\" y=\"\(y)\" width=\"\(width)\" height=\"20\" rx=\"3\"></rect>"
            svg += "<text x=\"\(336 + width)\" y=\"\(y + 16)\">\(row.value)</text></g>"
        }
        svg += "</svg>"
        return "<section id=\"rejections\">\n<h2>Rejections by code</h2>\n<p class=\"meta\">Rejected records per reason; a record rejected for several reasons counts once for each.</p>\n\(svg)\n</section>\n"
    }

    private func completeness() -> String {
        var rows = ""
        for element in EUElement.allCases {
            let fraction = report.completeness(of: element)
            let percent = Int((fraction * 100).rounded())
            let required = report.requiredElements.contains(element)
            rows += """
                <tr class="\(required ? "required" : "optional")" data-element="\(element.rawValue)" data-percent="\(percent)">\
                <td>\(escape(element.displayName))\(required ? " <span class=\"tag\">required</span>" : "")</td>\
                <td class="barcell"><div class="track"><div class="fill\(required && percent < 100 ? " short" : "")" style="width: \(percent)%"></div></div></td>\
                <td class="num">\(percent)%</td></tr>

                """
        }
        return """
            <section id="completeness">
            <h2>EU element completeness</h2>
            <p class="meta">Share of the records read that carry each element of the EU lists; required elements are those of profile \(escape(report.profile)).</p>
            <table class="elements">
            \(rows)</table>
            </section>

            """
    }

    private func findings() -> String {
        guard !report.diagnosticCounts.isEmpty else { return "" }
        var rows = ""
        for code in report.diagnosticCounts.keys.sorted() {
            let example = report.examples[code]?.first
            rows += """
                <tr data-code="\(escape(code))"><td><code>\(escape(code))</code></td><td class="\(example?.severity.rawValue ?? "")">\(example?.severity.rawValue ?? "")</td>\
                <td class="num">\(report.diagnosticCounts[code]!)</td><td>\(escape(example.map { "\($0.location): \($0.message)" } ?? ""))</td></tr>

                """
        }
        return """
            <section id="findings">
            <h2>Findings by code</h2>
            <table class="findings">
            <tr><th>code</th><th>severity</th><th>count</th><th>first example</th></tr>
            \(rows)</table>
            </section>

            """
    }

    private func rejectedRecords() -> String {
        guard !report.firstRejected.isEmpty else { return "" }
        var items = ""
        for rejected in report.firstRejected {
            let reasons = rejected.diagnostics.filter { $0.severity != .note }
                .map { "<li><code>\(escape($0.code))</code> \(escape($0.message))\($0.location.field.map { " <span class=\"field\">(\(escape($0)))</span>" } ?? "")\($0.hint.map { "<br><span class=\"hint\">hint: \(escape($0))</span>" } ?? "")</li>" }
                .joined()
            var raw = JSONSerializer(indent: 2).string(rejected.raw)
            if raw.count > 4000 { raw = String(raw.prefix(4000)) + "\n…" }
            items += """
                <article class="rejected">
                <h3>\(escape(rejected.location.description))</h3>
                <ul>\(reasons)</ul>
                <details><summary>record as read</summary><pre>\(escape(raw))</pre></details>
                </article>

                """
        }
        let more = report.recordsRejected > report.firstRejected.count
            ? "<p class=\"meta\">The first \(report.firstRejected.count) of \(report.recordsRejected) rejected records; the rejects file (--rejects) has them all.</p>"
            : ""
        return "<section id=\"rejected-records\">\n<h2>Rejected records</h2>\n\(more)\n\(items)</section>\n"
    }

    // MARK: - Helpers

    private func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:980px;color:#1d2430;padding:0 1rem}\
        h1{margin-bottom:.2rem}h2{margin-top:2rem;border-bottom:1px solid #d9dee7;padding-bottom:.3rem}\
        .meta{color:#5b6578;font-size:.9rem}.cards{display:flex;gap:1rem;flex-wrap:wrap}\
        .card{background:#f3f5f9;border-radius:8px;padding:.8rem 1.2rem;min-width:140px}\
        .card .number{display:block;font-size:2rem;font-weight:700}.card .label{color:#5b6578}\
        #count-rejected .number{color:#b3261e}#count-written .number{color:#1b7f3b}\
        .verdict{font-weight:600;padding:.5rem .8rem;border-radius:6px}.good{background:#e6f4ea}.warn{background:#fff4e0}.bad{background:#fde7e7}\
        svg text{font-size:13px;fill:#1d2430}svg text.code{font-family:ui-monospace,monospace}svg rect{fill:#c2410c}\
        table{border-collapse:collapse;width:100%}td,th{padding:.3rem .5rem;border-bottom:1px solid #eceff4;text-align:left;vertical-align:top}\
        .num{text-align:right;white-space:nowrap}.barcell{width:50%}.track{background:#eceff4;border-radius:4px;height:14px}\
        .fill{background:#2563eb;height:14px;border-radius:4px}.fill.short{background:#c2410c}\
        .tag{font-size:.75rem;background:#dbe4ff;border-radius:4px;padding:0 .3rem}\
        td.error{color:#b3261e}td.warning{color:#a15c00}td.note{color:#5b6578}\
        .rejected{border:1px solid #eceff4;border-radius:8px;padding:.2rem 1rem;margin:.8rem 0}.rejected h3{font-size:1rem}\
        .hint,.field{color:#5b6578}pre{background:#f6f8fa;padding:.6rem;overflow:auto;font-size:.8rem}
        """
}

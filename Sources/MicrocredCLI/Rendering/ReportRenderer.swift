import MicrocredModel
import MicrocredPipeline

/// Prints a run's findings and summary on standard error, as text or JSON lines.
struct ReportRenderer {
    /// How many individual findings are printed before the summary (the report has them all).
    static let findingsShown = 20

    let console: Console
    let format: LogFormat
    let quiet: Bool

    /// Prints input failures (always), then unless quiet the first findings of severity warning or
    /// above and the summary.
    func render(_ report: RunReport, validating: Bool) {
        for failure in report.inputFailures { console.error(Self.render(failure, format: format)) }
        if let abort = report.abortReason { console.error(Self.render(abort, format: format)) }
        guard !quiet else { return }
        let shown = report.examples.keys.sorted().flatMap { report.examples[$0]! }
            .filter { $0.severity >= .warning && !report.inputFailures.contains($0) }
            .sorted { ($0.location.file ?? "", $0.location.record ?? 0) < ($1.location.file ?? "", $1.location.record ?? 0) }
            .prefix(Self.findingsShown)
        for diagnostic in shown { console.error(Self.render(diagnostic, format: format)) }
        switch format {
        case .json:
            console.error(JSONSerializer().string(summaryJSON(report)))
        case .text:
            console.error(summaryText(report, validating: validating))
        }
    }

    private func summaryText(_ report: RunReport, validating: Bool) -> String {
        let verb = validating ? "passed" : "written"
        var lines = [
            "\(report.recordsRead) read, \(report.recordsWritten) \(verb), \(report.recordsRejected) rejected"
                + " from \(report.inputs) input\(report.inputs == 1 ? "" : "s") (profile \(report.profile))"
        ]
        let counted = report.diagnosticCounts.filter { code, _ in
            report.examples[code]?.first.map { $0.severity >= .warning } ?? false
        }
        if !counted.isEmpty {
            let top = counted.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(5)
            lines.append("most frequent: " + top.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        }
        if !report.isBalanced {
            lines.append("error: records read (\(report.recordsRead)) ≠ written + rejected; please report this as a bug")
        }
        return lines.joined(separator: "\n")
    }

    private func summaryJSON(_ report: RunReport) -> JSONValue {
        .object([
            JSONMember("event", "summary"),
            JSONMember("recordsRead", .integer(report.recordsRead)),
            JSONMember("recordsWritten", .integer(report.recordsWritten)),
            JSONMember("recordsRejected", .integer(report.recordsRejected)),
            JSONMember("inputs", .integer(report.inputs)),
            JSONMember("inputFailures", .integer(report.inputFailures.count)),
            JSONMember("balanced", .bool(report.isBalanced)),
        ])
    }

    /// One finding as a line of text (`file:line:col: severity: message [code]`) or of JSON.
    static func render(_ diagnostic: Diagnostic, format: LogFormat) -> String {
        switch format {
        case .text:
            return diagnostic.description
        case .json:
            guard case .object(var members) = diagnostic.jsonValue else { return diagnostic.description }
            members.insert(JSONMember("event", "diagnostic"), at: 0)
            if let file = diagnostic.location.file { members.append(JSONMember("file", .string(file))) }
            if let record = diagnostic.location.record { members.append(JSONMember("record", .integer(record))) }
            return JSONSerializer().string(.object(members))
        }
    }
}

import ArgumentParser
import MicrocredPipeline
import Foundation

/// How records are checked, and what the run reports.
struct CheckOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The validation profile: eu-2022 (default), eu-2020-draft or none.", valueName: "name"))
    var profile = "eu-2022"

    @Flag(name: .long, help: "Reject records that have warnings, not only errors.")
    var strict = false

    @Option(
        name: .customLong("disable-rule"),
        help: ArgumentHelp("Switch off the rule or finding with this code (repeatable).", valueName: "code"))
    var disabledRules: [String] = []

    @Option(
        name: .customLong("enable-rule"),
        help: ArgumentHelp(
            "Switch on an opt-in rule (repeatable): \(OptInRules.all.map(\.code).joined(separator: ", ")).", valueName: "code"))
    var enabledRules: [String] = []

    @Option(name: .long, help: ArgumentHelp("Write the run report as JSON to this file.", valueName: "file"))
    var report: String?

    @Option(
        name: .customLong("html-report"),
        help: ArgumentHelp("Write the run report as a self-contained HTML page to this file.", valueName: "file"))
    var htmlReport: String?

    @Option(name: .long, help: ArgumentHelp("Write rejected records, with every reason, as JSON Lines to this file.", valueName: "file"))
    var rejects: String?

    @Option(name: .long, help: ArgumentHelp("Threads to use, the reading thread among them (default: the number of cores); output order does not change.", valueName: "n"))
    var jobs: Int?

    @Option(name: .customLong("max-rejects"), help: ArgumentHelp("Stop the run (exit 1, no output) once more records than this are rejected.", valueName: "n"))
    var maxRejects: Int?

    @Flag(name: .shortAndLong, help: "Print nothing on standard error but failures.")
    var quiet = false

    @Option(name: .customLong("log-format"), help: ArgumentHelp("How findings and the summary are printed on standard error: text or json.", valueName: "format"))
    var logFormat: LogFormat = .text

    func validate() throws {
        guard ValidationProfile.standard.contains(where: { $0.name == profile }) else {
            throw ValidationError(
                "unknown profile '\(profile)'; known profiles: \(ValidationProfile.standard.map(\.name).joined(separator: ", "))")
        }
        for code in enabledRules where !OptInRules.all.contains(where: { $0.code == code }) {
            throw ValidationError(
                "'\(code)' is not an opt-in rule; opt-in rules: \(OptInRules.all.map(\.code).joined(separator: ", "))")
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if let maxRejects, maxRejects < 0 { throw ValidationError("--max-rejects must not be negative") }
    }

    /// The worker count to use.
    var resolvedJobs: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// How standard-error output is formatted.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

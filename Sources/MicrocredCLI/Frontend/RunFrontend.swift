import ArgumentParser
import Foundation
import MicrocredModel
import MicrocredPipeline

/// Turns parsed options into a run: builds the request, runs it, writes the report, prints the
/// summary and chooses the exit status. Shared by `convert` and `validate`.
struct RunFrontend {
    let console: Console

    /// Runs a conversion (`output` given) or a validation (`output` nil).
    func run(input: InputOptions, output: OutputOptions?, check: CheckOptions) throws -> ExitStatus {
        let request = try makeRequest(input: input, output: output, check: check)
        let progress = ProgressLine(console: console, enabled: console.errorIsTerminal && !check.quiet)
        let report: RunReport
        do {
            let registry = FormatRegistry.standard(for: request.inputs, sourceFormat: request.sourceFormat)
            report = try ConversionRunner(registry: registry).run(request, standardOutput: console.standardOutput) {
                progress.update($0)
            }
        } catch {
            progress.clear()
            throw RunFailure(diagnostic: error)
        }
        progress.clear()
        return try finish(report, check: check, today: request.readContext.environment.today, validating: output == nil)
    }

    /// Writes the report files, prints the summary and returns the exit status of `report`.
    func finish(_ report: RunReport, check: CheckOptions, today: CalendarDate, validating: Bool) throws -> ExitStatus {
        var status = Self.status(for: report)
        let pages: [(String?, () -> [UInt8])] = [
            (check.report, { JSONSerializer(indent: 2).serialize(report.jsonValue) + [0x0A] }),
            (check.htmlReport, { Array(HTMLReportRenderer(report: report, date: today).render().utf8) }),
        ]
        for case (let path?, let render) in pages {
            do {
                let sink = try OutputFile.sink(path: path)
                try sink.write(render())
                try sink.commit()
            } catch {
                console.error(ReportRenderer.render(error.diagnostic, format: check.logFormat))
                status = .failure
            }
        }
        ReportRenderer(console: console, format: check.logFormat, quiet: check.quiet).render(report, validating: validating)
        return status
    }

    /// The exit status a report calls for.
    static func status(for report: RunReport) -> ExitStatus {
        if report.abortReason != nil || !report.inputFailures.isEmpty || !report.isBalanced { return .failure }
        return report.recordsRejected > 0 ? .someRejected : .success
    }

    private func makeRequest(input: InputOptions, output: OutputOptions?, check: CheckOptions) throws -> ConversionRequest {
        let profile = try ValidationProfile.named(check.profile)
        let environment = RunEnvironment(
            today: try RunDate.today(console: console), secret: output?.saltSecret ?? console.environment["MICROCRED_SALT_SECRET"])
        let vocabularies = try DataDirectory.vocabularies(console: console)
        let readContext = FormatContext(
            options: try OptionPairs.parse(input.fromOptions, flag: "--from-option"), mappingPath: input.mapping,
            vocabularies: vocabularies, environment: environment)
        var target: ConversionTarget?
        if let output {
            var options = try OptionPairs.parse(output.toOptions, flag: "--to-option")
            if output.plainRecipients { options["plain-recipients"] = "true" }
            let destination: OutputDestination =
                if output.split, let folder = output.outputPath { .folder(folder) } else if let file = output.outputPath { .file(file) } else {
                    .standardOutput
                }
            target = ConversionTarget(
                format: output.to.lowercased(),
                context: FormatContext(options: options, vocabularies: vocabularies, environment: environment),
                destination: destination)
        }
        let inputs: [InputSource]
        do {
            inputs = try InputDiscovery.inputs(for: input.inputs, standardInput: console.standardInput)
        } catch {
            throw RunFailure(diagnostic: error.diagnostic)
        }
        return ConversionRequest(
            inputs: inputs, sourceFormat: input.from?.lowercased(), readContext: readContext, target: target, profile: profile,
            jobs: check.resolvedJobs, maxRejects: check.maxRejects, rejectWarnings: check.strict,
            disabledRules: Set(check.disabledRules), enabledRules: Set(check.enabledRules), rejectsPath: check.rejects)
    }
}

/// A run that could not start or could not finish; rendered by the root command, exit status 1.
struct RunFailure: Error {
    let diagnostic: Diagnostic
}

import Foundation
import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// `validate --xsd`: checks whole XML documents against an XML Schema, one document per input,
/// and reports them as a run: a valid document passes, an invalid one is rejected with every
/// violation and its line and column.
struct SchemaValidation {
    /// The largest document read (validation needs the whole document).
    static let maximumDocumentSize = 256 * 1024 * 1024

    let console: Console

    func run(schemaPath: String, input: InputOptions, check: CheckOptions) throws -> ExitStatus {
        let today = try RunDate.today(console: console)
        let schema: XMLSchema
        do {
            schema = try XMLSchema(contentsOf: schemaPath)
        } catch let error as XMLError {
            throw RunFailure(diagnostic: Self.diagnostic(error.issue, file: schemaPath, record: nil))
        }
        let inputs: [InputSource]
        do {
            inputs = try InputDiscovery.inputs(for: input.inputs, standardInput: console.standardInput)
        } catch {
            throw RunFailure(diagnostic: error.diagnostic)
        }
        var report = RunReport(targetFormat: nil, profile: "xsd:\(PathText.lastComponent(schemaPath))")
        report.inputs = inputs.count
        report.sourceFormats = ["xml"]
        let rejects: RejectsWriter?
        do {
            rejects = try check.rejects.map { path throws(OutputError) in RejectsWriter(sink: try OutputFile.sink(path: path)) }
        } catch {
            throw RunFailure(diagnostic: error.diagnostic)
        }
        for (index, source) in inputs.enumerated() {
            let bytes: [UInt8]
            do {
                bytes = try source.open().readAll(limit: Self.maximumDocumentSize)
            } catch {
                report.inputFailures.append(error.diagnostic)
                report.record(error.diagnostic)
                continue
            }
            report.recordsRead += 1
            let location = SourceLocation(file: source.name, record: index + 1)
            let issues = schema.validate(bytes, documentName: source.name).filter { $0.severity == .error }
            if issues.isEmpty {
                report.recordsWritten += 1
                continue
            }
            let diagnostics = issues.map { Self.diagnostic($0, file: source.name, record: index + 1) }
            diagnostics.forEach { report.record($0) }
            report.recordsRejected += 1
            report.recordRejection(
                location: location, raw: .string(source.name), diagnostics: diagnostics, rejectWarnings: false)
            do {
                try rejects?.write(location: location, raw: .string(source.name), diagnostics: diagnostics)
            } catch {
                throw RunFailure(diagnostic: error.diagnostic)
            }
        }
        do {
            try rejects?.commit()
        } catch {
            throw RunFailure(diagnostic: error.diagnostic)
        }
        return try RunFrontend(console: console).finish(report, check: check, today: today, validating: true)
    }

    static func diagnostic(_ issue: XMLIssue, file: String, record: Int?) -> Diagnostic {
        Diagnostic(
            code: issue.code, severity: issue.severity == .error ? .error : .warning, message: issue.message, hint: issue.hint,
            location: SourceLocation(file: file, line: issue.line, column: issue.column, record: record))
    }
}

import ArgumentParser
import MicrocredModel
import MicrocredPipeline

/// `microcred inspect`: one record as read, as decoded, as normalised, its diagnostics, and which
/// EU elements it has against the chosen profile.
struct InspectCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show one record at every stage: as read, as decoded, as normalised, its findings and EU elements.")

    @Argument(help: ArgumentHelp("The file to read ('-' for standard input).", valueName: "input"))
    var input: String

    @Option(name: .long, help: ArgumentHelp("The 1-based index of the record to show.", valueName: "n"))
    var record = 1

    @Option(name: .long, help: ArgumentHelp("The input format; default: by extension, then by content.", valueName: "format"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("A mapping file describing the input's columns (csv).", valueName: "file"))
    var mapping: String?

    @Option(name: .customLong("from-option"), help: ArgumentHelp("A reader option as name=value (repeatable).", valueName: "name=value"))
    var fromOptions: [String] = []

    @Option(name: .long, help: ArgumentHelp("The profile to measure completeness against.", valueName: "name"))
    var profile = "eu-2022"

    @Flag(name: .long, help: "Print everything as one JSON object.")
    var json = false

    func validate() throws {
        if record < 1 { throw ValidationError("--record is 1-based and must be at least 1") }
        guard ValidationProfile.standard.contains(where: { $0.name == profile }) else {
            throw ValidationError(
                "unknown profile '\(profile)'; known profiles: \(ValidationProfile.standard.map(\.name).joined(separator: ", "))")
        }
        _ = try OptionPairs.parse(fromOptions, flag: "--from-option")
    }

    func execute(console: Console) throws -> ExitStatus {
        let profile = try ValidationProfile.named(self.profile)
        let context = FormatContext(
            options: try OptionPairs.parse(fromOptions, flag: "--from-option"), mappingPath: mapping,
            vocabularies: try DataDirectory.vocabularies(console: console),
            environment: RunEnvironment(today: try RunDate.today(console: console)))
        let source = input == "-" ? InputSource.standardInput(console.standardInput) : InputSource.file(input)
        let sourceRecord: SourceRecord
        do {
            let reader = try FormatRegistry.standard.openReader(for: source, explicitFormat: from, context: context).reader
            var found: SourceRecord?
            for _ in 0..<record {
                found = try reader.next()
                if found == nil { break }
            }
            guard var found else {
                throw RunFailure(
                    diagnostic: .error("inspect.no-such-record", "'\(input)' has fewer than \(record) records"))
            }
            if found.location.file == nil { found.location.file = source.name }
            sourceRecord = found
        } catch let diagnostic as Diagnostic {
            throw RunFailure(diagnostic: diagnostic.located(in: SourceLocation(file: source.name)))
        }
        let processor = RecordProcessor(
            stages: .standardStages, rules: profile.rules, context: StageContext(format: context))
        let processed = processor.process(sourceRecord, writer: nil)
        let inspection = RecordInspection(processed: processed, profile: profile)
        try console.output(json ? JSONSerializer(indent: 2).string(inspection.jsonValue) : inspection.text)
        return processed.isRejected(rejectWarnings: false) ? .someRejected : .success
    }
}

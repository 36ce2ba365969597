import ArgumentParser
import MicrocredPipeline

/// `microcred validate`: the same checks as `convert`, with no output but the report.
struct ValidateCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check records against a profile without writing them; report what fails and where.",
        discussion: ExitStatus.table)

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Checks and reports") var check: CheckOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Validate each input as a whole XML document against this XML Schema instead of checking records.",
            valueName: "file"))
    var xsd: String?

    func execute(console: Console) throws -> ExitStatus {
        if let xsd { return try SchemaValidation(console: console).run(schemaPath: xsd, input: input, check: check) }
        return try RunFrontend(console: console).run(input: input, output: nil, check: check)
    }
}

import ArgumentParser
import CSVFormat
import Foundation
import MicrocredModel
import MicrocredPipeline

/// `microcred mapping`: check a CSV mapping file, or propose one from an export.
struct MappingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mapping", abstract: "Check a CSV mapping file, or infer one from a CSV export.",
        subcommands: [CheckMappingCommand.self, InferMappingCommand.self])
}

/// `microcred mapping check FILE`: reports every problem of a mapping file with its YAML path.
struct CheckMappingCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a mapping file: unknown keys and fields, bad values, unreachable EU elements.",
        discussion: "Exit 0 when the mapping can be used, 2 when it has errors.")

    @Argument(help: ArgumentHelp("The mapping file (YAML).", valueName: "file"))
    var file: String

    func execute(console: Console) throws -> ExitStatus {
        let diagnostics = CSVMapping.check(path: file)
        for diagnostic in diagnostics { console.error(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        console.error(errors == 0 ? "\(file): the mapping can be used (\(warnings) warning\(warnings == 1 ? "" : "s"))" : "\(file): \(errors) error\(errors == 1 ? "" : "s")")
        return errors == 0 ? .success : .someRejected
    }
}

/// `microcred mapping infer CSV`: proposes a complete mapping for an export on standard output.
struct InferMappingCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Propose a mapping for a CSV export from its header and a sample of rows.",
        discussion: """
            The mapping goes to standard output; the columns it could not place and the guesses it \
            made (delimiter, encoding, date order, decimal separator) go to standard error.
            Example:
              microcred mapping infer export.csv > export.yaml
              microcred convert export.csv --mapping export.yaml --to ob3 -o badges.jsonl
            """)

    @Argument(help: ArgumentHelp("The CSV export ('-' for standard input).", valueName: "csv"))
    var csv: String

    @Option(name: .customLong("sample-rows"), help: ArgumentHelp("Rows to look at besides the header.", valueName: "n"))
    var sampleRows = 200

    @Option(name: .customLong("from-option"), help: ArgumentHelp("A reader option as name=value (repeatable).", valueName: "name=value"))
    var fromOptions: [String] = []

    func validate() throws {
        if sampleRows < 1 { throw ValidationError("--sample-rows must be at least 1") }
        _ = try OptionPairs.parse(fromOptions, flag: "--from-option")
    }

    func execute(console: Console) throws -> ExitStatus {
        let input = csv == "-" ? InputSource.standardInput(console.standardInput) : InputSource.file(csv)
        let result: MappingInference.Result
        do {
            let source = try input.open()
            result = try MappingInference.infer(
                source: source, sampleRows: sampleRows, options: try OptionPairs.parse(fromOptions, flag: "--from-option"))
        } catch let error as InputError {
            throw RunFailure(diagnostic: error.diagnostic)
        } catch let diagnostic as Diagnostic {
            throw RunFailure(diagnostic: diagnostic.located(in: SourceLocation(file: input.name)))
        }
        try console.standardOutput.write(Array(result.yaml.utf8))
        for assumption in result.assumptions { console.error("assumed: \(assumption)") }
        for column in result.unplaced { console.error("not placed: \(column)") }
        return .success
    }
}

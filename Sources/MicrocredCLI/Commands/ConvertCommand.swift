import ArgumentParser
import MicrocredPipeline

/// `microcred convert`: reads, normalises, validates and writes a batch.
struct ConvertCommand: ParsableCommand, ConsoleCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert records to another format, setting aside those that fail validation.",
        discussion: """
            Examples:
              microcred convert SampleData/model/credentials.jsonl --to model
              microcred convert exports/ --to ob3 --mapping map.yaml -o out.jsonl
              microcred convert badges/ --to elm-xml --split -o credentials/

            \(ExitStatus.table)
            """)

    @OptionGroup(title: "Input") var input: InputOptions
    @OptionGroup(title: "Output") var output: OutputOptions
    @OptionGroup(title: "Checks and reports") var check: CheckOptions

    func execute(console: Console) throws -> ExitStatus {
        try RunFrontend(console: console).run(input: input, output: output, check: check)
    }
}

import ArgumentParser
import MicrocredPipeline

/// Where records come from and how to read them.
struct InputOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "Files or folders to read (folders are walked recursively, in sorted order); '-' or nothing reads standard input.",
            valueName: "input"))
    var inputs: [String] = []

    @Option(name: .long, help: ArgumentHelp("The input format; default: chosen per file by extension, then by content.", valueName: "format"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("A mapping file describing the input's columns (csv); for a csv output layout use --to-option mapping=FILE.", valueName: "file"))
    var mapping: String?

    @Option(
        name: .customLong("from-option"),
        help: ArgumentHelp("A reader option as name=value (repeatable); 'microcred formats' lists them.", valueName: "name=value"))
    var fromOptions: [String] = []

    func validate() throws {
        if let from {
            guard let format = FormatRegistry.standard.formats.first(where: { $0.id == from.lowercased() }) else {
                throw ValidationError("unknown format '\(from)'; known formats: \(FormatRegistry.standard.ids.joined(separator: ", "))")
            }
            guard format.canRead else { throw ValidationError("format '\(format.id)' cannot be read") }
        }
        _ = try OptionPairs.parse(fromOptions, flag: "--from-option")
    }
}

import ArgumentParser
import MicrocredPipeline

/// What to write and where.
struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The output format: csv, elm-xml, ob3, ob2 or model.", valueName: "format"))
    var to: String

    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "The output file (written atomically), or with --split the output folder; '-' or none: standard output.", valueName: "path"))
    var output: String?

    /// The output file or folder; `nil` for standard output.
    var outputPath: String? { output == "-" ? nil : output }

    @Flag(name: .long, help: "Write one file per record into the folder given with --output, named after the record's id.")
    var split = false

    @Option(
        name: .customLong("to-option"),
        help: ArgumentHelp("A writer option as name=value (repeatable); 'microcred formats' lists them.", valueName: "name=value"))
    var toOptions: [String] = []

    @Option(
        name: .customLong("salt-secret"),
        help: ArgumentHelp(
            "A secret mixed into the salts of hashed recipient identities (default: $MICROCRED_SALT_SECRET).", valueName: "secret"))
    var saltSecret: String?

    @Flag(name: .customLong("plain-recipients"), help: "Write recipient e-mail addresses in plain text instead of salted hashes.")
    var plainRecipients = false

    func validate() throws {
        guard let format = FormatRegistry.standard.formats.first(where: { $0.id == to.lowercased() }) else {
            throw ValidationError("unknown format '\(to)'; known formats: \(FormatRegistry.standard.ids.joined(separator: ", "))")
        }
        guard format.canWrite else { throw ValidationError("format '\(format.id)' cannot be written") }
        _ = try OptionPairs.parse(toOptions, flag: "--to-option")
        if split, outputPath == nil { throw ValidationError("--split needs --output naming the folder to write into") }
    }
}

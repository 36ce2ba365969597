public import ArgumentParser
import Foundation
import MicrocredPipeline

/// The root command: lists the subcommands and runs one against a console.
public struct MicrocredCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "microcred",
        abstract: "Convert micro-credential records in bulk between registrar CSV, Europass XML and Open Badges.",
        discussion: """
            Every record passes through one internal model, is normalised and validated against the EU \
            micro-credential element lists, and is either written or set aside in the rejects file with \
            every reason. A run accounts for every record: read = written + rejected.

            Environment: MICROCRED_DATA_DIR names the data folder (Mappings/, holding vocab/); \
            MICROCRED_SALT_SECRET is the default --salt-secret; SOURCE_DATE_EPOCH (seconds since \
            1970-01-01 UTC) pins the run's today, so a rerun writes byte-identical output.

            \(ExitStatus.table)
            """,
        version: "0.1.0",
        subcommands: [ConvertCommand.self, ValidateCommand.self, InspectCommand.self, FormatsCommand.self, MappingCommand.self]
    )

    public init() {}

    /// Parses `arguments` (without the program name), runs the subcommand against `console` and
    /// returns the exit code. Never exits the process.
    public static func main(arguments: [String], console: Console) -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            guard let runnable = command as? any ConsoleCommand else {
                try command.run()
                return ExitStatus.success.rawValue
            }
            let status = try runnable.execute(console: console)
            try console.standardOutput.commit()
            return status.rawValue
        } catch let failure as RunFailure {
            console.error(ReportRenderer.render(failure.diagnostic, format: .text))
            return ExitStatus.failure.rawValue
        } catch let error as OutputError {
            console.error(ReportRenderer.render(error.diagnostic, format: .text))
            return ExitStatus.failure.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                try? console.output(message)
                try? console.standardOutput.commit()
                return 0
            }
            console.error(message)
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}

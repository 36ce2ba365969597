/// A subcommand that runs against a ``Console`` rather than the process's streams, so tests can
/// drive it in-process.
protocol ConsoleCommand {
    /// Runs the command.
    /// - Returns: the exit status.
    /// - Throws: `ValidationError` for usage errors (exit 64), ``RunFailure`` for failed runs (exit 1).
    func execute(console: Console) throws -> ExitStatus
}

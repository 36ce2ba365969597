/// The process exit codes: one table, documented in README and `--help`.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Every record read was written (or, for `validate`, passed).
    case success = 0
    /// The run failed: unreadable input, an output that cannot be written, an internal error,
    /// `--max-rejects` exceeded.
    case failure = 1
    /// The run completed but some records were rejected.
    case someRejected = 2
    /// The command line was wrong (unknown option or format, bad value).
    case usage = 64

    /// The table of codes, for `--help` and README.
    public static let table = """
        exit codes:
          0   every record was written (validate: every record passed)
          1   the run failed: unreadable input, unwritable output, internal
              error, or --max-rejects exceeded
          2   the run completed but some records were rejected
          64  usage error: unknown option, format or profile, or a bad value
        """
}

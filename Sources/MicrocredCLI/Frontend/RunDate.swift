import MicrocredModel
import MicrocredPipeline

/// The date a run treats as today: for `$today` in mappings, for expiry and "issued in the
/// future" checks, and so for every identifier derived from such a date.
///
/// `SOURCE_DATE_EPOCH` (seconds since 1970-01-01 UTC, the reproducible-builds convention) pins it,
/// so a rerun of yesterday's batch writes byte-identical output; otherwise it is the current UTC
/// date.
enum RunDate {
    /// The run's today.
    /// - Throws: ``RunFailure`` (`run.invalid-source-date-epoch`) when `SOURCE_DATE_EPOCH` is set
    ///   but is not a whole number of seconds.
    static func today(console: Console) throws -> CalendarDate {
        guard let text = console.environment["SOURCE_DATE_EPOCH"] else { return RunEnvironment.currentDate() }
        guard let seconds = Int(text), seconds >= 0, let date = CalendarDate(daysSinceEpoch: seconds / 86_400) else {
            throw RunFailure(
                diagnostic: .error(
                    "run.invalid-source-date-epoch", "SOURCE_DATE_EPOCH '\(text)' is not a number of seconds since 1970-01-01",
                    hint: "set it to a whole number such as 1796083200 (2026-12-01), or unset it to use today's date"))
        }
        return date
    }
}

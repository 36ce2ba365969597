import MicrocredModel

/// Dates and date-times as the schema writes them.
enum ELMDates {
    /// The `xs:dateTime` for a model timestamp; a calendar date becomes local midnight
    /// (`2026-03-01T00:00:00`, no offset), which reads back as the date.
    static func dateTimeText(_ timestamp: Timestamp) -> String {
        switch timestamp {
        case .date(let date): "\(date)T00:00:00"
        case .dateTime(let dateTime): dateTime.description
        }
    }

    /// The model timestamp for an `xs:dateTime`: local midnight with no offset is a calendar date,
    /// anything else a date-time kept as given.
    static func timestamp(_ text: String) -> Timestamp? {
        let text = text.trimmingWhitespace()
        guard let dateTime = DateTime(iso: text) else { return nil }
        if dateTime.hour == 0, dateTime.minute == 0, dateTime.second == 0, dateTime.fraction.isEmpty,
            dateTime.utcOffsetMinutes == nil, text.count == 19
        {
            return .date(dateTime.date)
        }
        return .dateTime(dateTime)
    }

    /// What a date of birth read from a document says.
    enum BirthDate: Equatable {
        /// A plain `xs:date` (a time-zone suffix is dropped).
        case date(CalendarDate)
        /// A date-time where a date belongs: the calendar date it stands for, and why.
        case repaired(CalendarDate, reason: String)
        case unreadable
    }

    /// Reads a date of birth. Real files hold UTC date-times of a local midnight
    /// (`1999-10-01T22:00:00Z` for 2 October 1999 in Central Europe): an afternoon or evening UTC
    /// time is the next day's local midnight east of Greenwich.
    static func birthDate(_ text: String) -> BirthDate {
        let text = text.trimmingWhitespace()
        if let date = CalendarDate(iso: text.prefix(10)), text.count == 10 || isZoneSuffix(text.dropFirst(10)) {
            return .date(date)
        }
        guard let dateTime = DateTime(iso: text) else { return .unreadable }
        if dateTime.utcOffsetMinutes == 0, dateTime.hour >= 12, let next = dateTime.date.next {
            return .repaired(next, reason: "'\(text)' is local midnight of \(next) stored as a UTC date-time")
        }
        return .repaired(dateTime.date, reason: "'\(text)' is a date-time; its date \(dateTime.date) is kept")
    }

    private static func isZoneSuffix(_ text: Substring) -> Bool {
        text == "Z" || (text.count == 6 && (text.hasPrefix("+") || text.hasPrefix("-")) && text.dropFirst(3).hasPrefix(":"))
    }
}

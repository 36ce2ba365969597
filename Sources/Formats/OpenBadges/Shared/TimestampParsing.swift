import MicrocredModel

/// Reading Open Badges timestamps: ISO 8601 dates and date-times, and the Unix timestamps of
/// Open Badges 0.5–1.1.
enum TimestampParsing {
    /// An ISO 8601 date or date-time string.
    /// `timestamp` as the model date it stood for when it is midnight UTC and the source marked the
    /// field as holding only a date (the writers write such dates as midnight UTC).
    static func restoringDate(_ timestamp: Timestamp, dateOnly: Bool) -> Timestamp {
        guard dateOnly, case .dateTime(let dateTime) = timestamp, dateTime.hour == 0, dateTime.minute == 0,
            dateTime.second == 0, dateTime.fraction.isEmpty, dateTime.utcOffsetMinutes == 0
        else { return timestamp }
        return .date(dateTime.date)
    }

    static func iso(_ value: JSONValue?) -> Timestamp? {
        guard let text = value?.stringValue else { return nil }
        return Timestamp(iso: text)
    }

    /// A Unix timestamp given as a JSON number or a string of digits (seconds since 1970, UTC).
    static func unix(_ value: JSONValue?) -> DateTime? {
        let digits: String
        switch value {
        case .number(let lexeme)?: digits = lexeme
        case .string(let text)?: digits = text
        default: return nil
        }
        guard (1...12).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(digits) else {
            return nil
        }
        return dateTime(unixSeconds: seconds)
    }

    /// The UTC date-time `seconds` after 1970-01-01T00:00:00Z.
    static func dateTime(unixSeconds seconds: Int) -> DateTime? {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        guard let date = CalendarDate(daysSinceEpoch: days) else { return nil }
        return DateTime(date: date, hour: rest / 3600, minute: rest % 3600 / 60, second: rest % 60)
    }

    /// Midnight UTC of `date`.
    static func midnightUTC(_ date: CalendarDate) -> DateTime? {
        DateTime(date: date)
    }
}

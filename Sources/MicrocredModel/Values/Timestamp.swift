/// A point in time given either as a calendar date or as a date-time, kept as the source gave it.
///
/// Credentials are issued "on 2026-03-01" in registrar exports and "at 2026-03-01T09:30:00Z" in
/// Open Badges; keeping the distinction makes every round trip lossless. Writers that need a
/// date-time use ``asDateTime`` (midnight UTC for a date).
public enum Timestamp: Hashable, Sendable, Comparable, CustomStringConvertible {
    case date(CalendarDate)
    case dateTime(DateTime)

    /// Parses an ISO 8601 date or date-time.
    public init?(iso text: some StringProtocol) {
        if let date = CalendarDate(iso: text) {
            self = .date(date)
        } else if let dateTime = DateTime(iso: text) {
            self = .dateTime(dateTime)
        } else {
            return nil
        }
    }

    /// The calendar date part.
    public var calendarDate: CalendarDate {
        switch self {
        case .date(let date): date
        case .dateTime(let dateTime): dateTime.date
        }
    }

    /// The value as a date-time; a date becomes midnight UTC.
    public var asDateTime: DateTime {
        switch self {
        case .date(let date): DateTime(date: date)!
        case .dateTime(let dateTime): dateTime
        }
    }

    /// The ISO 8601 form as stored.
    public var description: String {
        switch self {
        case .date(let date): date.description
        case .dateTime(let dateTime): dateTime.description
        }
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.asDateTime < rhs.asDateTime }
}

extension Timestamp: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date or date-time: '\(text)'")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

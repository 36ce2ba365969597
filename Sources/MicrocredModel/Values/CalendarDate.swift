/// A calendar date with no time of day and no time zone (a date of birth, a date of issuing given
/// as a date), written `YYYY-MM-DD`. The parts are checked when a value is made and cannot be
/// changed afterwards.
public struct CalendarDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public private(set) var year: Int
    public private(set) var month: Int
    public private(set) var day: Int

    /// Creates a date; returns `nil` unless it exists in the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO 8601 calendar date `YYYY-MM-DD`; returns `nil` for anything else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = ASCIIDigits.value(bytes[0..<4]), let month = ASCIIDigits.value(bytes[5..<7]),
            let day = ASCIIDigits.value(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The ISO 8601 form, `YYYY-MM-DD`.
    public var description: String {
        String(unsafeUninitializedCapacity: 10) { write(into: $0, at: 0) }
    }

    /// Writes the ISO 8601 form (ten bytes) at `position` in `buffer`; returns the position after.
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
        var position = ASCIIDigits.write(year, width: 4, into: buffer, at: position)
        buffer[position] = UInt8(ascii: "-")
        position = ASCIIDigits.write(month, width: 2, into: buffer, at: position + 1)
        buffer[position] = UInt8(ascii: "-")
        return ASCIIDigits.write(day, width: 2, into: buffer, at: position + 1)
    }

    /// Days since 1970-01-01 (negative before).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days-from-civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01.
    public init?(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The following day.
    public var next: CalendarDate? { CalendarDate(daysSinceEpoch: daysSinceEpoch + 1) }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The number of days in `month` of `year`.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD date: '\(text)'")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// Small helpers for fixed-width ASCII digit fields.
enum ASCIIDigits {
    static func value(_ bytes: ArraySlice<UInt8>) -> Int? {
        var result = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            result = result * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : result
    }

    /// Writes `value` (from 0 to 10^`width` − 1) in decimal, padded with zeros to `width` digits,
    /// at `position` in `buffer`; returns the position after.
    static func write(_ value: Int, width: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at position: Int) -> Int {
        var rest = value
        for index in (position..<position + width).reversed() {
            buffer[index] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: rest % 10)
            rest /= 10
        }
        return position + width
    }
}

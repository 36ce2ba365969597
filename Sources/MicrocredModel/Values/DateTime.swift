/// A date and time of day, with the UTC offset when the source gave one, written in ISO 8601
/// (`2026-03-01T09:30:00Z`, `2026-03-01T09:30:00.125+01:00`).
///
/// Fractional seconds keep their digits exactly as given, so reading and writing is lossless. The
/// parts are checked when a value is made and cannot be changed afterwards.
public struct DateTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public private(set) var date: CalendarDate
    public private(set) var hour: Int
    public private(set) var minute: Int
    public private(set) var second: Int
    /// Digits after the decimal point of the seconds, as given (empty for none).
    public private(set) var fraction: String
    /// Minutes east of UTC (less than a day either way); `nil` for a local time with no offset.
    public private(set) var utcOffsetMinutes: Int?

    /// Creates a date-time; returns `nil` for an impossible time of day or offset.
    public init?(
        date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0, fraction: String = "",
        utcOffsetMinutes: Int? = 0
    ) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second),
            fraction.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            utcOffsetMinutes.map({ abs($0) < 24 * 60 }) ?? true
        else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.fraction = fraction
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM|±HHMM]` (a space is accepted for `T`, and a
    /// lowercase `t`/`z`); returns `nil` for anything else.
    public init?(iso text: some StringProtocol) {
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(bytes[10]),
            bytes[13] == UInt8(ascii: ":"),
            let hour = ASCIIDigits.value(bytes[11..<13]), let minute = ASCIIDigits.value(bytes[14..<16])
        else { return nil }
        var index = 16
        var second = 0
        var fraction = ""
        if index < bytes.count, bytes[index] == UInt8(ascii: ":") {
            guard index + 3 <= bytes.count, let value = ASCIIDigits.value(bytes[(index + 1)..<(index + 3)]) else { return nil }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
                let start = index + 1
                index = start
                while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") { index += 1 }
                guard index > start else { return nil }
                fraction = String(decoding: bytes[start..<index], as: UTF8.self)
            }
        }
        var offset: Int?
        if index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "Z"), UInt8(ascii: "z"):
                offset = 0
                index += 1
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                let sign = bytes[index] == UInt8(ascii: "-") ? -1 : 1
                let rest = Array(bytes[(index + 1)...]).filter { $0 != UInt8(ascii: ":") }
                guard rest.count == 4 || rest.count == 2, let hours = ASCIIDigits.value(rest[0..<2]) else { return nil }
                let minutes = rest.count == 4 ? ASCIIDigits.value(rest[2..<4]) : 0
                guard let minutes else { return nil }
                offset = sign * (hours * 60 + minutes)
                index = bytes.count
            default: return nil
            }
        }
        guard index == bytes.count else { return nil }
        self.init(date: date, hour: hour, minute: minute, second: second, fraction: fraction, utcOffsetMinutes: offset)
    }

    /// The ISO 8601 form, with seconds always written.
    public var description: String {
        String(unsafeUninitializedCapacity: 26 + fraction.utf8.count) { buffer in
            var position = date.write(into: buffer, at: 0)
            buffer[position] = UInt8(ascii: "T")
            position = ASCIIDigits.write(hour, width: 2, into: buffer, at: position + 1)
            buffer[position] = UInt8(ascii: ":")
            position = ASCIIDigits.write(minute, width: 2, into: buffer, at: position + 1)
            buffer[position] = UInt8(ascii: ":")
            position = ASCIIDigits.write(second, width: 2, into: buffer, at: position + 1)
            if !fraction.isEmpty {
                buffer[position] = UInt8(ascii: ".")
                position = UnsafeMutableBufferPointer(rebasing: buffer[(position + 1)...]).initialize(from: fraction.utf8).1 + position + 1
            }
            guard let utcOffsetMinutes else { return position }
            if utcOffsetMinutes == 0 {
                buffer[position] = UInt8(ascii: "Z")
                return position + 1
            }
            buffer[position] = utcOffsetMinutes < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+")
            position = ASCIIDigits.write(abs(utcOffsetMinutes) / 60, width: 2, into: buffer, at: position + 1)
            buffer[position] = UInt8(ascii: ":")
            return ASCIIDigits.write(abs(utcOffsetMinutes) % 60, width: 2, into: buffer, at: position + 1)
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z, treating a local time as UTC and ignoring the fraction.
    public var secondsSinceEpoch: Int {
        date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - (utcOffsetMinutes ?? 0) * 60
    }

    /// The time with a UTC offset: a local time taken as UTC, any other as it is.
    public var assumingUTCIfLocal: DateTime {
        var time = self
        if time.utcOffsetMinutes == nil { time.utcOffsetMinutes = 0 }
        return time
    }

    /// The same instant expressed in UTC (`Z`); a local time is taken as UTC.
    public var inUTC: DateTime {
        let seconds = secondsSinceEpoch
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        return DateTime(
            date: CalendarDate(daysSinceEpoch: days) ?? date, hour: rest / 3600, minute: rest % 3600 / 60,
            second: rest % 60, fraction: fraction, utcOffsetMinutes: 0) ?? self
    }

    /// Orders by instant, then by lexical form so that equal instants order consistently.
    public static func < (lhs: DateTime, rhs: DateTime) -> Bool {
        (lhs.secondsSinceEpoch, lhs.fraction, lhs.description) < (rhs.secondsSinceEpoch, rhs.fraction, rhs.description)
    }
}

extension DateTime: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = DateTime(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 date-time: '\(text)'")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

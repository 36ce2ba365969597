public import MicrocredModel

/// A date format declared by a mapping: `iso` (ISO 8601 dates and date-times) or a pattern of
/// `yyyy` `yy` `MM` `M` `dd` `d` `HH` `H` `mm` `ss` and literal characters (`dd.MM.yyyy`,
/// `dd/MM/yy, HH:mm`).
///
/// Day and month accept one or two digits when reading whatever the pattern says; the pattern's
/// width is used when writing. `yy` reads years 00–69 as 20xx and 70–99 as 19xx. A pattern with a
/// time of day gives a local date-time (no UTC offset).
public struct CSVDateFormat: Sendable, Hashable, CustomStringConvertible {
    enum Token: Hashable, Sendable {
        case year4, year2, month(padded: Bool), day(padded: Bool), hour(padded: Bool), minute, second
        case literal(UInt8)
    }

    /// The pattern as written in the mapping.
    public let pattern: String
    let tokens: [Token]
    let isISO: Bool

    /// ISO 8601: `2026-03-01`, `2026-03-01T09:30:00Z`.
    public static let iso = CSVDateFormat(iso: ())

    private init(iso: Void) {
        pattern = "iso"
        tokens = []
        isISO = true
    }

    /// Parses `pattern`.
    /// - Throws: a message naming what is wrong (unknown letters, no year, month or day).
    public init(pattern: String) throws(CSVDateFormatError) {
        if pattern.lowercased() == "iso" || pattern.lowercased() == "iso8601" {
            self = .iso
            return
        }
        var tokens: [Token] = []
        let characters = Array(pattern)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            var run = 1
            while index + run < characters.count, characters[index + run] == character { run += 1 }
            switch (character, run) {
            case ("y", 4): tokens.append(.year4)
            case ("y", 2): tokens.append(.year2)
            case ("M", 1), ("M", 2): tokens.append(.month(padded: run == 2))
            case ("d", 1), ("d", 2): tokens.append(.day(padded: run == 2))
            case ("H", 1), ("H", 2): tokens.append(.hour(padded: run == 2))
            case ("m", 2): tokens.append(.minute)
            case ("s", 2): tokens.append(.second)
            default:
                if character.isLetter {
                    throw CSVDateFormatError(
                        message: "'\(String(repeating: character, count: run))' is not a date pattern letter in '\(pattern)'",
                        hint: "use yyyy or yy for the year, MM or M for the month, dd or d for the day, HH, mm and ss for the time")
                }
                guard character.isASCII, let byte = character.asciiValue else {
                    throw CSVDateFormatError(
                        message: "'\(character)' in date pattern '\(pattern)' is not an ASCII character", hint: nil)
                }
                for _ in 0..<run { tokens.append(.literal(byte)) }
            }
            index += run
        }
        let hasYear = tokens.contains { $0 == .year4 || $0 == .year2 }
        let hasMonth = tokens.contains { if case .month = $0 { true } else { false } }
        let hasDay = tokens.contains { if case .day = $0 { true } else { false } }
        guard hasYear, hasMonth, hasDay else {
            throw CSVDateFormatError(
                message: "date pattern '\(pattern)' needs a year, a month and a day", hint: "for example dd.MM.yyyy")
        }
        self.pattern = pattern
        self.tokens = tokens
        self.isISO = false
    }

    /// The pattern as written.
    public var description: String { pattern }

    /// Whether the pattern includes a time of day.
    public var hasTime: Bool {
        isISO || tokens.contains { if case .hour = $0 { true } else { false } }
    }

    /// The shape of the pattern with day and month made indistinguishable, to find two patterns
    /// that read the same text differently (`dd/MM/yyyy` and `MM/dd/yyyy`).
    var ambiguityShape: [Token] {
        tokens.map {
            switch $0 {
            case .month, .day: .day(padded: false)
            default: $0
            }
        }
    }

    /// The timestamp `text` stands for, or `nil` if it does not match the pattern.
    public func parse(_ text: String) -> Timestamp? {
        if isISO { return Timestamp(iso: text) }
        var year = 0
        var month = 0
        var day = 0
        var hour: Int?
        var minute = 0
        var second = 0
        var bytes = text.utf8.makeIterator()
        var pending = bytes.next()
        func digits(min: Int, max: Int) -> Int? {
            var value = 0
            var count = 0
            while count < max, let byte = pending, byte >= 0x30, byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
                count += 1
                pending = bytes.next()
            }
            return count >= min ? value : nil
        }
        for token in tokens {
            switch token {
            case .year4:
                guard let value = digits(min: 4, max: 4) else { return nil }
                year = value
            case .year2:
                guard let value = digits(min: 2, max: 2) else { return nil }
                year = value < 70 ? 2000 + value : 1900 + value
            case .month:
                guard let value = digits(min: 1, max: 2) else { return nil }
                month = value
            case .day:
                guard let value = digits(min: 1, max: 2) else { return nil }
                day = value
            case .hour:
                guard let value = digits(min: 1, max: 2) else { return nil }
                hour = value
            case .minute:
                guard let value = digits(min: 2, max: 2) else { return nil }
                minute = value
            case .second:
                guard let value = digits(min: 2, max: 2) else { return nil }
                second = value
            case .literal(let expected):
                guard pending == expected else { return nil }
                pending = bytes.next()
            }
        }
        guard pending == nil, let date = CalendarDate(year: year, month: month, day: day) else { return nil }
        guard let hour else { return .date(date) }
        return DateTime(date: date, hour: hour, minute: minute, second: second, utcOffsetMinutes: nil).map(Timestamp.dateTime)
    }

    /// `timestamp` written in this format (ISO 8601 for `iso`).
    public func format(_ timestamp: Timestamp) -> String {
        if isISO { return timestamp.description }
        let date = timestamp.calendarDate
        let time: DateTime? = if case .dateTime(let value) = timestamp { value } else { nil }
        var text = ""
        for token in tokens {
            switch token {
            case .year4: text += pad(date.year, 4)
            case .year2: text += pad(date.year % 100, 2)
            case .month(let padded): text += padded ? pad(date.month, 2) : String(date.month)
            case .day(let padded): text += padded ? pad(date.day, 2) : String(date.day)
            case .hour(let padded): text += padded ? pad(time?.hour ?? 0, 2) : String(time?.hour ?? 0)
            case .minute: text += pad(time?.minute ?? 0, 2)
            case .second: text += pad(time?.second ?? 0, 2)
            case .literal(let byte): text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }

    private func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

/// Why a date pattern cannot be used.
public struct CSVDateFormatError: Error, Sendable, Hashable {
    /// What is wrong with the pattern.
    public var message: String
    /// How to write it instead.
    public var hint: String?
}

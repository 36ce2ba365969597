import Foundation
public import MicrocredModel

/// Reads notional workload in hours from the ways sources write it: ISO 8601 durations (`PT60H`,
/// `P2DT4H`), and numbers with an hour unit in the languages of European exports (`60 h`,
/// `60 hours`, `60 Std.`, `60 heures`, `60 ore`, `60 horas`, `60 uur`, `60 godzin`), with a
/// decimal comma or point.
public enum WorkloadText {
    /// What was read, and anything worth a note.
    public struct Reading: Sendable, Equatable {
        public var hours: DecimalNumber
        /// Set when the value was reinterpreted (`P60M`, 60 months, read as 60 hours).
        public var note: String?
    }

    /// Hour units, lower-cased, without a trailing dot.
    static let hourUnits: Set<String> = [
        "h", "hr", "hrs", "hour", "hours", "std", "stunde", "stunden", "heure", "heures", "ore", "ora", "hora", "horas",
        "uur", "uren", "godz", "godzin", "godziny", "godzina", "t", "timer", "tuntia",
    ]

    /// The hours `text` gives, or `nil` when it is not a workload.
    public static func hours(from text: String) -> Reading? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if trimmed.first == "P" || trimmed.first == "p" { return isoDuration(trimmed.uppercased()) }
        var number = trimmed
        var unit = ""
        if let unitStart = trimmed.firstIndex(where: { $0.isLetter }) {
            number = String(trimmed[..<unitStart]).trimmingWhitespace()
            unit = String(trimmed[unitStart...]).lowercased().trimmingCharacters(in: CharacterSet(charactersIn: ". "))
            guard hourUnits.contains(unit) else { return nil }
        }
        guard let value = DecimalText.number(from: number) else { return nil }
        return Reading(hours: value)
    }

    /// `PnYnMnDTnHnMnS` with only days, hours and minutes meaningful for a workload. `P60M` is 60
    /// months in ISO 8601, but real files use it for 60 hours: it is read as hours, with a note.
    static func isoDuration(_ text: String) -> Reading? {
        var hours = Decimal(0)
        var inTime = false
        var digits = ""
        var sawUnit = false
        var monthsAsHours: Decimal?
        for character in text.dropFirst() {
            switch character {
            case "T":
                inTime = true
            case "0"..."9", ".", ",":
                digits.append(character == "," ? "." : character)
            default:
                guard let value = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")), !digits.isEmpty else { return nil }
                digits = ""
                sawUnit = true
                switch (character, inTime) {
                case ("D", false): hours += value * 24
                case ("W", false): hours += value * 24 * 7
                case ("H", true): hours += value
                case ("M", true): hours += value / 60
                case ("S", true): hours += value / 3600
                case ("M", false): monthsAsHours = value
                default: return nil
                }
            }
        }
        guard sawUnit, digits.isEmpty else { return nil }
        if let months = monthsAsHours {
            guard hours == 0 else { return nil }
            return Reading(
                hours: DecimalNumber(months),
                note: "duration '\(text)' means \(months) months in ISO 8601; read as \(months) hours, as sources that write it mean")
        }
        return Reading(hours: DecimalNumber(hours))
    }
}

import Foundation
import MicrocredModel

/// Notional workload as an `xs:duration` (`PT60H`, `PT7H30M`).
///
/// `xs:duration` allows a fraction only on seconds, so 7.5 hours is written `PT7H30M`.
enum ELMDuration {
    /// What a duration read from a document says about hours.
    enum Reading: Equatable {
        /// A time of so many hours.
        case hours(DecimalNumber)
        /// Only months (`P60M`): real files use it where hours (`PT60H`) were meant.
        case months(Int)
        /// Something that is not a whole number of hours, minutes and seconds (years, days, a
        /// negative or malformed value, or minutes that are no finite decimal of hours).
        case unreadable
    }

    /// Reads `text` as hours.
    static func read(_ text: String) -> Reading {
        let text = text.trimmingWhitespace()
        if let hours = wholeNumber(text, prefix: "PT", suffix: "H") { return .hours(DecimalNumber(hours)) }
        if let months = monthsOnly(text) { return .months(months) }
        guard let parts = parse(text), !parts.negative else { return .unreadable }
        if parts.years != nil || parts.days != nil { return .unreadable }
        if let months = parts.months {
            let value = NSDecimalNumber(decimal: months).intValue
            guard parts.hours == nil, parts.minutes == nil, parts.seconds == nil, Decimal(value) == months else { return .unreadable }
            return .months(value)
        }
        let seconds = (parts.hours ?? 0) * 3600 + (parts.minutes ?? 0) * 60 + (parts.seconds ?? 0)
        let hours = seconds / 3600
        guard hours * 3600 == seconds else { return .unreadable }
        return .hours(DecimalNumber(hours))
    }

    /// The number of months of a duration that is only months (`P60M`), without building a decimal.
    static func monthsOnly(_ text: String) -> Int? {
        wholeNumber(text.trimmingWhitespace(), prefix: "P", suffix: "M")
    }

    /// The whole number between `prefix` and `suffix` (`PT60H` → 60), for the common shapes.
    private static func wholeNumber(_ text: String, prefix: String, suffix: String) -> Int? {
        guard text.hasPrefix(prefix), text.hasSuffix(suffix), text.utf8.count > prefix.utf8.count + suffix.utf8.count else { return nil }
        let digits = text.utf8.dropFirst(prefix.utf8.count).dropLast(suffix.utf8.count)
        guard digits.count <= 9, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(String(decoding: digits, as: UTF8.self))
    }

    /// The duration for `hours`, or `nil` for a negative number.
    static func text(hours: DecimalNumber) -> String? {
        let plain = hours.description
        if plain.utf8.count <= 9, plain.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return "PT\(plain)H"
        }
        let total = hours.value * 3600
        guard total >= 0 else { return nil }
        let wholeHours = rounded(total / 3600)
        let rest = total - wholeHours * 3600
        let minutes = rounded(rest / 60)
        let seconds = rest - minutes * 60
        var text = "PT\(wholeHours)H"
        if minutes > 0 { text += "\(minutes)M" }
        if seconds > 0 { text += "\(seconds)S" }
        return text
    }

    private static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, 0, .down)
        return result
    }

    private struct Parts {
        var negative = false
        var years: Decimal?
        var months: Decimal?
        var days: Decimal?
        var hours: Decimal?
        var minutes: Decimal?
        var seconds: Decimal?
    }

    /// Splits an `xs:duration` into its components; `nil` when it is not one.
    private static func parse(_ text: String) -> Parts? {
        var parts = Parts()
        var rest = Substring(text)
        if rest.hasPrefix("-") {
            parts.negative = true
            rest = rest.dropFirst()
        }
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var inTime = false
        var number = ""
        var found = false
        for character in rest {
            if character.isASCIIDigit || character == "." {
                number.append(character)
                continue
            }
            if character == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            guard !number.isEmpty, let value = Decimal(string: number, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            let hasFraction = number.contains(".")
            number = ""
            found = true
            switch (inTime, character) {
            case (false, "Y") where !hasFraction && parts.years == nil: parts.years = value
            case (false, "M") where !hasFraction && parts.months == nil: parts.months = value
            case (false, "D") where !hasFraction && parts.days == nil: parts.days = value
            case (true, "H") where !hasFraction && parts.hours == nil: parts.hours = value
            case (true, "M") where !hasFraction && parts.minutes == nil: parts.minutes = value
            case (true, "S") where parts.seconds == nil: parts.seconds = value
            default: return nil
            }
        }
        guard number.isEmpty, found else { return nil }
        return parts
    }
}

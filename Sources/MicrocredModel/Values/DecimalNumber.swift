public import Foundation

/// An exact decimal quantity (credits, hours, grades as numbers): `7.5` stays `7.5`, never a
/// binary floating-point approximation.
///
/// Written as a JSON string in the model format (`"7.5"`) so no reader can round it.
public struct DecimalNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The exact value.
    public var value: Decimal

    public init(_ value: Decimal) {
        self.value = value
    }

    public init(_ value: Int) {
        self.value = Decimal(value)
    }

    /// Parses plain decimal notation with a `.` separator (`7.5`, `-2`, `.5`, `30.`); returns `nil`
    /// for anything else, including exponents, grouping and decimal commas (normalisation handles
    /// those before this point).
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingWhitespace()
        var digits = 0
        var points = 0
        for (offset, byte) in trimmed.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-") where offset == 0, UInt8(ascii: "+") where offset == 0: break
            default: return nil
            }
        }
        guard digits > 0, points <= 1, let value = Decimal(string: trimmed, locale: Self.posix) else { return nil }
        self.value = value
    }

    /// Plain decimal notation with a `.` separator and no exponent.
    public var description: String { value.description }

    private static let posix = Locale(identifier: "en_US_POSIX")

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool { lhs.value < rhs.value }
}

extension DecimalNumber: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let number = DecimalNumber(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a decimal number: '\(text)'")
        }
        self = number
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

public import Foundation

/// An exact decimal quantity (credits, hours, grades as numbers): `7.5` stays `7.5`, never a
/// binary floating-point approximation.
///
/// Written as a JSON string in the model format (`"7.5"`) so no reader can round it.
public struct DecimalNumber: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The exact value.
    public let value: Decimal
    /// ``description``, made as the number is built from its digits: `Decimal` formats itself
    /// thousands of instructions slower, and a batch writes a number on every record.
    private let text: String?

    public init(_ value: Decimal) {
        self.value = value
        text = nil
    }

    public init(_ value: Int) {
        self.value = Decimal(value)
        text = String(value)
    }

    /// The number `significand` × 10^`exponent`, negated when `negative`.
    public init(significand: UInt64, exponent: Int, negative: Bool = false) {
        value = Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
        text = Self.plainNotation(significand: significand, exponent: exponent, negative: negative)
    }

    /// Parses plain decimal notation with a `.` separator (`7.5`, `-2`, `.5`, `30.`); returns `nil`
    /// for anything else, including exponents, grouping and decimal commas (normalisation handles
    /// those before this point).
    public init?(_ text: some StringProtocol) {
        let trimmed = text.trimmingWhitespace()
        var digits = 0
        var points = 0
        var significand: UInt64 = 0
        var fractionDigits = 0
        var negative = false
        for (offset, byte) in trimmed.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                if points == 1 { fractionDigits += 1 }
                if digits <= Self.exactDigits { significand = significand * 10 + UInt64(byte - UInt8(ascii: "0")) }
            case UInt8(ascii: "."): points += 1
            case UInt8(ascii: "-") where offset == 0: negative = true
            case UInt8(ascii: "+") where offset == 0: break
            default: return nil
            }
        }
        guard digits > 0, points <= 1 else { return nil }
        if digits <= Self.exactDigits {
            self.init(significand: significand, exponent: -fractionDigits, negative: negative)
        } else {
            guard let value = Decimal(string: trimmed, locale: Self.posix) else { return nil }
            self.init(value)
        }
    }

    /// Plain decimal notation with a `.` separator and no exponent.
    public var description: String { text ?? value.description }

    /// The number × 10^`scale` as an `Int`, when the number was built from its digits, has at
    /// most `scale` digits after the point and the result fits; `nil` otherwise. Lets callers
    /// compare exactly without `Decimal` arithmetic, which costs thousands of instructions.
    public func scaled(by scale: Int) -> Int? {
        guard let text else { return nil }
        var result = 0
        var fractionDigits: Int?
        var negative = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "."): fractionDigits = 0
            default:
                if let digits = fractionDigits {
                    guard digits < scale else { return nil }
                    fractionDigits = digits + 1
                }
                let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
                guard !overflow, case let (sum, false) = shifted.addingReportingOverflow(Int(byte - UInt8(ascii: "0"))) else { return nil }
                result = sum
            }
        }
        for _ in (fractionDigits ?? 0)..<scale {
            let (shifted, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = shifted
        }
        return negative ? -result : result
    }

    public static func == (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    public static func < (lhs: DecimalNumber, rhs: DecimalNumber) -> Bool { lhs.value < rhs.value }

    /// The most digits read into a `UInt64` significand exactly.
    private static let exactDigits = 18

    private static let posix = Locale(identifier: "en_US_POSIX")

    /// `significand` × 10^`exponent` as `Decimal` describes it: no exponent, no trailing zeros
    /// after the point, no point without a fraction, `0` for zero whatever its sign.
    static func plainNotation(significand: UInt64, exponent: Int, negative: Bool) -> String {
        guard significand != 0 else { return "0" }
        var significand = significand
        var exponent = exponent
        while exponent < 0, significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        let digits = String(significand)
        let sign = negative ? "-" : ""
        if exponent >= 0 { return sign + digits + String(repeating: "0", count: exponent) }
        let fraction = -exponent
        if fraction < digits.count {
            let point = digits.index(digits.endIndex, offsetBy: -fraction)
            return sign + digits[..<point] + "." + digits[point...]
        }
        return sign + "0." + String(repeating: "0", count: fraction - digits.count) + digits
    }
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

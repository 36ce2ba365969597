import Foundation
import MicrocredModel

/// The number locale of a file: which character is the decimal separator and which (if any)
/// groups thousands.
public struct CSVNumberFormat: Sendable, Hashable {
    /// The decimal separator.
    public enum DecimalSeparator: String, Sendable, Hashable, CaseIterable {
        case point = "."
        case comma = ","
        /// Either: a single `.` or `,` is the decimal separator, and where both occur the last one
        /// is. A value that could be read both ways (`1,000`) is an error asking for the mapping
        /// to say.
        case auto
    }

    /// The decimal separator.
    public var decimal: DecimalSeparator
    /// The grouping separator (`.`, `,`, `'`, a space), removed before reading.
    public var grouping: Character?

    /// Creates a number format.
    public init(decimal: DecimalSeparator = .auto, grouping: Character? = nil) {
        self.decimal = decimal
        self.grouping = grouping
    }

    /// Why a cell is not a number.
    enum Problem: Error, Equatable {
        case notANumber
        /// `1,000`: a thousands group or a decimal fraction.
        case ambiguous
    }

    /// The number `text` stands for.
    func parse(_ text: String) -> Result<DecimalNumber, Problem> {
        var negative = false
        var digits: [UInt8] = []
        digits.reserveCapacity(text.utf8.count)
        var separators: [(byte: UInt8, position: Int)] = []
        var index = 0
        let groupingByte = grouping?.asciiValue
        let groupingIsSpace = grouping.map { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" } ?? false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { index += 1 }
            if value >= 0x30, value <= 0x39 {
                digits.append(UInt8(value))
            } else if (value == 0x2D || value == 0x2B || value == 0x2212), index == 0 {
                negative = value != 0x2B
            } else if value == 0x2E || value == 0x2C {
                if let groupingByte, UInt8(value) == groupingByte {
                    continue
                }
                separators.append((UInt8(value), digits.count))
            } else if groupingIsSpace, value == 0x20 || value == 0xA0 || value == 0x202F {
                continue
            } else if let groupingByte, value == UInt32(groupingByte) {
                continue
            } else {
                return .failure(.notANumber)
            }
        }
        guard !digits.isEmpty else { return .failure(.notANumber) }
        var fractionDigits = 0
        switch decimal {
        case .point, .comma:
            let mark = decimal == .point ? UInt8(ascii: ".") : UInt8(ascii: ",")
            let decimals = separators.filter { $0.byte == mark }
            let others = separators.filter { $0.byte != mark }
            guard decimals.count <= 1, others.isEmpty else { return .failure(.notANumber) }
            if let point = decimals.first { fractionDigits = digits.count - point.position }
        case .auto:
            if separators.isEmpty { break }
            let last = separators[separators.count - 1]
            let sameAsLast = separators.filter { $0.byte == last.byte }
            if sameAsLast.count > 1 {
                // `1.234.567`: grouping only, if the groups have three digits.
                guard separators.allSatisfy({ $0.byte == last.byte }), Self.isGrouped(separators.map(\.position), digits.count)
                else { return .failure(.notANumber) }
                break
            }
            let earlier = separators.dropLast()
            if !earlier.isEmpty {
                // `1.234,5`: the earlier kind groups, the last separator is the decimal one.
                guard Self.isGrouped(earlier.map(\.position), last.position) else { return .failure(.notANumber) }
            } else if digits.count - last.position == 3, last.position > 0, !(last.position == 1 && digits[0] == 0x30) {
                return .failure(.ambiguous)
            }
            fractionDigits = digits.count - last.position
        }
        guard let number = Self.decimal(digits: digits, fractionDigits: fractionDigits, negative: negative) else {
            return .failure(.notANumber)
        }
        return .success(number)
    }

    /// Whether separators at digit positions `positions` group an integer part of `length` digits
    /// in threes.
    private static func isGrouped(_ positions: [Int], _ length: Int) -> Bool {
        guard let first = positions.first, first >= 1, first <= 3 else { return false }
        var previous = first
        for position in positions.dropFirst() {
            guard position - previous == 3 else { return false }
            previous = position
        }
        return length - previous == 3
    }

    private static func decimal(digits: [UInt8], fractionDigits: Int, negative: Bool) -> DecimalNumber? {
        if digits.count <= 18 {
            var significand: UInt64 = 0
            for digit in digits { significand = significand * 10 + UInt64(digit - 0x30) }
            return DecimalNumber(significand: significand, exponent: -fractionDigits, negative: negative)
        }
        var text = negative ? "-" : ""
        let integer = digits.count - fractionDigits
        text += String(decoding: digits[0..<integer], as: UTF8.self)
        if fractionDigits > 0 { text += "." + String(decoding: digits[integer...], as: UTF8.self) }
        return DecimalNumber(text)
    }

    /// `number` written with this format's decimal separator (`.` for `auto`), without grouping.
    func format(_ number: DecimalNumber) -> String {
        let text = number.description
        return decimal == .comma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// The integer `text` stands for (an EQF level), accepting `6`, `6.0` and `6,0`.
    func parseInteger(_ text: String) -> Int? {
        if let value = Int(text) { return value }
        guard case .success(let number) = parse(text) else { return nil }
        var rounded = Decimal()
        var value = number.value
        NSDecimalRound(&rounded, &value, 0, .plain)
        guard rounded == number.value else { return nil }
        return NSDecimalNumber(decimal: rounded).intValue
    }
}

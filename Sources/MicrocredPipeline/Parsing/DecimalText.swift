import Foundation
public import MicrocredModel

/// Reads decimal numbers as spreadsheets in European locales write them: a decimal comma or
/// point (`7,5`, `7.5`), grouping with spaces, apostrophes, or the other separator when both
/// appear (`1.234,5`, `1,234.5`), and a trailing unit word dropped (`7,5 ECTS`, `6 cr`).
public enum DecimalText {
    /// Which character separates decimals, when the source says.
    public enum Separator: Sendable {
        case point
        case comma
        /// The last `.` or `,` is the decimal separator when both appear; a lone point is decimal;
        /// a lone comma is decimal unless it looks like grouping (`1,000`: three digits after, one
        /// to three before, not starting with zero). Mappings that know the locale say so.
        case automatic
    }

    /// The number `text` gives, or `nil`.
    public static func number(from text: String, separator: Separator = .automatic) -> DecimalNumber? {
        var body = text.trimmingWhitespace()
        if let unitStart = body.firstIndex(where: { $0.isLetter }) {
            body = String(body[..<unitStart]).trimmingWhitespace()
        }
        body.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" || $0 == "'" || $0 == "’" }
        guard !body.isEmpty else { return nil }
        let hasComma = body.contains(",")
        let hasPoint = body.contains(".")
        let decimalMark: Character?
        switch separator {
        case .point: decimalMark = "."
        case .comma: decimalMark = ","
        case .automatic:
            if hasComma && hasPoint {
                decimalMark = body.lastIndex(of: ",")! > body.lastIndex(of: ".")! ? "," : "."
            } else if hasComma || hasPoint {
                let mark: Character = hasComma ? "," : "."
                let parts = body.split(separator: mark, omittingEmptySubsequences: false)
                let integerDigits = parts[0].filter(\.isNumber)
                let looksGrouped =
                    parts.count > 2
                    || (mark == "," && parts.count == 2 && parts[1].count == 3 && (1...3).contains(integerDigits.count)
                        && !integerDigits.hasPrefix("0"))
                decimalMark = looksGrouped ? nil : mark
            } else {
                decimalMark = nil
            }
        }
        var plain = ""
        for character in body {
            if character == decimalMark {
                plain.append(".")
            } else if character == "," || character == "." {
                continue
            } else {
                plain.append(character)
            }
        }
        return DecimalNumber(plain)
    }
}

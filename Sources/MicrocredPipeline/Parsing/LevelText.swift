import Foundation
public import MicrocredModel

/// Reads an EQF level from the ways sources write it: `6`, `Level 6`, `EQF 6`, `EQF-Niveau 6`,
/// `niveau 6`, Roman numerals (`VI`), the EU concept IRI, or a QF-EHEA cycle (`second cycle` →
/// EQF 7).
public enum LevelText {
    static let romanNumerals = ["I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8]

    /// The EQF level `text` names, or `nil`.
    public static func eqf(from text: String, vocabularies: Vocabularies?) -> Int? {
        let trimmed = text.trimmingWhitespace()
        if let level = vocabularies?.eqfLevel(trimmed) { return level }
        let words = trimmed.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" }).map(String.init)
        guard let last = words.last else { return nil }
        if let number = Int(last), (1...8).contains(number) { return number }
        if let number = romanNumerals[last.uppercased()] { return number }
        if let cycle = vocabularies?.qfEheaCycle(trimmed), let level = cycle.concept["eqf_level"].flatMap(Int.init) { return level }
        return nil
    }
}

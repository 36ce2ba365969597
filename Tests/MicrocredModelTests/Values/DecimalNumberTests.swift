import Foundation
import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite struct DecimalNumberTests {
    @Test(arguments: [("7.5", "7.5"), ("0.1", "0.1"), ("30", "30"), ("-2.25", "-2.25"), ("7.50", "7.5"), (".5", "0.5"), ("-0", "0"), ("-0.50", "-0.5"), ("+5", "5"), ("007", "7"),
        ("30.", "30"), ("0.000", "0"), ("0.0001", "0.0001"), ("123456789012345678", "123456789012345678"), ("12345678901234567890.123", "12345678901234567890.123")])
    func keepsExactValues(text: String, canonical: String) throws {
        #expect(try #require(DecimalNumber(text)).description == canonical)
    }

    @Test(arguments: ["7,5", "1e3", "", "abc", "1.2.3", "--1", "1 000"])
    func refusesWhatNormalisationMustHandle(text: String) {
        #expect(DecimalNumber(text) == nil)
    }

    /// Numbers built from their digits describe themselves as `Decimal` does (they keep their own
    /// text rather than asking `Decimal`, which is slow), and parsing agrees with `Decimal`.
    @Test func describesItselfAsDecimalDoes() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...18, using: &random)
            var significand = UInt64.random(in: 0..<UInt64(pow(10, Double(digits))), using: &random)
            if random.chance(0.3) { significand -= significand % 1000 }
            let exponent = Int.random(in: -20...4, using: &random)
            let negative = random.chance(0.3)
            let number = DecimalNumber(significand: significand, exponent: exponent, negative: negative)
            #expect(number.description == number.value.description, "\(significand)e\(exponent)")
            #expect(number == DecimalNumber(number.value))

            guard exponent <= 0 else { continue }
            var text = String(significand)
            if exponent < 0 {
                text = String(repeating: "0", count: max(0, -exponent - text.count + 1)) + text
                text.insert(".", at: text.index(text.endIndex, offsetBy: exponent))
            }
            if negative { text = "-" + text }
            let parsed = try #require(DecimalNumber(text))
            let expected = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
            #expect(parsed.value == expected && parsed.description == expected.description, "\(text)")
        }
    }

    @Test(arguments: [("7.5", 6, 7_500_000), ("-2.25", 2, -225), ("30", 0, 30), ("0.1234567", 6, nil), ("0.000001", 6, 1),
                      ("123456789012345678", 6, nil)] as [(String, Int, Int?)])
    func scalesToWholeNumbers(text: String, scale: Int, expected: Int?) throws {
        #expect(try #require(DecimalNumber(text)).scaled(by: scale) == expected)
    }

    @Test func onlyNumbersWithTheirDigitsScale() {
        #expect(DecimalNumber(Decimal(string: "7.5")!).scaled(by: 6) == nil, "no text: the caller uses Decimal")
        #expect(DecimalNumber(12).scaled(by: 2) == 1200)
    }

    @Test func sumsWithoutBinaryError() throws {
        let tenth = try #require(DecimalNumber("0.1"))
        let sum = DecimalNumber(tenth.value + tenth.value + tenth.value)
        #expect(sum == DecimalNumber("0.3"))
    }
}

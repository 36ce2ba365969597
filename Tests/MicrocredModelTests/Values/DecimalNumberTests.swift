import MicrocredModel
import Testing

@Suite struct DecimalNumberTests {
    @Test(arguments: [("7.5", "7.5"), ("0.1", "0.1"), ("30", "30"), ("-2.25", "-2.25"), ("7.50", "7.5"), (".5", "0.5"), ("12345678901234567890.123", "12345678901234567890.123")])
    func keepsExactValues(text: String, canonical: String) throws {
        #expect(try #require(DecimalNumber(text)).description == canonical)
    }

    @Test(arguments: ["7,5", "1e3", "", "abc", "1.2.3", "--1", "1 000"])
    func refusesWhatNormalisationMustHandle(text: String) {
        #expect(DecimalNumber(text) == nil)
    }

    @Test func sumsWithoutBinaryError() throws {
        let tenth = try #require(DecimalNumber("0.1"))
        let sum = DecimalNumber(tenth.value + tenth.value + tenth.value)
        #expect(sum == DecimalNumber("0.3"))
    }
}

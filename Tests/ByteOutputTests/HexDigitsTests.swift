import ByteOutput
import Testing

@Suite struct HexDigitsTests {
    @Test func everyNibbleIsItsLowercaseDigit() {
        let digits = (0..<16).map { HexDigits.lowercase(UInt8($0)) }
        #expect(String(decoding: digits, as: UTF8.self) == (0..<16).map { String($0, radix: 16) }.joined())
    }
}

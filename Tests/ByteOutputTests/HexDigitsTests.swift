import ByteOutput
import Testing

@Suite struct HexDigitsTests {
    @Test func everyNibbleIsItsLowercaseDigit() {
        let digits = (0..<16).map { HexDigits.lowercase(UInt8($0)) }
        #expect(String(decoding: digits, as: UTF8.self) == (0..<16).map { String($0, radix: 16) }.joined())
    }

    @Test func bytesAreSpelledAfterThePrefixWithTheHyphensAsked() {
        let bytes: [UInt8] = [0x00, 0x0F, 0xA5, 0xFF, 0x10]
        let prefix = Array("urn:x:".utf8)
        let text = bytes.withUnsafeBytes { bytes in
            prefix.withUnsafeBytes { HexDigits.text(of: bytes, after: $0, hyphensBefore: [1, 3]) }
        }
        #expect(text == "urn:x:00-0fa5-ff10")
        #expect(bytes.withUnsafeBytes { HexDigits.text(of: $0) } == "000fa5ff10")
    }
}

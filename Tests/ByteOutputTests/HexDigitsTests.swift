import ByteOutput
import MicrocredTestSupport
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

    /// Random bytes (up to 80, beyond the 64 offsets held as bits) with random hyphen offsets,
    /// repeated ones and ones past the end among them, are spelled as the plain definition says.
    @Test func spellsRandomBytesWithRandomHyphens() {
        var random = SeededRandom(seed: 3)
        for _ in 0..<500 {
            let bytes = (0..<Int.random(in: 0...80, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            let hyphens = (0..<Int.random(in: 0...6, using: &random)).map { _ in Int.random(in: -2...90, using: &random) }
            var expected = "id:"
            for (offset, byte) in bytes.enumerated() {
                if hyphens.contains(offset) { expected += "-" }
                expected += String(byte >> 4, radix: 16) + String(byte & 0x0F, radix: 16)
            }
            let text = bytes.withUnsafeBytes { bytes in
                Array("id:".utf8).withUnsafeBytes { HexDigits.text(of: bytes, after: $0, hyphensBefore: hyphens) }
            }
            #expect(text == expected, "\(bytes) \(hyphens)")
        }
    }
}

import Testing

@testable import XMLSupport

/// The quick check of names made of ASCII only, against the characters an XML name without a
/// colon may hold in ASCII: a letter or `_` first, then also digits, `-` and `.`.
@Suite struct PlainNameTests {
    private static func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    @Test func passesExactlyTheNameCharactersOfASCII() {
        for byte in UInt8(0)...255 {
            let first = byte < 128 && (Self.isLetter(byte) || byte == UInt8(ascii: "_"))
            let later = first || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
            #expect([byte].withUnsafeBufferPointer(XMLStreamWriter.isPlainASCIIName) == first, "\(byte) first")
            #expect([UInt8(ascii: "a"), byte, UInt8(ascii: "z")].withUnsafeBufferPointer(XMLStreamWriter.isPlainASCIIName) == later, "\(byte) later")
        }
        #expect(![UInt8]().withUnsafeBufferPointer(XMLStreamWriter.isPlainASCIIName))
    }
}

import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite struct LocalizedTextTests {
    /// A text is blank when every character is white space, as `Character.isWhitespace` says
    /// (a space carrying a combining mark counts as white space, a mark alone does not).
    @Test func isBlankExactlyWhenEveryCharacterIsWhiteSpace() {
        let pieces = [" ", "\t", "\n", "\r\n", "\u{0B}", "\u{1C}", "\u{A0}", "\u{2003}", "\u{3000}", "\u{301}", "a", "é", "-", ""]
        var random = SeededRandom(seed: 5)
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...4, using: &random)).map { _ in random.pick(pieces) }.joined()
            #expect(LocalizedText(text).isBlank == text.allSatisfy(\.isWhitespace), "\(text.unicodeScalars.map(\.value))")
        }
        #expect(LocalizedText(entries: []).isBlank)
    }
}

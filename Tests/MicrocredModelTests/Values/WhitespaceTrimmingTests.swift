import Foundation
import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite struct WhitespaceTrimmingTests {
    @Test(arguments: [("  a b  ", "a b"), ("\t\na\r\n", "a"), ("\u{00A0}Zoë\u{2003}", "Zoë"), ("", ""), ("   ", ""), ("plain", "plain")])
    func trims(input: String, expected: String) {
        #expect(input.trimmingWhitespace() == expected)
    }

    @Test func agreesWithFoundationOnGeneratedText() {
        var random = SeededRandom(seed: 3)
        let pieces = [" ", "\t", "\n", "\u{00A0}", "\u{2009}", "a", "é", "日", "🎓", "\u{0301}", "x y"]
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...8, using: &random)).map { _ in random.pick(pieces) }.joined()
            let expected = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(text.trimmingWhitespace() == expected, "\(Array(text.unicodeScalars))")
            let slice = Substring(("<" + text + ">").unicodeScalars.dropFirst().dropLast())
            #expect(slice.trimmingWhitespace() == expected, "slice of \(Array(text.unicodeScalars))")
        }
    }
}

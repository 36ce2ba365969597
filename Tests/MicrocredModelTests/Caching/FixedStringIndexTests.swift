import MicrocredModel
import MicrocredTestSupport
import Testing

/// The fixed-list index finds exactly the listed strings, at their first position, whatever shape
/// (length and first byte) they share with other strings. (The generated words can hold a
/// combining accent, but never after the letter of a precomposed one they could also hold, so no
/// two are one text spelled two ways, and `firstIndex(of:)` is a fair oracle.)
struct FixedStringIndexTests {
    @Test
    func findsTheListedStringsAndNothingElse() {
        var random = SeededRandom(seed: 3)
        let alphabet: [String] = ["a", "b", "@", "é", "日", "A", " ", "\u{301}"]
        func word() -> String { (0..<Int.random(in: 0...5, using: &random)).map { _ in random.pick(alphabet) }.joined() }
        for _ in 0..<200 {
            let listed = (0..<Int.random(in: 0...30, using: &random)).map { _ in word() }
            let index = FixedStringIndex(listed)
            for probe in listed + (0..<30).map({ _ in word() }) {
                #expect(index.position(of: probe) == listed.firstIndex(of: probe), "\(probe.debugDescription) in \(listed)")
            }
        }
    }

    @Test
    func tellsApartStringsOfTheSameShape() {
        // Same length and first byte, and first bytes 32 apart (the shape keeps their low 5 bits).
        let index = FixedStringIndex(["name", "note", "Name", "nam\u{e9}"])
        #expect(index.position(of: "note") == 1)
        #expect(index.position(of: "Name") == 2)
        #expect(index.position(of: "nam\u{e9}") == 3)
        #expect(index.position(of: "nome") == nil)
        #expect(index.position(of: "NOTE") == nil)
        // Code point by code point: a decomposed é is another spelling, not the listed name.
        #expect(index.position(of: "name\u{301}") == nil)
    }
}

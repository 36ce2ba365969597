import MicrocredTestSupport
import Testing

@testable import XMLSupport

@Suite struct MarkupStartScanTests {
    /// What the scan must find, the slow way: the last place the opening begins and ends before the
    /// cursor, and the line breaks and characters from there up to the cursor.
    static func expected(_ opening: [UInt8], in bytes: [UInt8], cursor: Int) -> (start: Int, newlines: Int, characters: Int)? {
        guard let start = (0..<cursor).last(where: { cursor - $0 >= opening.count && Array(bytes[$0..<$0 + opening.count]) == opening })
        else { return nil }
        let span = bytes[start..<cursor]
        let newlines = span.count { $0 == 0x0A }
        return (start, newlines, span.count { $0 != 0x0A && $0 & 0xC0 != 0x80 })
    }

    @Test(arguments: ["<", "<!--", "<?"])
    func findsTheLastOpeningAndCountsWhatFollows(opening: String) {
        let opening = Array(opening.utf8)
        var random = SeededRandom(seed: 5)
        let pieces = ["a", "<", "<!", "<!--", "<?", "-", "\n", "é", "日本", "🎓", "\t", " ", "abcdefgh", "x=\"y\""].map { Array($0.utf8) }
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &random) { bytes += random.pick(pieces) }
            let cursor = Int.random(in: 0...bytes.count, using: &random)
            let found = bytes.withUnsafeBufferPointer { buffer -> (Int, Int, Int)? in
                guard let base = buffer.baseAddress else { return nil }
                return MarkupStartScan.span(opening: opening, before: base + cursor, from: base).map {
                    ($0.start - base, $0.newlines, $0.characters)
                }
            }
            let wanted = Self.expected(opening, in: bytes, cursor: cursor)
            #expect(found?.0 == wanted?.start && found?.1 == wanted?.newlines && found?.2 == wanted?.characters,
                "\(String(decoding: bytes, as: UTF8.self).debugDescription) cursor \(cursor)")
        }
    }
}

import MicrocredTestSupport
import Testing

@testable import CSVFormat

@Suite struct ScannedRecordPositionTests {
    /// The plain definition: walk the text's scalars that start before `offset`, a line break
    /// (CR, LF or CR LF) starting a new line at column 1, any other scalar moving one column on.
    private static func reference(_ offset: Int, in text: String, line: Int) -> (line: Int, column: Int) {
        var position = (line: line, column: 1)
        var index = 0
        var previous: Unicode.Scalar?
        for scalar in text.unicodeScalars where index < offset {
            index += UTF8.width(scalar)
            if scalar == "\n" || scalar == "\r" {
                if !(scalar == "\n" && previous == "\r") { position.line += 1 }
                position.column = 1
            } else {
                position.column += 1
            }
            previous = scalar
        }
        return position
    }

    /// Generated records with line breaks and characters of one to four bytes give, for every
    /// offset at which a scalar starts (and the end), the line and column the plain definition
    /// gives.
    @Test func countsLinesAndScalarsUpToEveryOffset() {
        var random = SeededRandom(seed: 47)
        let pieces = ["a", ";", "\"", "\n", "\r", "\r\n", "é", "€", "🎓", " "]
        var checked = 0
        for _ in 0..<1500 {
            let text = (0..<Int.random(in: 0...16, using: &random)).map { _ in random.pick(pieces) }.joined()
            let bytes = Array(text.utf8)
            let line = Int.random(in: 1...50, using: &random)
            var offsets = [bytes.count, bytes.count + 3]
            var offset = 0
            for scalar in text.unicodeScalars {
                offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            for offset in offsets {
                let found = ScannedRecord.position(of: offset, in: bytes, line: line)
                let expected = Self.reference(offset, in: text, line: line)
                #expect(found == expected, "\(text.debugDescription) at \(offset)")
                checked += 1
            }
        }
        #expect(checked > 10_000)
    }
}

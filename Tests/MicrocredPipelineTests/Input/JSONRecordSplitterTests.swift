import MicrocredModel
import MicrocredPipeline
import Testing

@Suite struct JSONRecordSplitterTests {
    private func split(_ text: String, chunkSize: Int = .max) throws -> [(String, Int)] {
        let splitter = JSONRecordSplitter(source: ByteSource(bytes: Array(text.utf8), name: "t", chunkSize: chunkSize))
        var pieces: [(String, Int)] = []
        while let piece = try splitter.next() { pieces.append((String(decoding: piece.bytes, as: UTF8.self), piece.line)) }
        return pieces
    }

    static let shapes: [(String, [String], [Int])] = [
        ("{\"a\":1}", ["{\"a\":1}"], [1]),
        ("\u{FEFF}{\"a\":1}\n", ["{\"a\":1}"], [1]),
        ("{\"a\":1}\n{\"b\":\"x}\\\"{\"}\n\n{\"c\":[1,{}]}\n", ["{\"a\":1}", "{\"b\":\"x}\\\"{\"}", "{\"c\":[1,{}]}"], [1, 2, 4]),
        ("[\n  {\"a\": 1},\n  {\"b\": [2]}\n]\n", ["{\"a\": 1}", "{\"b\": [2]}"], [2, 3]),
        ("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n{\n  \"c\": 2\n}", ["{\n  \"a\": {\n    \"b\": 1\n  }\n}", "{\n  \"c\": 2\n}"], [1, 6]),
        ("[]", [], []),
        ("", [], []),
        ("{\"a\":\"unterminated", ["{\"a\":\"unterminated"], [1]),
        ("{\"ok\":1}\nnot json\n{\"unclosed\": 1\n{\"ok\":2}\n", ["{\"ok\":1}", "not json", "{\"unclosed\": 1", "{\"ok\":2}"], [1, 2, 3, 4]),
    ]

    @Test(arguments: 0..<shapes.count)
    func splitsEveryShapeAtAnyChunkSize(index: Int) throws {
        let (input, expected, lines) = Self.shapes[index]
        for chunkSize in [1, 2, 3, 7, 64, Int.max] {
            let pieces = try split(input, chunkSize: chunkSize)
            #expect(pieces.map(\.0) == expected, "chunk size \(chunkSize)")
            #expect(pieces.map(\.1) == lines, "chunk size \(chunkSize)")
        }
    }

    @Test(arguments: ["[{\"a\":1}", "[{\"a\":1}] x"])
    func refusesInputsThatCannotBeSplit(text: String) {
        #expect(throws: JSONSplitError.self) { try split(text) }
    }

    @Test func piecesParseAsTheirJSON() throws {
        let pieces = try split("[{\"a\":[1,2]},{\"b\":{\"c\":\"]\"}}]")
        #expect(try pieces.map { try JSONParser.parse($0.0) } == [
            .object([JSONMember("a", .array([.number("1"), .number("2")]))]),
            .object([JSONMember("b", .object([JSONMember("c", "]")]))]),
        ])
    }
}

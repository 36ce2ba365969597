import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
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

    /// Records with long strings full of brackets, quotes, escapes and line breaks, as JSON Lines
    /// and as an indented top-level array, split at random chunk sizes: every record comes back
    /// as written, with the line it starts on.
    @Test func splitsGeneratedRecordsAtRandomChunkSizes() throws {
        var random = SeededRandom(seed: 3)
        let pieces = ["plain text ", "a", "{", "}", "[", "]", ",", "\"", "\\", "\n", "\t", "é", "🎓", "\u{1}"]
        func text() -> String {
            (0..<Int.random(in: 0...30, using: &random)).map { _ in random.chance(0.6) ? "abcdefgh" : random.pick(pieces) }.joined()
        }
        for _ in 0..<200 {
            let records: [JSONValue] = (0..<Int.random(in: 1...5, using: &random)).map { _ in
                .object([
                    JSONMember(text(), .string(text())),
                    JSONMember("list", .array([.string(text()), .object([JSONMember("inner", .string(text()))])])),
                ])
            }
            let lines = records.map { JSONSerializer().string($0) }
            let pretty = records.map { JSONSerializer(indent: 2).string($0) }
            var prettyLines: [Int] = []
            var next = 2
            for record in pretty {
                prettyLines.append(next)
                next += record.count { $0 == "\n" } + 1
            }
            for (input, expected, starts) in [
                (lines.joined(separator: "\n") + "\n", lines, Array(1...lines.count)),
                ("[\n" + pretty.joined(separator: ",\n") + "\n]\n", pretty, prettyLines),
            ] {
                let chunkSize = random.pick([1, 5, 8, 13, 100, 4096])
                let split = try split(input, chunkSize: chunkSize)
                #expect(split.map(\.0) == expected, "chunk size \(chunkSize)")
                #expect(split.map(\.1) == starts, "chunk size \(chunkSize)")
            }
        }
    }

    @Test(arguments: ["[{\"a\":1}", "[{\"a\":1}] x"])
    func refusesInputsThatCannotBeSplit(text: String) {
        #expect(throws: JSONSplitError.self) { try split(text) }
    }

    /// A record one byte over the size limit is refused and one at the limit is not, whether it
    /// arrives whole or in chunks of any size (around the limit too), as a JSON Lines record or in
    /// an array.
    @Test func refusesARecordOverTheLimitHoweverItArrives() throws {
        let limit = 1000
        for size in [limit - 1, limit, limit + 1] {
            var record = [UInt8](repeating: UInt8(ascii: "a"), count: size)
            record[0] = UInt8(ascii: "\"")
            record[size - 1] = UInt8(ascii: "\"")
            for (before, after) in [("", "\n{}\n"), ("[", ",{}]")] {
                for chunkSize in [1, 7, limit - 1, limit, limit + 1, Int.max] {
                    let bytes = Array(before.utf8) + record + Array(after.utf8)
                    let splitter = JSONRecordSplitter(source: ByteSource(bytes: bytes, name: "t", chunkSize: chunkSize), recordSizeLimit: limit)
                    if size > limit {
                        let error = #expect(throws: JSONSplitError.self, "size \(size), chunks of \(chunkSize)") { try splitter.next() }
                        #expect(error?.message == "a record is larger than 1000 bytes")
                    } else {
                        #expect(try splitter.next()?.bytes.count == size, "size \(size), chunks of \(chunkSize)")
                        #expect(try splitter.next()?.bytes == Array("{}".utf8))
                    }
                }
            }
        }
        #expect(JSONRecordSplitter(source: ByteSource(bytes: [], name: "t")).recordSizeLimit == 64 * 1024 * 1024)
    }

    @Test func piecesParseAsTheirJSON() throws {
        let pieces = try split("[{\"a\":[1,2]},{\"b\":{\"c\":\"]\"}}]")
        #expect(try pieces.map { try JSONParser.parse($0.0) } == [
            .object([JSONMember("a", .array([.number("1"), .number("2")]))]),
            .object([JSONMember("b", .object([JSONMember("c", "]")]))]),
        ])
    }
}

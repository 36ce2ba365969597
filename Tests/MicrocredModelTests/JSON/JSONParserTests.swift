import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite struct JSONParserTests {
    @Test func keepsMemberOrderAndNumberLexemes() throws {
        let text = #"{"z":1,"a":[7.50,-0,1e3,true,null],"m":{"é":"\u00e9\n"}}"#
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.map(\.key) == ["z", "a", "m"])
        #expect(value["a"] == .array([.number("7.50"), .number("-0"), .number("1e3"), .bool(true), .null]))
        #expect(value["m"]?["é"] == .string("é\n"))
        #expect(JSONSerializer().string(value) == #"{"z":1,"a":[7.50,-0,1e3,true,null],"m":{"é":"é\n"}}"#)
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONParser.parse(#""\ud83c\udf93""#) == .string("🎓"))
    }

    @Test(arguments: [
        ("{\"a\":1,}", 1, 8),
        ("[1 2]", 1, 4),
        ("{\n  \"a\": tru\n}", 2, 8),
        ("\"unterminated", 1, 1),
        ("{\"a\":1} x", 1, 9),
        ("\"\\ud800\"", 1, 8),
        ("01", 1, 2),
    ])
    func reportsWhereTheProblemIs(text: String, line: Int, column: Int) {
        #expect {
            try JSONParser.parse(text)
        } throws: { error in
            guard let error = error as? JSONSyntaxError else { return false }
            return error.line == line && error.column == column
        }
    }

    @Test func refusesNestingBeyondTheLimit() {
        let deep = String(repeating: "[", count: JSONParser.maximumDepth + 1) + String(repeating: "]", count: JSONParser.maximumDepth + 1)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse(deep) }
        let allowed = String(repeating: "[", count: JSONParser.maximumDepth) + String(repeating: "]", count: JSONParser.maximumDepth)
        #expect(throws: Never.self) { try JSONParser.parse(allowed) }
    }

    @Test func serializeThenParseIsIdentityOnGeneratedValues() throws {
        var random = SeededRandom(seed: 42)
        for _ in 0..<500 {
            let value = Self.randomValue(depth: 0, using: &random)
            for serializer in [JSONSerializer(), JSONSerializer(indent: 2)] {
                #expect(try JSONParser.parse(serializer.serialize(value)) == value)
            }
        }
    }

    @Test func escapesControlCharacters() {
        #expect(JSONSerializer().string(.string("a\u{01}\"\\\t")) == #""a\u0001\"\\\t""#)
    }

    /// Strings long enough for the word-at-a-time scan, with characters to escape at every
    /// position, against a byte-by-byte reference.
    @Test func escapesLikeAByteByByteReferenceAtEveryPosition() throws {
        var random = SeededRandom(seed: 7)
        let pieces: [String] = ["a", "Z", " ", "\"", "\\", "/", "\u{7F}", "é", "日", "🎓", "\n", "\t", "\r", "\u{0}", "\u{1F}", "\u{10}"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 0...40, using: &random)).map { _ in
                random.chance(0.85) ? random.pick(Array(pieces.prefix(3))) : random.pick(pieces)
            }.joined()
            let written = JSONSerializer().serialize(.string(text))
            #expect(written == Self.referenceEscaped(text), "\(text.debugDescription)")
            #expect(try JSONParser.parse(written) == .string(text))
        }
    }

    private static func referenceEscaped(_ text: String) -> [UInt8] {
        var output: [UInt8] = [0x22]
        for byte in text.utf8 {
            switch byte {
            case 0x22: output += Array(#"\""#.utf8)
            case 0x5C: output += Array(#"\\"#.utf8)
            case 0x0A: output += Array(#"\n"#.utf8)
            case 0x0D: output += Array(#"\r"#.utf8)
            case 0x09: output += Array(#"\t"#.utf8)
            case 0..<0x20:
                let hex = String(byte, radix: 16)
                output += Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
            default: output.append(byte)
            }
        }
        return output + [0x22]
    }

    static func randomValue(depth: Int, using random: inout SeededRandom) -> JSONValue {
        let strings = ["", "plain", "quote \" and \\ backslash", "línea\nnueva", "日本語", "\u{7}bell", "🎓"]
        switch Int.random(in: 0..<(depth > 3 ? 4 : 6), using: &random) {
        case 0: return .null
        case 1: return .bool(random.chance(0.5))
        case 2: return .number(random.pick(["0", "-12", "7.5", "1e-3", "123456789012345678901234567890"]))
        case 3: return .string(random.pick(strings))
        case 4:
            return .array((0..<Int.random(in: 0...4, using: &random)).map { _ in randomValue(depth: depth + 1, using: &random) })
        default:
            return .object(
                (0..<Int.random(in: 0...4, using: &random)).map { index in
                    JSONMember(random.pick(strings) + "\(index)", randomValue(depth: depth + 1, using: &random))
                })
        }
    }
}

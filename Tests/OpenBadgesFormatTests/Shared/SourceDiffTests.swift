import MicrocredModel
import Testing
@testable import OpenBadgesFormat

/// Unmapped fields found by comparing a source with its rendition, and put back by the overlay.
struct SourceDiffTests {
    static func json(_ text: String) throws -> JSONValue { try JSONParser.parse(text) }

    @Test func escapesPointerTokens() {
        #expect(JSONPointer.appending("/a", "b/c~d") == "/a/b~1c~0d")
        #expect(JSONPointer.tokens("/a/b~1c~0d") == ["a", "b/c~d"])
        #expect(JSONPointer.tokens("") == [])
        #expect(JSONPointer.tokens("a") == nil)
    }

    @Test func recordsMembersAndElementsTheRenditionLacks() throws {
        let source = try Self.json(#"{"a":1,"b":{"c":"x","d":[1,2]},"list":[{"id":"u1","n":1},{"id":"u2","n":2,"extra":true}],"e":"only"}"#)
        let rendered = try Self.json(#"{"a":1,"b":{"c":"y"},"list":[{"id":"u2","n":2},{"id":"u1","n":1}]}"#)
        let fields = SourceDiff.unmapped(source: source, rendered: rendered, format: "t")
        #expect(fields.map(\.path) == ["/b/c", "/b/d", "/list/0/extra", "/e"])
        var rebuilt = rendered
        let leftovers = UnmappedOverlay.apply(fields, format: "t", to: &rebuilt)
        #expect(leftovers.isEmpty)
        #expect(rebuilt["b"] == source["b"])
        #expect(rebuilt["e"] == source["e"])
        #expect(rebuilt["list"]?.listValue.first { $0["id"] == "u2" } == source["list"]?.listValue[1])
    }

    @Test func appendsUnmatchedElementsAfterTheRenditionsOwn() throws {
        let source = try Self.json(#"{"t":["A","X","B"]}"#)
        let rendered = try Self.json(#"{"t":["A","B","C"]}"#)
        let fields = SourceDiff.unmapped(source: source, rendered: rendered, format: "t")
        #expect(fields == [UnmappedField(format: "t", path: "/t/3", value: "X")])
        var rebuilt = rendered
        _ = UnmappedOverlay.apply(fields, format: "t", to: &rebuilt)
        #expect(rebuilt["t"] == .array(["A", "B", "C", "X"]))
    }

    @Test func keepsNumberLexemes() throws {
        let fields = SourceDiff.unmapped(source: try Self.json(#"{"n":36.0}"#), rendered: try Self.json(#"{"n":36}"#), format: "t")
        #expect(fields == [UnmappedField(format: "t", path: "/n", value: .number("36.0"))])
    }

    @Test func handsBackFieldsThatCannotBePlaced() throws {
        var document = try Self.json(#"{"s":"text"}"#)
        let field = UnmappedField(format: "t", path: "/s/x", value: .integer(1))
        #expect(UnmappedOverlay.apply([field], format: "t", to: &document) == [field])
        #expect(document == (try Self.json(#"{"s":"text"}"#)))
    }
}

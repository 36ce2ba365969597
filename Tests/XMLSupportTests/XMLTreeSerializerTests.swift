import CLibXML2
import MicrocredTestSupport
import Testing
import XMLSupport

/// The Swift serializer against libxml2's writer (through ``XMLStreamWriter``), which is the
/// reference: the same bytes for the same tree, in every layout, and the same errors.
@Suite struct XMLTreeSerializerTests {
    static let namespaces = ["http://data.europa.eu/snb", "http://a.example/?x=1&y=2", "urn:x", ""]
    static let pieces = [
        "plain", "a&b", "<tag>", "\"quoted\"", "'", "\t", "\n", "\r", "\r\n", "é", "日本語", "🎓", " ", "", "]]>", "&amp;",
        "\u{7F}", "\u{85}", "\u{2028}", "\u{FFFD}", "\u{EFFF}", "a run of plain text longer than a word", "eight by",
    ]

    @Test func writesTheBytesLibxml2Writes() throws {
        var random = SeededRandom(seed: 31)
        for _ in 0..<400 {
            let tree = Self.tree(depth: 0, using: &random)
            for indent in [false, true] {
                for declaration in [false, true] {
                    let expected = try Self.reference(tree, indent: indent, declaration: declaration)
                    let written = try XMLTreeSerializer(indent: indent).serialize(tree, declaration: declaration)
                    #expect(written == expected, "indent \(indent), declaration \(declaration):\n\(String(decoding: expected, as: UTF8.self))")
                    if declaration { #expect(try readEvents(written).first?.localName == tree.localName) }
                }
            }
        }
    }

    @Test(arguments: [
        XMLElement(localName: "1a"),
        XMLElement(localName: "a", prefix: "b c"),
        XMLElement(localName: "a", attributes: [XMLAttribute(localName: "x", value: "bell \u{7}")]),
        XMLElement(localName: "a", children: [.text("ok"), .element(XMLElement(localName: "b", children: [.text("\u{FFFE}")]))]),
        XMLElement(
            localName: "a",
            namespaceDeclarations: [XMLNamespaceDeclaration(prefix: "p", uri: "urn:1"), XMLNamespaceDeclaration(prefix: "p", uri: "urn:2")]),
        XMLElement(localName: "a", attributes: [XMLAttribute(localName: "", value: "")]),
        XMLElement(localName: "a", attributes: [XMLAttribute(localName: "x", value: "a value longer than a word \u{FFFF}")]),
        XMLElement(localName: "a", children: [.text("a text longer than one word, then \u{1B} escape")]),
        XMLElement(localName: "a", namespaceDeclarations: [XMLNamespaceDeclaration(prefix: "p", uri: "urn:\u{0}")]),
    ])
    func refusesWhatLibxml2WriterRefuses(_ tree: XMLElement) throws {
        let expected = #expect(throws: XMLError.self) { try Self.reference(tree, indent: true, declaration: false) }
        let refused = #expect(throws: XMLError.self) { try XMLTreeSerializer(indent: true).serialize(tree) }
        #expect(refused?.issue.code == expected?.issue.code)
        #expect(refused?.issue.message == expected?.issue.message)
    }

    /// The serializer accepts exactly the names libxml2's own NCName rule (`xmlValidateNCName`)
    /// accepts, except a name holding a NUL, which libxml2 reads only up to and the serializer
    /// refuses; it writes them as libxml2's writer does. (Names made of ASCII letters, digits, `_`,
    /// `-` and `.` are checked in Swift, the others by libxml2.)
    @Test func acceptsTheNamesLibxml2Accepts() throws {
        let characters = Array("aZ_-.09:@ /\u{7F}é\u{0}Ωz`[{^]~\\")
        var random = SeededRandom(seed: 5)
        var accepted = 0
        for _ in 0..<3000 {
            let name = String((0..<Int.random(in: 0...4, using: &random)).map { _ in random.pick(characters) })
            let isName = !name.isEmpty && !name.contains("\u{0}") && xmlValidateNCName(name, 0) == 0
            let tree = XMLElement(localName: "a", attributes: [XMLAttribute(localName: name, value: "v")], children: [.element(XMLElement(localName: name))])
            switch Result(catching: { () throws(XMLError) in try XMLTreeSerializer().serialize(tree) }) {
            case .success(let written):
                #expect(isName, "'\(name)' is written")
                if isName { #expect(written == (try Self.reference(tree, indent: false, declaration: false)), "'\(name)'") }
                accepted += 1
            case .failure(let refused):
                #expect(!isName, "'\(name)' is refused")
                #expect(refused.issue.code == XMLIssue.Code.invalidName)
            }
        }
        #expect(accepted > 200, "the names tried include enough that are written")
    }

    private static func reference(_ tree: XMLElement, indent: Bool, declaration: Bool) throws -> [UInt8] {
        let writer = try XMLStreamWriter(indent: indent)
        if declaration { try writer.startDocument() }
        try writer.write(tree)
        return try writer.finish()
    }

    /// A tree whose root declares every prefix used below it, so that it reads back.
    static func tree(depth: Int, using random: inout SeededRandom) -> XMLElement {
        let prefixes: [String?] = [nil, nil, nil, "cred", "p"]
        var element = XMLElement(
            localName: random.pick(["a", "credential", "x-y", "_n.1", "名前", "learningOutcome"]), prefix: random.pick(prefixes))
        if depth == 0 {
            element.namespaceDeclarations = [
                XMLNamespaceDeclaration(prefix: nil, uri: random.pick(namespaces)),
                XMLNamespaceDeclaration(prefix: "cred", uri: random.pick(namespaces.dropLast())),
                XMLNamespaceDeclaration(prefix: "p", uri: "urn:p"),
            ]
            if random.chance(0.3) { element.namespaceDeclarations.append(XMLNamespaceDeclaration(prefix: "p", uri: "urn:p")) }
        } else if random.chance(0.2) {
            element.namespaceDeclarations = [XMLNamespaceDeclaration(prefix: random.pick([nil, "q"]), uri: random.pick(namespaces.dropLast()))]
        }
        let names = ["id", "idref", "uri", "lang", "targetFrameworkUrl"].shuffled(using: &random).prefix(Int.random(in: 0...3, using: &random))
        element.attributes = names.map { name in
            XMLAttribute(localName: name, prefix: random.chance(0.2) ? "cred" : nil, value: text(using: &random))
        }
        guard depth < 4 else { return element }
        for _ in 0..<Int.random(in: 0...4, using: &random) {
            if random.chance(0.6) {
                element.children.append(.element(tree(depth: depth + 1, using: &random)))
            } else {
                element.children.append(.text(random.chance(0.3) ? "\n" + String(repeating: " ", count: 2 * depth) : text(using: &random)))
            }
        }
        return element
    }

    private static func text(using random: inout SeededRandom) -> String {
        (0..<Int.random(in: 0...4, using: &random)).map { _ in random.pick(pieces) }.joined()
    }
}

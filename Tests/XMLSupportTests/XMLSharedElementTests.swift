import MicrocredTestSupport
import Testing
import XMLSupport

/// A shared element copied in by ``XMLMarkupWriter/addShared(_:)`` against the same element
/// written by the writer: the same bytes at any depth, in every layout, between any neighbours,
/// and the same error when the element cannot be written.
@Suite struct XMLSharedElementTests {
    @Test func copiesTheBytesTheWriterWouldWrite() {
        var random = SeededRandom(seed: 41)
        for _ in 0..<600 {
            let tree = XMLTreeSerializerTests.tree(depth: Int.random(in: 0...3, using: &random), using: &random)
            let shared = XMLSharedElement(tree)
            let surroundings = Surroundings(using: &random)
            for indent in [false, true] {
                for declaration in [false, true] {
                    for checksNames in [false, true] {
                        let written = Self.write(.element(tree), in: surroundings, indent: indent, declaration: declaration, checksNames: checksNames)
                        let copied = Self.write(.shared(shared), in: surroundings, indent: indent, declaration: declaration, checksNames: checksNames)
                        #expect(copied == written, "indent \(indent), declaration \(declaration), depth \(surroundings.depth)")
                    }
                }
            }
        }
    }

    /// Elements the writer refuses: the copy fails as the writer does, and only where it does (a
    /// bad name is written when names are not checked).
    @Test(arguments: [
        XMLElement(localName: "1a"),
        XMLElement(localName: "a", attributes: [XMLAttribute(localName: "x", value: "bell \u{7}")]),
        XMLElement(localName: "a", children: [.text("ok"), .element(XMLElement(localName: "b", children: [.text("\u{FFFE}")]))]),
        XMLElement(localName: "a", children: [.element(XMLElement(localName: "b c"))]),
    ])
    func failsWhereTheWriterFails(_ tree: XMLElement) {
        let shared = XMLSharedElement(tree)
        var random = SeededRandom(seed: 3)
        let surroundings = Surroundings(using: &random)
        for checksNames in [false, true] {
            for declaration in [false, true] {
                let written = Self.write(.element(tree), in: surroundings, indent: true, declaration: declaration, checksNames: checksNames)
                let copied = Self.write(.shared(shared), in: surroundings, indent: true, declaration: declaration, checksNames: checksNames)
                #expect(copied == written)
            }
        }
        let refused = Self.write(.shared(shared), in: surroundings, indent: true, declaration: false, checksNames: true)
        #expect(refused.written == nil)
    }

    @Test func indentsEveryLineOfTheCopyToItsDepth() {
        let tree = XMLElement(
            localName: "code", attributes: [XMLAttribute(localName: "uri", value: "urn:c")],
            children: [.element(XMLElement(localName: "name", children: [.text("two\nlines")]))])
        var writer = XMLMarkupWriter(indent: true)
        writer.startElement("a", namespaceURI: nil, prefix: nil)
        writer.startElement("b", namespaceURI: nil, prefix: nil)
        writer.addShared(XMLSharedElement(tree))
        writer.endElement()
        writer.endElement()
        let expected = """
            <a>
              <b>
                <code uri="urn:c">
                  <name>two
            lines</name>
                </code>
              </b>
            </a>

            """
        #expect(String(decoding: (try? writer.finish()) ?? [], as: UTF8.self) == expected)
    }

    private enum Addition {
        case element(XMLElement)
        case shared(XMLSharedElement)
    }

    /// The elements written around the one compared: open parents (with an attribute or text
    /// before it, or nothing), and what follows it.
    private struct Surroundings {
        var depth: Int
        var attributeOnParent: Bool
        var textBefore: Bool
        var textAfter: Bool
        var elementAfter: Bool

        init(using random: inout SeededRandom) {
            depth = Int.random(in: 0...4, using: &random)
            attributeOnParent = random.chance(0.5)
            textBefore = random.chance(0.3)
            textAfter = random.chance(0.3)
            elementAfter = random.chance(0.5)
        }
    }

    /// What a writer of the layout gives: the bytes (as text, which they are), or the error's
    /// code and message.
    private struct Outcome: Equatable {
        var written: String?
        var error: String?
    }

    private static func write(_ addition: Addition, in surroundings: Surroundings, indent: Bool, declaration: Bool, checksNames: Bool) -> Outcome {
        var writer = XMLMarkupWriter(indent: indent, declaration: declaration, checksNames: checksNames)
        for level in 0..<surroundings.depth {
            writer.startElement("level\(level)", namespaceURI: nil, prefix: level == 0 ? nil : "p")
            if level == 0 { writer.declareNamespace(prefix: "p", uri: "urn:p") }
            if surroundings.attributeOnParent { writer.addAttribute("id", namespaceURI: nil, prefix: nil, value: "é\(level)") }
        }
        if surroundings.textBefore, surroundings.depth > 0 { writer.addText("before ") }
        switch addition {
        case .element(let element): writer.addElement(element)
        case .shared(let shared): writer.addShared(shared)
        }
        if surroundings.textAfter, surroundings.depth > 0 { writer.addText(" after") }
        if surroundings.elementAfter {
            writer.startElement("next", namespaceURI: nil, prefix: nil)
            writer.endElement()
        }
        for _ in 0..<surroundings.depth { writer.endElement() }
        do {
            return Outcome(written: String(decoding: try writer.finish(), as: UTF8.self))
        } catch {
            return Outcome(error: "\(error.issue.code): \(error.issue.message)")
        }
    }
}

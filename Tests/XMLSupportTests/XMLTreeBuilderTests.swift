import MicrocredTestSupport
import Testing
import XMLSupport

/// ``XMLTreeBuilder`` against the trees it is given: events in (from the protocol's walk of a
/// tree), the same tree out.
@Suite struct XMLTreeBuilderTests {
    @Test func buildsTheTreeItsEventsDescribe() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let tree = XMLTreeSerializerTests.tree(depth: 0, using: &random)
            var events = Events()
            events.addElement(tree)
            #expect(events.builder.elements == [tree])
        }
    }

    @Test func keepsAnElementAddedWholeAsItIs() {
        let shared = XMLElement(localName: "code", attributes: [XMLAttribute(localName: "uri", value: "urn:x")])
        var builder = XMLTreeBuilder()
        builder.startElement("a", namespaceURI: "urn:a", prefix: nil)
        builder.addElement(shared)
        builder.addText("after")
        builder.endElement()
        builder.addShared(XMLSharedElement(shared))
        #expect(builder.elements.count == 2)
        guard case .element(let kept)? = builder.elements.first?.children.first else {
            Issue.record("the shared element is not the first child")
            return
        }
        #expect(kept.isIdentical(to: shared))
        #expect(builder.elements.first?.children.last == .text("after"))
        #expect(builder.elements.last?.isIdentical(to: shared) == true)
    }

    /// A sink that hands each event to a tree builder, and so adds a whole element as its events
    /// (the protocol's own walk).
    private struct Events: XMLContentSink {
        var builder = XMLTreeBuilder()
        mutating func startElement(_ localName: String, namespaceURI: String?, prefix: String?) {
            builder.startElement(localName, namespaceURI: namespaceURI, prefix: prefix)
        }
        mutating func declareNamespace(prefix: String?, uri: String) { builder.declareNamespace(prefix: prefix, uri: uri) }
        mutating func addAttribute(_ localName: String, namespaceURI: String?, prefix: String?, value: String) {
            builder.addAttribute(localName, namespaceURI: namespaceURI, prefix: prefix, value: value)
        }
        mutating func addText(_ text: String) { builder.addText(text) }
        mutating func endElement() { builder.endElement() }
    }
}

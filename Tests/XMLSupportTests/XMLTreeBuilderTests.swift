import MicrocredTestSupport
import Testing
import XMLSupport

/// ``XMLTreeBuilder`` against the trees it is given: events in, the same tree out.
@Suite struct XMLTreeBuilderTests {
    @Test func buildsTheTreeItsEventsDescribe() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<200 {
            let tree = XMLTreeSerializerTests.tree(depth: 0, using: &random)
            var builder = XMLTreeBuilder()
            Self.replay(tree, into: &builder)
            #expect(builder.elements == [tree])
        }
    }

    @Test func keepsAnElementAddedWholeAsItIs() {
        let shared = XMLElement(localName: "code", attributes: [XMLAttribute(localName: "uri", value: "urn:x")])
        var builder = XMLTreeBuilder()
        builder.startElement("a", namespaceURI: "urn:a", prefix: nil)
        builder.addElement(shared)
        builder.addText("after")
        builder.endElement()
        builder.addElement(shared)
        #expect(builder.elements.count == 2)
        guard case .element(let kept)? = builder.elements.first?.children.first else {
            Issue.record("the shared element is not the first child")
            return
        }
        #expect(kept.isIdentical(to: shared))
        #expect(builder.elements.first?.children.last == .text("after"))
        #expect(builder.elements.last?.isIdentical(to: shared) == true)
        #expect(XMLTreeBuilder.keepsAddedElements)
    }

    /// `element` as the events of an ``XMLContentSink``, element by element.
    private static func replay(_ element: XMLElement, into builder: inout XMLTreeBuilder) {
        builder.startElement(element.localName, namespaceURI: element.namespaceURI, prefix: element.prefix)
        for declaration in element.namespaceDeclarations { builder.declareNamespace(prefix: declaration.prefix, uri: declaration.uri) }
        for attribute in element.attributes {
            builder.addAttribute(attribute.localName, namespaceURI: attribute.namespaceURI, prefix: attribute.prefix, value: attribute.value)
        }
        for child in element.children {
            switch child {
            case .element(let inner): replay(inner, into: &builder)
            case .text(let text): builder.addText(text)
            }
        }
        builder.endElement()
    }
}

@testable import ELMFormat
import Testing
import XMLSupport

/// When two elements say the same thing: names, attributes and text element by element, whatever
/// the prefixes, namespace declarations, positions and indentation.
@Suite struct TreeEquivalenceTests {
    private static let indent: XMLElement.Child = .text("\n    ")

    private func element(_ local: String, _ children: [XMLElement.Child], attributes: [XMLAttribute] = []) -> XMLElement {
        .snb(local, attributes: attributes, children: children)
    }

    /// The comparison of two trees, checked to be symmetric, and to be what the check made as a
    /// document is written (``XMLEquivalenceSink``) finds in either direction; where
    /// `checkMayGiveUp` (mixed content, text in another Unicode form, very many attributes) the
    /// check may give up where the trees are equivalent, but never claims more.
    private func equivalent(_ lhs: XMLElement, _ rhs: XMLElement, checkMayGiveUp: Bool = false) -> Bool {
        let forth = ELMTreeEquivalence.equivalent(lhs, rhs)
        #expect(forth == ELMTreeEquivalence.equivalent(rhs, lhs), "the test is symmetric")
        for (source, written) in [(lhs, rhs), (rhs, lhs)] {
            let checked = Self.check(written, against: source)
            if checkMayGiveUp {
                #expect(!checked || forth, "the check claims an equivalence the trees do not have")
            } else {
                #expect(checked == forth, "the check while writing agrees")
            }
        }
        return forth
    }

    /// What ``XMLEquivalenceSink`` says of `written`, fed to it call by call, against `source` as
    /// read, leaving out the elements of the source that `skipped` picks.
    private static func check(
        _ written: XMLElement..., against source: XMLElement, skipping skipped: (XMLRecordedTree.Element) -> Bool = { _ in false }
    ) -> Bool {
        let read = source.asRead
        var sink = XMLEquivalenceSink(source: read, skipping: read.tree.elementsInDocumentOrder.filter(skipped))
        for element in written { sink.addElement(element) }
        return sink.isEquivalent
    }

    @Test func indentationBetweenElementsIsIgnored() {
        let compact = element("title", [.element(.snb("text", text: "T")), .element(.snb("note", text: "N"))])
        let indented = element(
            "title", [Self.indent, .element(.snb("text", text: "T")), Self.indent, .element(.snb("note", text: "N")), .text("\n")])
        #expect(equivalent(compact, indented))
    }

    @Test func prefixesDeclarationsAndPositionsAreIgnored() {
        let plain = XMLElement(localName: "title", namespaceURI: ELMNamespace.snb, children: [.text("T")])
        let prefixed = XMLElement(
            localName: "title", namespaceURI: ELMNamespace.snb, prefix: "snb",
            namespaceDeclarations: [XMLNamespaceDeclaration(prefix: "snb", uri: ELMNamespace.snb)], children: [.text("T")],
            line: 12, column: 3)
        #expect(equivalent(plain, prefixed))
    }

    @Test func namesNamespacesAndAttributesCount() {
        let base = element("text", [.text("T")], attributes: [XMLAttribute(localName: "lang", value: "en")])
        #expect(!equivalent(base, element("note", [.text("T")], attributes: [XMLAttribute(localName: "lang", value: "en")])))
        #expect(!equivalent(base, XMLElement(localName: "text", namespaceURI: nil, attributes: base.attributes, children: [.text("T")])))
        #expect(!equivalent(base, element("text", [.text("T")], attributes: [XMLAttribute(localName: "lang", value: "fr")])))
        #expect(!equivalent(base, element("text", [.text("T")])))
        let reordered = element(
            "text", [.text("T")],
            attributes: [XMLAttribute(localName: "type", value: "x"), XMLAttribute(localName: "lang", value: "en")])
        let ordered = element(
            "text", [.text("T")],
            attributes: [XMLAttribute(localName: "lang", value: "en"), XMLAttribute(localName: "type", value: "x")])
        #expect(equivalent(reordered, ordered))
    }

    @Test func textIsComparedExactlyWhereThereAreNoElements() {
        #expect(equivalent(element("grade", [.text("18")]), element("grade", [.text("1"), .text("8")])))
        #expect(!equivalent(element("grade", [.text("18")]), element("grade", [.text(" 18")])))
        #expect(equivalent(element("grade", []), element("grade", [.text("")])))
        #expect(!equivalent(element("grade", []), element("grade", [.text(" ")])))
    }

    @Test func significantTextInMixedContentCounts() {
        let child: XMLElement.Child = .element(.snb("text", text: "T"))
        #expect(equivalent(element("note", [.text("a"), child]), element("note", [Self.indent, .text("a"), child, Self.indent]), checkMayGiveUp: true))
        #expect(!equivalent(element("note", [.text("a"), child]), element("note", [.text("b"), child]), checkMayGiveUp: true))
        #expect(!equivalent(element("note", [.text("a"), child]), element("note", [child]), checkMayGiveUp: true))
        #expect(
            !equivalent(element("note", [.text("a"), child, .text("b")]), element("note", [.text("b"), child, .text("a")]), checkMayGiveUp: true))
    }

    @Test func elementsArePairedInOrder() {
        let first: XMLElement.Child = .element(.snb("identifier", text: "A"))
        let second: XMLElement.Child = .element(.snb("identifier", text: "B"))
        #expect(equivalent(element("subject", [first, Self.indent, second]), element("subject", [first, second])))
        #expect(!equivalent(element("subject", [first, second]), element("subject", [second, first])))
        #expect(!equivalent(element("subject", [first, second]), element("subject", [first])))
        #expect(!equivalent(element("subject", [first, second]), element("subject", [first, second, second])))
        let deep = element("subject", [.element(element("name", [.element(.snb("text", text: "Ana"))]))])
        let changed = element("subject", [.element(element("name", [.element(.snb("text", text: "Ann"))]))])
        #expect(!equivalent(deep, changed))
        #expect(equivalent(deep, element("subject", [Self.indent, .element(element("name", [Self.indent, .element(.snb("text", text: "Ana"))]))])))
    }

    @Test func theCheckWhileWritingLeavesOutSkippedTopLevelElementsOnly() {
        let proof = XMLElement.snb("proof", children: [.snb("signature", text: "S")])
        let title = XMLElement.snb("title", text: "T")
        let source = XMLElement.snb("europassCredential", attributes: [], children: [Self.indent, .element(title), Self.indent, .element(proof)])
        let written = XMLElement.snb("europassCredential", children: [title])
        let isProof = { (element: XMLRecordedTree.Element) in element.localName == "proof" }
        #expect(Self.check(written, against: source, skipping: isProof))
        #expect(!Self.check(written, against: source))
        let nested = XMLElement.snb("europassCredential", children: [.snb("subject", children: [title, proof])])
        #expect(!Self.check(.snb("europassCredential", children: [.snb("subject", children: [title])]), against: nested, skipping: isProof))
    }

    @Test func theCheckWhileWritingNeedsExactlyOneElementWritten() {
        let source = XMLElement.snb("title", text: "T")
        var nothing = XMLEquivalenceSink(source: source.asRead)
        #expect(!nothing.isEquivalent)
        nothing.startElement("title", namespaceURI: ELMNamespace.snb, prefix: nil)
        nothing.addText("T")
        #expect(!nothing.isEquivalent, "an element still open")
        #expect(Self.check(source, against: source))
        #expect(!Self.check(source, source, against: source))
    }

    @Test func theCheckWhileWritingMatchesEachAttributeOnce() {
        let lang = XMLAttribute(localName: "lang", value: "en")
        let source = element("text", [.text("T")], attributes: [lang, XMLAttribute(localName: "type", value: "x")])
        #expect(!Self.check(element("text", [.text("T")], attributes: [lang, lang]), against: source))
    }

    @Test func theCheckWhileWritingGivesUpWhereTheFullComparisonIsNeeded() {
        // Text in another Unicode form: equal strings, other bytes.
        #expect(equivalent(element("text", [.text("é")]), element("text", [.text("e\u{301}")]), checkMayGiveUp: true))
        #expect(!Self.check(element("text", [.text("é")]), against: element("text", [.text("e\u{301}")])))
        // More attributes than the check keeps track of.
        let many = (0..<65).map { XMLAttribute(localName: "a\($0)", value: "\($0)") }
        #expect(equivalent(element("text", [], attributes: many), element("text", [], attributes: many.reversed()), checkMayGiveUp: true))
        #expect(!Self.check(element("text", [], attributes: many), against: element("text", [], attributes: many)))
    }

    @Test func theCheckWhileWritingSeesTextOnBothSidesOfASkippedElement() {
        let proof: XMLElement.Child = .element(.snb("proof", text: "S"))
        let isProof = { (element: XMLRecordedTree.Element) in element.localName == "proof" }
        let source = element("europassCredential", [.text("a"), proof, .text("b")])
        #expect(!Self.check(element("europassCredential", [.text("b")]), against: source, skipping: isProof))
        #expect(!Self.check(element("europassCredential", [.text("ab")]), against: source, skipping: isProof), "gives up")
        #expect(Self.check(element("europassCredential", [.text("ab")]), against: element("europassCredential", [.text("ab"), proof]), skipping: isProof))
    }
}

import Foundation
import MicrocredTestSupport
import Testing
import XMLSupport

/// A recording read in place must say of every element what its tree says, and give back that tree.
@Suite("XMLRecordedTree")
struct XMLRecordedTreeTests {
    /// Checks `element`, read in place, against `tree`, the same element as a tree: names, position,
    /// attributes, texts, children and the queries, all the way down.
    static func expectSame(_ element: XMLRecordedTree.Element, _ tree: XMLElement, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(element.localName == tree.localName, sourceLocation: sourceLocation)
        #expect(element.namespaceURI == tree.namespaceURI, sourceLocation: sourceLocation)
        #expect(element.prefix == tree.prefix, sourceLocation: sourceLocation)
        #expect(element.line == tree.line, sourceLocation: sourceLocation)
        #expect(element.column == tree.column, sourceLocation: sourceLocation)
        #expect(element.text == tree.text, sourceLocation: sourceLocation)
        #expect(
            element.hasElementChildren == tree.children.contains { if case .element = $0 { true } else { false } },
            sourceLocation: sourceLocation)
        let attributes = element.attributes.map { XMLAttribute(localName: $0.localName, namespaceURI: $0.namespaceURI, prefix: $0.prefix, value: $0.value) }
        #expect(attributes == tree.attributes, sourceLocation: sourceLocation)
        for attribute in tree.attributes {
            #expect(
                element.attribute(attribute.localName, namespaceURI: attribute.namespaceURI)
                    == tree.attribute(attribute.localName, namespaceURI: attribute.namespaceURI), sourceLocation: sourceLocation)
        }
        #expect(element.attribute("absent") == nil, sourceLocation: sourceLocation)
        #expect(Array(element.children).count == tree.children.count, sourceLocation: sourceLocation)
        for (child, treeChild) in zip(element.children, tree.children) {
            switch (child, treeChild) {
            case (.text(let text), .text(let treeText)):
                #expect(text.string == treeText, sourceLocation: sourceLocation)
                #expect(text.isSpelled(treeText), sourceLocation: sourceLocation)
                #expect(!text.isSpelled(treeText + " "), sourceLocation: sourceLocation)
                #expect(
                    text.isWhitespace == treeText.utf8.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D },
                    sourceLocation: sourceLocation)
            case (.element(let inner), .element(let treeInner)):
                expectSame(inner, treeInner, sourceLocation: sourceLocation)
            default:
                Issue.record("a text where the tree has an element, or the other way round", sourceLocation: sourceLocation)
            }
        }
        for child in tree.elements {
            let named = element.elements(named: child.localName, namespaceURI: child.namespaceURI)
            #expect(
                named.map { $0.element() } == tree.elements(named: child.localName, namespaceURI: child.namespaceURI),
                sourceLocation: sourceLocation)
            #expect(
                element.firstElement(named: child.localName, namespaceURI: child.namespaceURI)?.element()
                    == tree.firstElement(named: child.localName, namespaceURI: child.namespaceURI), sourceLocation: sourceLocation)
        }
        #expect(element.firstElement(named: tree.localName, namespaceURI: "urn:absent") == nil, sourceLocation: sourceLocation)
        #expect(element.element() == tree, sourceLocation: sourceLocation)
    }

    /// Checks every recording in `bytes` (elements named `name`), read in place, against its tree.
    static func expectSameForEveryRecording(_ bytes: [UInt8], name: XMLExpandedName, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let recordings = try XMLRecordedElementTests.recordings(bytes, name: name)
        #expect(!recordings.isEmpty, sourceLocation: sourceLocation)
        for recording in recordings {
            let tree = XMLRecordedTree(recording)
            expectSame(tree.root, recording.element(), sourceLocation: sourceLocation)
            let inOrder = tree.elementsInDocumentOrder.map { $0.element() }
            #expect(inOrder == Self.documentOrder(recording.element()), sourceLocation: sourceLocation)
            Self.expectWalkSame(tree, sourceLocation: sourceLocation)
        }
    }

    /// Checks that a walk of `tree` meets the elements in document order and says of each, and of
    /// its attributes, what the views say.
    static func expectWalkSame(_ tree: XMLRecordedTree, sourceLocation: SourceLocation = #_sourceLocation) {
        var walked: [XMLRecordedTree.Element] = []
        tree.walkElements { element in
            let view = element.element
            walked.append(view)
            #expect(element.localName == view.localName && element.namespaceURI == view.namespaceURI, sourceLocation: sourceLocation)
            var attributes: [String] = []
            element.forEachAttribute { attribute in
                attributes.append("\(attribute.localName) \(attribute.hasNamespace) \(attribute.value) \(attribute.valueHasSolidASCIIEdges)")
            }
            #expect(
                attributes == view.attributes.map { "\($0.localName) \($0.hasNamespace) \($0.value) \($0.valueHasSolidASCIIEdges)" },
                sourceLocation: sourceLocation)
        }
        #expect(walked == Array(tree.elementsInDocumentOrder), sourceLocation: sourceLocation)
    }

    /// `element` and every element inside it, in document order.
    static func documentOrder(_ element: XMLElement) -> [XMLElement] {
        [element] + element.elements.flatMap(documentOrder)
    }

    @Test(arguments: 0..<40)
    func randomTreesSayWhatTheirTreesSay(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let document = try XMLRecordedElementTests.randomDocument(random: &random)
        try Self.expectSameForEveryRecording(document.bytes, name: XMLRecordedElementTests.root)
    }

    @Test func largePositionsLongTextsAndDeclarations() throws {
        let text = String(repeating: "long text é ", count: 2_000)
        let xml =
            "<records xmlns='urn:test' xmlns:p='urn:p'>" + String(repeating: "\n", count: 20_000)
            + "<record xmlns:q='urn:q'><item q:note='a &amp; b'>" + text + "</item>\n<p:item xmlns:r='urn:r'><r:x/></p:item></record></records>"
        try Self.expectSameForEveryRecording(Array(xml.utf8), name: XMLRecordedElementTests.root)
    }

    @Test(.enabled(if: RefData.shouldRun))
    func credentialsOfTheEDCSamples() throws {
        guard let folder = try refDataURL("elm/edc-v1-xml/samples") else { return }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "xml" }
        #expect(!files.isEmpty)
        let credential = XMLExpandedName(localName: "europassCredential", namespaceURI: XMLPullReaderSubtreeTests.snb)
        for file in files {
            try Self.expectSameForEveryRecording(Array(try Data(contentsOf: file)), name: credential)
        }
    }

    @Test func aTreeRecordedComesBackWhole() throws {
        var random = SeededRandom(seed: 7)
        for _ in 0..<20 {
            let element = XMLRecordedElementTests.randomElement(depth: 0, random: &random)
            #expect(XMLRecordedElement(recording: element).element() == element)
        }
        // Text runs next to each other are joined, as reading them would.
        let split = XMLElement(localName: "a", children: [.text("x"), .text("y"), .element(XMLElement(localName: "b")), .text("z")])
        let joined = XMLElement(localName: "a", children: [.text("xy"), .element(XMLElement(localName: "b")), .text("z")])
        let recording = XMLRecordedElement(recording: split)
        #expect(recording.element() == joined)
        Self.expectSame(XMLRecordedTree(recording).root, joined)
    }

    @Test func textRunsNextToEachOtherAreOneText() throws {
        // Read event by event, the text on either side of a comment comes as two runs, which the
        // recording joins into one text, as the tree has it.
        let reader = try makeReader(Array("<r>x<!-- note -->y<b/>z<!-- note -->w</r>".utf8))
        while let event = try reader.next(), event.kind != .startElement {}
        let recording = try reader.readRecordedElement()
        let tree = XMLElement(localName: "r", children: [.text("xy"), .element(XMLElement(localName: "b", line: 1, column: 19)), .text("zw")], line: 1, column: 1)
        #expect(recording.element() == tree)
        Self.expectSame(XMLRecordedTree(recording).root, tree)
    }

    @Test func attributesSayWhetherTheyHaveANamespaceAndWhatTheirValuesAre() throws {
        let xml = "<records xmlns='urn:test' xmlns:p='urn:p'><record id='a &amp; b' p:note='é' uri=' x' e=''/></records>"
        let recording = try #require(try XMLRecordedElementTests.recordings(Array(xml.utf8)).first)
        let attributes = XMLRecordedTree(recording).root.attributes
        #expect(attributes.map(\.hasNamespace) == [false, true, false, false])
        #expect(attributes[0].hasValue("a & b"))
        #expect(!attributes[0].hasValue("a &amp; b"))
        #expect(attributes[1].hasValue("é"))
        #expect(!attributes[1].hasValue("e\u{301}"), "byte for byte, not by Unicode equivalence")
        #expect(attributes[3].hasValue(""))
        // Solid edges: nothing to trim, told from the bytes (non-ASCII edges are left to strings).
        #expect(attributes.map(\.valueHasSolidASCIIEdges) == [true, false, false, false])
    }

    @Test func textAcrossACommentIsOneTextOnTheParsersPath() throws {
        // The reader of a batch records from the parser's callbacks, where a comment ends a run
        // of text: the runs on either side are joined, and text after a child element is not
        // joined to the text inside it.
        let xml = "<records xmlns='urn:test'><record>x<!--c-->y<b>i</b>z<?pi?>w</record></records>"
        let recording = try #require(try XMLRecordedElementTests.recordings(Array(xml.utf8)).first)
        let texts = recording.element().children.map { child -> String in
            switch child {
            case .text(let text): text
            case .element(let element): "<\(element.localName)>\(element.text)"
            }
        }
        #expect(texts == ["xy", "<b>i", "zw"])
        let children = Array(XMLRecordedTree(recording).root.children)
        #expect(children.count == 3)
    }

    @Test func elementsAreTheSameOnlyThroughTheSameTree() throws {
        let element = XMLElement(localName: "a", children: [.element(XMLElement(localName: "b")), .element(XMLElement(localName: "b"))])
        let recording = XMLRecordedElement(recording: element)
        let one = XMLRecordedTree(recording)
        let other = XMLRecordedTree(recording)
        #expect(one.root == one.root)
        #expect(one.root != other.root)
        let children = one.root.elements
        #expect(children.count == 2)
        #expect(children[0] != children[1])
        #expect(Set(one.elementsInDocumentOrder).count == 3)
    }
}

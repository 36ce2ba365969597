import Foundation
import MicrocredTestSupport
import Testing
import XMLSupport

/// A recorded element must build the tree that reading the element directly gives, wherever and
/// however often it is built.
@Suite("XMLRecordedElement")
struct XMLRecordedElementTests {
    static let root = XMLExpandedName(localName: "record", namespaceURI: "urn:test")

    /// The recordings of every element named `name` in `bytes`, read with the name as tree root.
    static func recordings(
        _ bytes: [UInt8], name: XMLExpandedName = root, chunkSize: Int? = nil
    ) throws -> [XMLRecordedElement] {
        let reader = try makeReader(bytes, chunkSize: chunkSize, treeRoot: name)
        var recordings: [XMLRecordedElement] = []
        while let event = try reader.next() {
            if event.kind == .startElement, event.localName == name.localName, event.namespaceURI == name.namespaceURI {
                recordings.append(try reader.readRecordedElement())
            }
        }
        return recordings
    }

    /// The trees of every element named `name` in `bytes`, read event by event.
    static func treesByEvents(_ bytes: [UInt8], name: XMLExpandedName = root) throws -> [XMLElement] {
        let reader = try makeReader(bytes)
        var trees: [XMLElement] = []
        while let event = try reader.next() {
            if event.kind == .startElement, event.localName == name.localName, event.namespaceURI == name.namespaceURI {
                trees.append(try reader.readElement())
            }
        }
        return trees
    }

    @Test func keepsLargePositionsLongTextsAndEscapedAmpersands() throws {
        let text = String(repeating: "long text é ", count: 2_000)
        let value = String(repeating: "a & b ", count: 50)
        let xml =
            "<records xmlns='urn:test'>" + String(repeating: "\n", count: 20_000)
            + String(repeating: " ", count: 300) + "<record><item note='\(value.replacingOccurrences(of: "&", with: "&amp;"))'>"
            + text + "</item>\n" + String(repeating: "\n", count: 200) + "<item/></record></records>"
        let recording = try #require(try Self.recordings(Array(xml.utf8)).first)
        #expect(recording.line == 20_001)
        #expect(recording.column == 301)
        let element = recording.element()
        let items = element.elements
        #expect(items.map(\.line) == [20_001, 20_202])
        #expect(items.map(\.column) == [309, 1])
        #expect(items.first?.text == text)
        #expect(items.first?.attribute("note") == value)
        #expect(element == (try Self.treesByEvents(Array(xml.utf8)).first))
    }

    @Test func givesTheTreeItsAddedNamespaceDeclarations() throws {
        let xml = "<records xmlns='urn:test' xmlns:p='urn:p'><record xmlns:q='urn:q'><p:a q:b='1'/></record></records>"
        var recording = try #require(try Self.recordings(Array(xml.utf8)).first)
        #expect(recording.namespaceDeclarations == [XMLNamespaceDeclaration(prefix: "q", uri: "urn:q")])
        recording.namespaceDeclarations.append(XMLNamespaceDeclaration(prefix: "p", uri: "urn:p"))
        let element = recording.element()
        #expect(element.namespaceDeclarations.map(\.prefix) == ["q", "p"])
        #expect(element.elements.first?.qualifiedName == "p:a")
        #expect(element.elements.first?.attributes.first?.namespaceURI == "urn:q")
    }

    @Test func buildsTheSameTreeOnAnotherThread() async throws {
        let bytes = Array(XMLPullReaderSubtreeTests.wrapper.utf8)
        let credential = XMLExpandedName(localName: "europassCredential", namespaceURI: XMLPullReaderSubtreeTests.snb)
        let recordings = try Self.recordings(bytes, name: credential)
        let elsewhere = await Task.detached { recordings.map { $0.element() } }.value
        #expect(recordings.count == 3)
        #expect(elsewhere == recordings.map { $0.element() })
        #expect(elsewhere == (try Self.treesByEvents(bytes, name: credential)))
    }

    /// Random trees, written out and read back as recordings, come back whole; their positions
    /// are those that reading event by event gives.
    @Test(arguments: 0..<40)
    func randomTreesComeBackWhole(seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        let (records, bytes, indent) = try Self.randomDocument(random: &random)

        for chunkSize in [nil, 5, 1000] as [Int?] {
            let recordings = try Self.recordings(bytes, chunkSize: chunkSize)
            let trees = recordings.map { $0.element() }
            #expect(trees == (try Self.treesByEvents(bytes)))
            if !indent {
                #expect(trees.map(XMLPullReaderSubtreeTests.withoutPositions) == records)
            }
        }
    }

    /// Three random records (``randomElement(depth:random:)``) written out in a `records`
    /// wrapper, indented or not.
    static func randomDocument(random: inout SeededRandom) throws -> (records: [XMLElement], bytes: [UInt8], indent: Bool) {
        let records = (0..<3).map { _ in randomElement(depth: 0, random: &random) }
        let indent = random.chance(0.5)
        let writer = try XMLStreamWriter(indent: indent)
        try writer.startDocument()
        try writer.startElement("records", namespaceURI: "urn:test")
        try writer.declareNamespace(prefix: nil, uri: "urn:test")
        try writer.declareNamespace(prefix: "p", uri: "urn:p")
        for record in records { try writer.write(record) }
        try writer.endElement()
        return (records, try writer.finish(), indent)
    }

    static let names = ["a", "item", "title", "averyveryverylongelementnamethatislongerthanfifteenbytes", "é"]
    static let pieces = ["x", " ", "\n", "&", "<", ">", "\"", "'", "]]>", "é", "🎓", "Ψηφιακές", String(repeating: "z", count: 150)]

    static func randomText(random: inout SeededRandom) -> String {
        (0..<Int.random(in: 1...6, using: &random)).map { _ in random.pick(pieces) }.joined()
    }

    /// A random `record` element (at depth 0) or one inside it: attributes with and without the
    /// `p` prefix, text and child elements in any order, never two text children in a row.
    static func randomElement(depth: Int, random: inout SeededRandom) -> XMLElement {
        var attributes: [XMLAttribute] = []
        for index in 0..<Int.random(in: 0...3, using: &random) {
            let prefixed = random.chance(0.3)
            attributes.append(
                XMLAttribute(
                    localName: "at\(index)", namespaceURI: prefixed ? "urn:p" : nil, prefix: prefixed ? "p" : nil,
                    value: random.chance(0.2) ? "" : randomText(random: &random)))
        }
        var children: [XMLElement.Child] = []
        for _ in 0..<(depth < 4 ? Int.random(in: 0...4, using: &random) : 0) {
            if random.chance(0.4), children.last.map({ if case .text = $0 { false } else { true } }) ?? true {
                children.append(.text(randomText(random: &random)))
            } else {
                children.append(.element(randomElement(depth: depth + 1, random: &random)))
            }
        }
        let prefixed = depth > 0 && random.chance(0.2)
        return XMLElement(
            localName: depth == 0 ? "record" : random.pick(names), namespaceURI: prefixed ? "urn:p" : "urn:test",
            prefix: prefixed ? "p" : nil, attributes: attributes, children: children)
    }
}

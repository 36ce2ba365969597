import Testing
import XMLSupport

@Suite("XMLPullReader: subtrees")
struct XMLPullReaderSubtreeTests {
    static let snb = "http://data.europa.eu/snb"
    static let cred = "http://data.europa.eu/europass/model/credentials/w3c#"

    /// A bulk-upload wrapper with three credentials; the `cred` prefix is declared on the wrapper.
    static let wrapper = """
        <?xml version="1.0" encoding="UTF-8"?>
        <europassCredentials xmlns="http://data.europa.eu/snbUpload"
                             xmlns:cred="http://data.europa.eu/europass/model/credentials/w3c#">
          <europassCredential xmlns="http://data.europa.eu/snb" cred:id="urn:credential:1" xsdVersion="0.10.0">
            <title><text lang="en" content-type="text/plain">Data &amp; Society</text></title>
            <!-- a comment is not kept -->
            <cred:issued>2022-02-02T14:15:15+01:00</cred:issued>
          </europassCredential>
          <europassCredential xmlns="http://data.europa.eu/snb" cred:id="urn:credential:2">
            <title><text lang="el" content-type="text/plain">Ψηφιακές δεξιότητες</text></title>
          </europassCredential>
          <europassCredential xmlns="http://data.europa.eu/snb" cred:id="urn:credential:3"/>
        </europassCredentials>

        """

    /// Reads every `europassCredential` of `document` with `readElement()`.
    static func credentials(_ document: String, chunkSize: Int? = nil) throws -> [XMLElement] {
        let reader = try makeReader(Array(document.utf8), chunkSize: chunkSize)
        var credentials: [XMLElement] = []
        while let event = try reader.next() {
            guard event.kind == .startElement, event.localName == "europassCredential" else { continue }
            credentials.append(try reader.readElement())
            #expect(reader.current?.kind == .endElement)
            #expect(reader.current?.localName == "europassCredential")
        }
        return credentials
    }

    @Test(arguments: [nil, 1, 13])
    func takesOneCredentialAtATimeOutOfAWrapper(chunkSize: Int?) throws {
        let credentials = try Self.credentials(Self.wrapper, chunkSize: chunkSize)
        #expect(
            credentials.map { $0.attribute("id", namespaceURI: Self.cred) } == [
                "urn:credential:1", "urn:credential:2", "urn:credential:3",
            ])
        #expect(credentials.map(\.line) == [4, 9, 12])
        #expect(credentials.map(\.column) == [3, 3, 3])
        #expect(credentials.allSatisfy { $0.namespaceURI == Self.snb && $0.localName == "europassCredential" })

        let first = credentials[0]
        #expect(first.attributes.map(\.qualifiedName) == ["cred:id", "xsdVersion"])
        #expect(first.namespaceDeclarations == [XMLNamespaceDeclaration(prefix: nil, uri: Self.snb)])
        #expect(first.elements.map(\.qualifiedName) == ["title", "cred:issued"])
        let text = try #require(
            first.firstElement(named: "title", namespaceURI: Self.snb)?.firstElement(
                named: "text", namespaceURI: Self.snb))
        #expect(text.text == "Data & Society")
        #expect(text.attribute("content-type") == "text/plain")
        #expect(text.line == 5)
        #expect(first.firstElement(named: "issued", namespaceURI: Self.cred)?.text == "2022-02-02T14:15:15+01:00")
        #expect(
            credentials[1].elements(named: "title", namespaceURI: Self.snb).first?.elements.first?.text
                == "Ψηφιακές δεξιότητες")
        #expect(credentials[2].children.isEmpty)
    }

    @Test func continuesWithTheEventAfterTheElement() throws {
        let reader = try makeReader(Array("<r><a><b/>t</a><c/></r>".utf8))
        _ = try reader.next()
        #expect(try reader.next()?.localName == "a")
        let element = try reader.readElement()
        #expect(element.children == [.element(XMLElement(localName: "b", line: 1, column: 7)), .text("t")])
        #expect(try reader.next()?.localName == "c")
    }

    @Test func skipsASubtree() throws {
        let reader = try makeReader(Array("<r><a><a><b/></a></a><c/></r>".utf8))
        _ = try reader.next()
        _ = try reader.next()
        try reader.skipSubtree()
        #expect(reader.current?.kind == .endElement)
        #expect(reader.current?.depth == 1)
        #expect(try reader.next()?.localName == "c")
    }

    @Test func refusesSubtreeMethodsAwayFromAStartTag() throws {
        let reader = try makeReader(Array("<r>text</r>".utf8))
        #expect(throws: XMLError.self) { try reader.readElement() }
        _ = try reader.next()
        _ = try reader.next()
        let error = #expect(throws: XMLError.self) { try reader.skipSubtree() }
        #expect(error?.code == XMLIssue.Code.invalidState)
        #expect(throws: XMLError.self) { try reader.readOuterXML() }
    }

    @Test func reportsATruncatedSubtree() throws {
        let reader = try makeReader(Array("<r><a><b>".utf8))
        _ = try reader.next()
        _ = try reader.next()
        let error = #expect(throws: XMLError.self) { try reader.readElement() }
        #expect(error?.code == XMLIssue.Code.truncated)
    }

    @Test func serialisesAnElementWithTheNamespacesItUses() throws {
        let reader = try makeReader(Array(Self.wrapper.utf8))
        var outer: [String] = []
        while let event = try reader.next() {
            if event.kind == .startElement, event.localName == "europassCredential" {
                outer.append(try reader.readOuterXML())
            }
        }
        #expect(
            outer[2]
                == #"<europassCredential xmlns="\#(Self.snb)" xmlns:cred="\#(Self.cred)" cred:id="urn:credential:3"/>"#
        )
        #expect(outer[0].contains("<text lang=\"en\" content-type=\"text/plain\">Data &amp; Society</text>"))
        #expect(!outer[0].contains("comment"))

        let reread = try Self.credentials(outer[0])
        let original = try Self.credentials(Self.wrapper)[0]
        #expect(reread.count == 1)
        #expect(Self.withoutPositions(reread[0]).children == Self.withoutPositions(original).children)
        #expect(reread[0].attributes == original.attributes)
    }

    /// `element` with every line and column set to 0.
    static func withoutPositions(_ element: XMLElement) -> XMLElement {
        var copy = element
        copy.line = 0
        copy.column = 0
        copy.children = element.children.map {
            if case .element(let child) = $0 { .element(withoutPositions(child)) } else { $0 }
        }
        return copy
    }
}

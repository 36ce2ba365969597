import Testing
import XMLSupport

@Suite("XMLStreamWriter")
struct XMLStreamWriterTests {
    /// The writer's output as a string.
    static func output(indent: Bool = false, _ write: (XMLStreamWriter) throws -> Void) throws -> String {
        let writer = try XMLStreamWriter(indent: indent)
        try write(writer)
        return String(decoding: try writer.finish(), as: UTF8.self)
    }

    @Test func escapesTextAndAttributeValues() throws {
        let xml = try Self.output { writer in
            try writer.startElement("a")
            try writer.writeAttribute("v", value: "<&>\"' tab\tend")
            try writer.writeText(#"<&>"' and ]]>"#)
            try writer.endElement()
        }
        #expect(xml == #"<a v="&lt;&amp;&gt;&quot;' tab&#9;end">&lt;&amp;&gt;&quot;' and ]]&gt;</a>"#)
    }

    @Test func writesNonLatinTextAsUTF8() throws {
        let text = "Ελληνικά, 日本語, Ærøskøbing, 🎓"
        let bytes = try XMLStreamWriter().finishing { writer in
            try writer.startDocument()
            try writer.startElement("title")
            try writer.writeAttribute("lang", value: "el")
            try writer.writeText(text)
        }
        #expect(
            String(decoding: bytes, as: UTF8.self) == """
                <?xml version="1.0" encoding="UTF-8"?>
                <title lang="el">\(text)</title>

                """)
        #expect(bytes.count == Array(String(decoding: bytes, as: UTF8.self).utf8).count)
    }

    @Test func declaresNamespacesOnlyWhereTheyChange() throws {
        let snb = "http://data.europa.eu/snb"
        let cred = "http://data.europa.eu/europass/model/credentials/w3c#"
        let xml = try Self.output { writer in
            try writer.startElement("europassCredential", namespaceURI: snb)
            try writer.declareNamespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
            try writer.writeAttribute("id", value: "urn:1", prefix: "cred", namespaceURI: cred)
            try writer.startElement("title", namespaceURI: snb)
            try writer.endElement()
            try writer.startElement("issued", prefix: "cred", namespaceURI: cred)
            try writer.writeText("2022-02-02")
            try writer.endElement()
            try writer.startElement("plain", namespaceURI: "")
            try writer.endElement()
            try writer.endElement()
        }
        #expect(
            xml == """
                <europassCredential xmlns="\(snb)" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xmlns:cred="\(cred)" cred:id="urn:1"><title/><cred:issued>2022-02-02</cred:issued>\
                <plain xmlns=""/></europassCredential>
                """)
    }

    @Test func indentsWithTwoSpaces() throws {
        let xml = try Self.output(indent: true) { writer in
            try writer.startDocument()
            try writer.startElement("a")
            try writer.startElement("b")
            try writer.writeText("text")
            try writer.endElement()
            try writer.startElement("c")
            try writer.startElement("d")
            try writer.endElement()
            try writer.endElement()
            try writer.endElement()
        }
        #expect(
            xml == """
                <?xml version="1.0" encoding="UTF-8"?>
                <a>
                  <b>text</b>
                  <c>
                    <d/>
                  </c>
                </a>

                """)
    }

    @Test func writesRawFragmentsVerbatim() throws {
        let xml = try Self.output { writer in
            try writer.startElement("a")
            try writer.writeRaw(#"<kept x="1">as &amp; is</kept>"#)
            try writer.endElement()
        }
        #expect(xml == #"<a><kept x="1">as &amp; is</kept></a>"#)
    }

    @Test func roundTripsThroughThePullReader() throws {
        let original = XMLElement(
            localName: "europassCredential", namespaceURI: "urn:snb",
            attributes: [
                XMLAttribute(localName: "id", namespaceURI: "urn:cred", prefix: "cred", value: "urn:1 & <2>"),
                XMLAttribute(localName: "note", value: "\"quoted\" 'single'\nsecond line"),
            ],
            namespaceDeclarations: [
                XMLNamespaceDeclaration(prefix: nil, uri: "urn:snb"),
                XMLNamespaceDeclaration(prefix: "cred", uri: "urn:cred"),
            ],
            children: [
                .element(
                    XMLElement(
                        localName: "title", namespaceURI: "urn:snb",
                        children: [.text("Ψηφιακές <δεξιότητες> & 🎓")])),
                .text("\n  mixed "),
                .element(
                    XMLElement(localName: "issued", namespaceURI: "urn:cred", prefix: "cred", children: [.text("2022")])
                ),
            ])
        for indent in [false, true] {
            let writer = try XMLStreamWriter(indent: indent)
            try writer.startDocument()
            try writer.write(original)
            let reader = try XMLPullReader(bytes: try writer.finish(), documentName: "round-trip.xml")
            _ = try reader.next()
            let reread = XMLPullReaderSubtreeTests.withoutPositions(try reader.readElement())
            if indent {
                #expect(reread.attributes == original.attributes)
                #expect(reread.elements.map(\.text) == original.elements.map(\.text))
            } else {
                #expect(reread == original)
            }
            #expect(try reader.next() == nil)
        }
    }

    @Test func refusesInvalidNamesAndCharacters() throws {
        let writer = try XMLStreamWriter()
        let badName = #expect(throws: XMLError.self) { try writer.startElement("1st") }
        #expect(badName?.code == XMLIssue.Code.invalidName)
        #expect(badName?.issue.message == "'1st' is not a valid XML element name")
        #expect(throws: XMLError.self) { try writer.startElement("a", prefix: "x:y") }
        try writer.startElement("a")
        let badText = #expect(throws: XMLError.self) { try writer.writeText("bell \u{7}") }
        #expect(badText?.code == XMLIssue.Code.invalidCharacter)
        #expect(badText?.issue.message.contains("U+0007") == true)
        #expect(throws: XMLError.self) { try writer.writeAttribute("v", value: "\u{FFFE}") }
        let noPrefix = #expect(throws: XMLError.self) {
            try writer.writeAttribute("id", value: "1", namespaceURI: "urn:x")
        }
        #expect(noPrefix?.code == XMLIssue.Code.invalidName)
        try writer.endElement()
        #expect(String(decoding: try writer.finish(), as: UTF8.self) == "<a/>")
    }

    @Test func refusesCallsThatDoNotApply() throws {
        let writer = try XMLStreamWriter()
        let endWithoutStart = #expect(throws: XMLError.self) { try writer.endElement() }
        #expect(endWithoutStart?.code == XMLIssue.Code.invalidState)
        #expect(throws: XMLError.self) { try writer.writeText("loose") }
        #expect(throws: XMLError.self) { try writer.writeAttribute("a", value: "1") }
        try writer.startElement("a")
        #expect(throws: XMLError.self) { try writer.startDocument() }
        try writer.declareNamespace(prefix: "p", uri: "urn:one")
        #expect(throws: XMLError.self) { try writer.declareNamespace(prefix: "p", uri: "urn:two") }
        _ = try writer.finish()
        #expect(throws: XMLError.self) { try writer.startElement("b") }
    }

    @Test func refusesWritingAnXMLDeclarationAfterContent() throws {
        let writer = try XMLStreamWriter()
        try writer.startElement("a")
        try writer.endElement()
        #expect(throws: XMLError.self) { try writer.startDocument() }
    }

    @Test func finishClosesOpenElements() throws {
        let xml = try Self.output { writer in
            try writer.startElement("a")
            try writer.startElement("b")
            try writer.writeText("x")
        }
        #expect(xml == "<a><b>x</b></a>")
    }

    @Test func drainsTheBufferPieceByPiece() throws {
        let writer = try XMLStreamWriter()
        try writer.startElement("records")
        var pieces: [[UInt8]] = []
        for index in 0..<3 {
            try writer.startElement("record")
            try writer.writeText("\(index)")
            try writer.endElement()
            pieces.append(try writer.takeBytes())
        }
        try writer.endElement()
        pieces.append(try writer.finish())
        #expect(pieces.allSatisfy { !$0.isEmpty })
        #expect(
            String(decoding: pieces.joined(), as: UTF8.self)
                == "<records><record>0</record><record>1</record><record>2</record></records>")
    }

    @Test func writersOnDifferentThreadsAreIndependent() async throws {
        let outputs = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for index in 0..<16 {
                group.addTask {
                    let xml = try Self.output(indent: index.isMultiple(of: 2)) { writer in
                        try writer.startElement("doc", namespaceURI: "urn:\(index)")
                        for item in 0..<200 {
                            try writer.startElement("item")
                            try writer.writeAttribute("n", value: "\(item)")
                            try writer.writeText("writer \(index) — ελληνικά \(item)")
                            try writer.endElement()
                        }
                    }
                    return (index, xml)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        for (index, xml) in outputs {
            let events = try readEvents(xml)
            #expect(events.first?.namespaceURI == "urn:\(index)")
            #expect(events.filter { $0.kind == .text }.count == 200)
            #expect(events.filter { $0.kind == .text }.allSatisfy { $0.value.hasPrefix("writer \(index) ") })
        }
        #expect(outputs.count == 16)
    }
}

extension XMLStreamWriter {
    /// Runs `write` on this writer and returns the finished output.
    fileprivate func finishing(_ write: (XMLStreamWriter) throws -> Void) throws -> [UInt8] {
        try write(self)
        return try finish()
    }
}

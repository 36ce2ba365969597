import Foundation
import MicrocredTestSupport
import Testing
import XMLSupport

@Suite("XMLPullReader: events, positions and streaming")
struct XMLPullReaderTests {
    static let mixedDocument = """
        <?xml version="1.0"?>
        <!-- c -->
        <p:root xmlns:p="urn:p" a="x&amp;y" p:b="é">
          <b>héllo &amp; <![CDATA[<cd>]]></b> <c
            q="1"/>
          <?pi data?>
        </p:root>

        """

    @Test func reportsEveryNodeWithItsStartPosition() throws {
        let events = try readEvents(Self.mixedDocument)
        #expect(
            events.map(summary) == [
                #"comment " c "@2:1 d0"#,
                "start p:root@3:1 d0 [a=x&y p:b=é]",
                #"space "\n  "@3:45 d1"#,
                "start b@4:3 d1",
                #"text "héllo & <cd>"@4:6 d2"#,
                "end b@4:34 d1",
                #"space " "@4:38 d1"#,
                "start c@4:39 d1 [q=1] empty",
                "end c@4:39 d1",
                #"space "\n  "@5:12 d1"#,
                #"pi pi "data"@6:3 d1"#,
                #"space "\n"@6:14 d1"#,
                "end p:root@7:1 d0",
            ])
    }

    @Test func resolvesNamespacesOfElementsAndAttributes() throws {
        let events = try readEvents(Self.mixedDocument)
        let root = try #require(events.first { $0.kind == .startElement })
        #expect(root.localName == "root")
        #expect(root.prefix == "p")
        #expect(root.namespaceURI == "urn:p")
        #expect(root.namespaceDeclarations == [XMLNamespaceDeclaration(prefix: "p", uri: "urn:p")])
        #expect(
            root.attributes == [
                XMLAttribute(localName: "a", value: "x&y"),
                XMLAttribute(localName: "b", namespaceURI: "urn:p", prefix: "p", value: "é"),
            ])
        #expect(root.attribute("b", namespaceURI: "urn:p") == "é")
        let child = try #require(events.first { $0.localName == "b" })
        #expect(child.namespaceURI == nil)
    }

    @Test func inheritsAndOverridesTheDefaultNamespace() throws {
        let events = try readEvents(#"<a xmlns="urn:one"><b/><c xmlns="urn:two"><d/></c><e xmlns=""/></a>"#)
            .filter { $0.kind == .startElement }
        #expect(events.map(\.namespaceURI) == ["urn:one", "urn:one", "urn:two", "urn:two", nil])
    }

    @Test func decodesCharacterReferencesInTextAndAttributes() throws {
        let events = try readEvents(#"<a v="&lt;&#38;&#x3E;&quot;&apos;">&#233;&#x1F393;&amp;&lt;</a>"#)
        #expect(events[0].attribute("v") == #"<&>"'"#)
        #expect(events[1].value == "é🎓&<")
    }

    @Test(arguments: [1, 2, 3, 5, 64, 4096])
    func givesTheSameEventsWhateverTheChunkSize(chunkSize: Int) throws {
        let whole = try readEvents(Self.mixedDocument)
        #expect(try readEvents(Self.mixedDocument, chunkSize: chunkSize) == whole)
        let large = Self.largeDocument(records: 40)
        #expect(try readEvents(large, chunkSize: chunkSize) == (try readEvents(large)))
    }

    @Test func splitsNoMultiByteCharacterAcrossOneByteChunks() throws {
        let text = "Ελληνικά 日本語 🎓 ümlaut"
        let events = try readEvents("<a t=\"\(text)\">\(text)</a>", chunkSize: 1)
        #expect(events.map(\.value) == ["", text, ""])
        #expect(events[0].attribute("t") == text)
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let events = try readEvents("<a>日本語<b/>é<c/></a>")
        #expect(
            events.map(summary) == [
                "start a@1:1 d0", #"text "日本語"@1:4 d1"#, "start b@1:7 d1 empty", "end b@1:7 d1",
                #"text "é"@1:11 d1"#, "start c@1:12 d1 empty", "end c@1:12 d1", "end a@1:16 d0",
            ])
    }

    @Test func keepsExactLinesBeyondSixtyFiveThousand() throws {
        let document = "<r>" + String(repeating: "\n", count: 70_000) + "<a x=\"1\">t</a>\n<b/><c\n/></r>"
        let starts = try readEvents(document).filter { $0.kind == .startElement }
        #expect(
            starts.map { "\($0.localName)@\($0.line):\($0.column)" } == [
                "r@1:1", "a@70001:1", "b@70002:1", "c@70002:5",
            ])
    }

    @Test func findsTheColumnOfATagSpanningLinesAfterALongLine() throws {
        let line = String(repeating: "y", count: 9_000)
        let document = "<r>\n<x>a</x>\n" + line + "<m\n a=\"1\"/>   <n\n/></r>"
        for chunkSize in [nil, 7, 1000] {
            let starts = try readEvents(document, chunkSize: chunkSize).filter { $0.kind == .startElement }
            #expect(
                starts.map { "\($0.localName)@\($0.line):\($0.column)" } == ["r@1:1", "x@2:1", "m@3:9001", "n@4:12"])
        }
    }

    @Test func findsTheStartOfLongTagsWithTextBeyondASCII() throws {
        var random = SeededRandom(seed: 11)
        let values = ["plain", "Zoë Ångström", "日本語のテキスト", "🎓🎓", "a\u{0301}b", "x", "long value with many words in it"]
        for _ in 0..<20 {
            var document = "<r>"
            var expected = ["r@1:1"]
            for index in 0..<16 {
                let lines = document.split(separator: "\n", omittingEmptySubsequences: false)
                expected.append("e\(index)@\(lines.count):\(lines[lines.count - 1].unicodeScalars.count + 1)")
                let attributes = (0..<Int.random(in: 0...4, using: &random)).map { random.pick([" ", "\n   "]) + "a\($0)=\"\(random.pick(values))\"" }
                document += "<e\(index)" + attributes.joined() + random.pick(["/>", "\n/>", "></e\(index)>"]) + random.pick(["", "\n", "  ", "té\n  "])
            }
            document += "</r>"
            for chunkSize in [nil, 7, 64] {
                let starts = try readEvents(document, chunkSize: chunkSize).filter { $0.kind == .startElement }
                #expect(starts.map { "\($0.localName)@\($0.line):\($0.column)" } == expected, "\(document)")
            }
        }
    }

    @Test func readsUTF16WithAByteOrderMark() throws {
        let document = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<a b=\"ü\">日本</a>"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in document.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let events = try readEvents(bytes, chunkSize: 3)
        #expect(events.map(summary) == ["start a@2:1 d0 [b=ü]", #"text "日本"@2:10 d1"#, "end a@2:12 d0"])
    }

    @Test func readsADeclaredSingleByteEncoding() throws {
        let bytes = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        #expect(try readEvents(bytes).map(\.value) == ["", "café", ""])
    }

    @Test func acceptsADocumentTypeWithoutDeclarationsAndLoadsNothing() throws {
        let events = try readEvents(#"<!DOCTYPE a SYSTEM "http://example.invalid/a.dtd"><a>x</a>"#)
        #expect(events.map(summary) == ["start a@1:51 d0", #"text "x"@1:54 d1"#, "end a@1:55 d0"])
    }

    @Test func returnsNilAtTheEndAndAfterwards() throws {
        let reader = try XMLPullReader(bytes: Array("<a/>".utf8), documentName: "a.xml")
        #expect(try reader.next()?.kind == .startElement)
        #expect(try reader.next()?.kind == .endElement)
        #expect(try reader.next() == nil)
        #expect(try reader.next() == nil)
        #expect(reader.current == nil)
    }

    @Test func collectsWarningsWithoutStopping() throws {
        let reader = try XMLPullReader(bytes: Array(#"<a xmlns="relative/path"><b/></a>"#.utf8), documentName: "w.xml")
        while try reader.next() != nil {}
        let warning = try #require(reader.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == XMLIssue.Code.namespace)
        #expect(warning.message.contains("relative/path"))
        #expect(warning.line == 1)
    }

    @Test func readsAFileInChunks() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xmlsupport-\(UUID().uuidString).xml")
        defer { try? FileManager.default.removeItem(at: url) }
        let document = Self.largeDocument(records: 2_000)
        try Data(document.utf8).write(to: url)
        #expect(Data(document.utf8).count > 3 * 64 * 1024)
        let reader = try XMLPullReader(contentsOf: url.path)
        var records = 0
        while let event = try reader.next() {
            if event.kind == .startElement, event.localName == "record" {
                records += 1
                try reader.skipSubtree()
            }
        }
        #expect(records == 2_000)
    }

    @Test func refusesAFileThatCannotBeOpened() {
        let missing = #expect(throws: XMLError.self) { try XMLPullReader(contentsOf: "/nonexistent/file.xml") }
        #expect(missing?.code == XMLIssue.Code.unreadable)
        #expect(missing?.issue.message.contains("'/nonexistent/file.xml'") == true)
        let folder = #expect(throws: XMLError.self) {
            try XMLPullReader(contentsOf: FileManager.default.temporaryDirectory.path)
        }
        #expect(folder?.issue.message.contains("folder") == true)
    }

    /// A wrapper holding `records` small records with multi-byte text, comments and CDATA.
    static func largeDocument(records: Int) -> String {
        var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<records xmlns=\"urn:r\" xmlns:x=\"urn:x\">\n"
        for index in 0..<records {
            text += """
                  <record x:id="r\(index)" n="\(index)">
                    <title lang="el">Μικροδιαπιστευτήριο \(index) — ελληνικά</title>
                    <!-- note \(index) -->
                    <note><![CDATA[<raw & "quoted">]]> 日本語 🎓</note>
                    <empty/>
                  </record>

                """
        }
        return text + "</records>\n"
    }
}

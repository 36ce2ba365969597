import Foundation
import MicrocredTestSupport
import Testing
import XMLSupport

/// Elements named as tree roots are built into trees while they are parsed; everything a caller
/// sees must be what reading them event by event gives.
@Suite("XMLPullReader: tree roots")
struct XMLPullReaderTreeRootTests {
    static let credential = XMLExpandedName(localName: "europassCredential", namespaceURI: "http://data.europa.eu/snb")

    /// What a caller sees.
    enum Seen: Equatable {
        /// An event outside the elements read whole.
        case event(XMLEvent)
        /// An element read whole, and the event ``XMLPullReader/current`` is on afterwards.
        case tree(XMLElement, end: XMLEvent?)
        /// The error that ended reading.
        case error(code: String, message: String, line: Int?, column: Int?)
    }

    /// Reads `bytes` to the end, taking every element named `name` with `readElement()`; the
    /// reader builds them as trees when `building` is set.
    static func read(_ bytes: [UInt8], chunkSize: Int?, name: XMLExpandedName, building: Bool) -> [Seen] {
        var seen: [Seen] = []
        do {
            let reader = try makeReader(bytes, chunkSize: chunkSize, treeRoot: building ? name : nil)
            while let event = try reader.next() {
                if event.kind == .startElement, event.localName == name.localName, event.namespaceURI == name.namespaceURI {
                    seen.append(.tree(try reader.readElement(), end: reader.current))
                } else {
                    seen.append(.event(event))
                }
            }
        } catch let error as XMLError {
            seen.append(.error(code: error.code, message: error.issue.message, line: error.issue.line, column: error.issue.column))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return seen
    }

    /// Checks that building trees changes nothing a caller sees, in every chunk size.
    static func expectSameAsEvents(_ text: String, name: XMLExpandedName = credential, sourceLocation: SourceLocation = #_sourceLocation) {
        expectSameAsEvents(Array(text.utf8), name: name, sourceLocation: sourceLocation)
    }

    static func expectSameAsEvents(_ bytes: [UInt8], name: XMLExpandedName = credential, sourceLocation: SourceLocation = #_sourceLocation) {
        for chunkSize in [nil, 1, 7, 64, 4096] as [Int?] {
            let byEvents = read(bytes, chunkSize: chunkSize, name: name, building: false)
            let byTrees = read(bytes, chunkSize: chunkSize, name: name, building: true)
            #expect(byTrees == byEvents, "chunk size \(chunkSize.map(String.init) ?? "all")", sourceLocation: sourceLocation)
        }
    }

    @Test func readsAWrapperOfCredentialsAsTheEventsDo() {
        Self.expectSameAsEvents(XMLPullReaderSubtreeTests.wrapper)
        let seen = Self.read(Array(XMLPullReaderSubtreeTests.wrapper.utf8), chunkSize: nil, name: Self.credential, building: true)
        #expect(seen.filter { if case .tree = $0 { true } else { false } }.count == 3)
    }

    @Test func readsARootElementAndNestedNamesakesAsTheEventsDo() {
        Self.expectSameAsEvents(
            """
            <europassCredential xmlns="http://data.europa.eu/snb" id="outer">
              <europassCredential id="inner"><title>a</title></europassCredential>
              text <!-- joined across a comment --> more<?pi data?><![CDATA[ and <cdata> ]]>
              <empty/><spread
                  over="several"
                  lines="yes">é
              </spread>
            </europassCredential>
            <!-- after -->

            """)
    }

    @Test func readsRandomCredentialsAsTheEventsDo() {
        var random = SeededRandom(seed: 23)
        let values = ["plain", "Zoë Ångström", "日本語のテキスト", "🎓🎓", "a &amp; b", "x", "long value with many words in it"]
        let names = ["title", "p:title", "text", "q:note"]
        for _ in 0..<10 {
            var document = "<europassCredential xmlns='http://data.europa.eu/snb' xmlns:p='urn:p'>"
            var open: [String] = []
            for _ in 0..<40 {
                if !open.isEmpty, random.chance(0.4) {
                    document += "</\(open.removeLast())>" + random.pick(["", "\n", "  "])
                    continue
                }
                let name = random.pick(names)
                let declaration = name.hasPrefix("q:") ? random.pick([" xmlns:q='urn:q'", "\n  xmlns:q='urn:q2'"]) : ""
                let attributes = (0..<Int.random(in: 0...3, using: &random)).map {
                    random.pick([" ", "\n   "]) + "a\($0)=\"\(random.pick(values))\""
                }
                document += "<\(name)\(declaration)" + attributes.joined()
                if random.chance(0.3) {
                    document += random.pick(["/>", "\n/>"])
                } else {
                    document += ">" + random.pick(["", "text", "té\n  ", "a<!-- c -->b", "<?pi x?>\n", "<![CDATA[<c>]]>"])
                    open.append(name)
                }
            }
            document += open.reversed().map { "</\($0)>" }.joined() + "</europassCredential>"
            Self.expectSameAsEvents(document)
        }
    }

    @Test func readsElementsInNoNamespace() {
        Self.expectSameAsEvents(
            "<list><item n='1'>one</item> <item n='2'/>\n<other><item>three</item></other></list>",
            name: XMLExpandedName(localName: "item", namespaceURI: nil))
    }

    @Test(arguments: [
        "<r><europassCredential xmlns='http://data.europa.eu/snb'><a>x</a></europassCredential><europassCredential xmlns='http://data.europa.eu/snb'><a>",
        "<r><europassCredential xmlns='http://data.europa.eu/snb'><a>x</b></europassCredential></r>",
        "<r><europassCredential xmlns='http://data.europa.eu/snb'><a>x</a></europassCredential><bad attr=1/></r>",
        "<europassCredential xmlns='http://data.europa.eu/snb'><p:a>undeclared prefix</p:a></europassCredential>",
        "<r><europassCredential xmlns='http://data.europa.eu/snb'>&undefined;</europassCredential></r>",
        "<europassCredential xmlns='http://data.europa.eu/snb' xmlns:p='urn:p'><p:a>\n<p:b>cut short",
    ])
    func failsAsTheEventsDo(document: String) {
        Self.expectSameAsEvents(document)
        let seen = Self.read(Array(document.utf8), chunkSize: 5, name: Self.credential, building: true)
        #expect(seen.contains { if case .error = $0 { true } else { false } })
    }

    @Test func refusesTooDeepNestingInsideATree() {
        let depth = 300
        let document = "<europassCredential xmlns='http://data.europa.eu/snb'>" + String(repeating: "<a>", count: depth)
            + String(repeating: "</a>", count: depth) + "</europassCredential>"
        Self.expectSameAsEvents(document)
    }

    @Test func movingPastATreeRootShowsItsEndAndLaterTreesStillCome() throws {
        let reader = try makeReader(Array(XMLPullReaderSubtreeTests.wrapper.utf8), chunkSize: 16, treeRoot: Self.credential)
        /// The next start or end tag.
        func nextTag() throws -> XMLEvent? {
            while let event = try reader.next() {
                if event.kind == .startElement || event.kind == .endElement { return event }
            }
            return nil
        }
        #expect(try nextTag()?.localName == "europassCredentials")
        #expect(try nextTag()?.localName == "europassCredential")
        // Moving on without reading it: its end tag comes next, with nothing in between.
        let end = try #require(try nextTag())
        #expect(end.kind == .endElement && end.localName == "europassCredential" && end.line == 8)
        #expect(try nextTag()?.kind == .startElement)
        try reader.skipSubtree()
        #expect(reader.current?.kind == .endElement)
        #expect(reader.current?.line == 11)
        #expect(try nextTag()?.kind == .startElement)
        let third = try reader.readElement()
        #expect(third.attribute("id", namespaceURI: XMLPullReaderSubtreeTests.cred) == "urn:credential:3")
        #expect(reader.current?.kind == .endElement)
        #expect(try nextTag()?.localName == "europassCredentials")
    }

    @Test(arguments: [
        "samples/EDC_WileECoyote_Simple.xml", "samples/EDC_SampleACT_AA.xml", "samples/EDC_SampleDegree_AA.xml",
        "samples/EDC_DiplomaSupplement_AA.vp-mandated.xml", "test-fixtures/issuer_test_seal_credential.v1.1.xml",
    ])
    func readsTheEDCSamplesAsTheEventsDo(file: String) throws {
        guard let bytes = try XMLSchemaTests.document(file) else { return }
        Self.expectSameAsEvents(bytes)
    }
}

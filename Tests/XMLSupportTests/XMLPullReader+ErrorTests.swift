import Foundation
import Testing
import XMLSupport

@Suite("XMLPullReader: malformed and hostile input")
struct XMLPullReaderErrorTests {
    /// A malformed input, the code it must get and where.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var bytes: [UInt8]
        var code: String
        /// The line reported; `nil` where any line will do.
        var line: Int?
        var messageFragment: String
        var testDescription: String { name }
    }

    static let malformed: [Case] = [
        Case(
            name: "unclosed tag", bytes: Array("<a>\n<b>\n</a>\n".utf8), code: XMLIssue.Code.malformed, line: 3,
            messageFragment: "end tag 'a' does not match start tag 'b' from line 2"),
        Case(
            name: "truncated document", bytes: Array("<a>\n  <b>text".utf8), code: XMLIssue.Code.truncated, line: 2,
            messageFragment: "element 'b' from line 2 is closed"),
        Case(
            name: "truncated inside a tag", bytes: Array("<a>\n  <b".utf8), code: XMLIssue.Code.truncated, line: 2,
            messageFragment: "element 'b'"),
        Case(
            name: "empty input", bytes: [], code: XMLIssue.Code.emptyDocument, line: 1,
            messageFragment: "no root element"),
        Case(
            name: "bad encoding declaration", bytes: Array("<?xml version=\"1.0\" encoding=\"bogus\"?>\n<a/>\n".utf8),
            code: XMLIssue.Code.encoding, line: 1, messageFragment: "unsupported encoding 'bogus'"),
        Case(
            name: "invalid UTF-8 bytes", bytes: Array("<a>\n  caf".utf8) + [0xE9, 0x20, 0xFF] + Array("</a>".utf8),
            code: XMLIssue.Code.encoding, line: 2, messageFragment: "not valid UTF-8 (bytes 0xE9 0x20 0xFF"),
        Case(
            name: "bytes invalid in the declared encoding",
            bytes: Array("<?xml version=\"1.0\" encoding=\"Shift_JIS\"?>\n<a>".utf8) + [0x82, 0xA0, 0x81]
                + Array("</a>".utf8),
            // Note: libxml2 converts a whole chunk before parsing it, so the error is placed where
            // parsing stopped, which can be before the bad bytes.
            code: XMLIssue.Code.encoding, line: nil, messageFragment: "not valid in its declared encoding"),
        Case(
            name: "control character", bytes: Array("<a>\u{1}</a>".utf8), code: XMLIssue.Code.invalidCharacter, line: 1,
            messageFragment: "character U+0001 is not allowed"),
        Case(
            name: "undeclared prefix", bytes: Array("<a>\n<x:b/></a>".utf8), code: XMLIssue.Code.undeclaredPrefix,
            line: 2, messageFragment: "namespace prefix 'x' of element 'x:b' is not declared"),
        Case(
            name: "undeclared entity", bytes: Array("<a>&nbsp;</a>".utf8), code: XMLIssue.Code.undeclaredEntity,
            line: 1,
            messageFragment: "entity 'nbsp' is not declared"),
        Case(
            name: "duplicate attribute", bytes: Array(#"<a b="1" b="2"/>"#.utf8),
            code: XMLIssue.Code.duplicateAttribute,
            line: 1, messageFragment: "attribute 'b' appears twice"),
        Case(
            name: "text after the root", bytes: Array("<a/>\ntrailing".utf8), code: XMLIssue.Code.malformed, line: 2,
            messageFragment: "extra content at the end of the document"),
    ]

    @Test(arguments: malformed, [nil, 1])
    func givesMalformedInputAStableCodeAndALine(_ input: Case, chunkSize: Int?) throws {
        let error = try #require(readError(input.bytes, chunkSize: chunkSize))
        #expect(error.code == input.code)
        #expect(error.issue.line != nil)
        if let line = input.line { #expect(error.issue.line == line) }
        #expect(error.issue.severity == .error)
        #expect(error.issue.message.contains(input.messageFragment), "\(error.issue.message)")
        #expect(error.issue.message.first?.isUppercase == false)
        #expect(error.issue.message.last != ".")
        #expect(error.documentName == "test.xml")
    }

    @Test func deliversTheEventsBeforeAnErrorThenKeepsThrowing() throws {
        let reader = try makeReader(Array("<a><b/><c></a>".utf8))
        var names: [String] = []
        let error = #expect(throws: XMLError.self) {
            while let event = try reader.next() {
                names.append("\(event.kind == .endElement ? "/" : "")\(event.localName)")
            }
        }
        #expect(names == ["a", "b", "/b", "c"])
        #expect(error?.code == XMLIssue.Code.malformed)
        #expect(throws: XMLError.self) { try reader.next() }
    }

    @Test func rethrowsTheErrorOfTheReadClosureUnchanged() throws {
        struct Broken: Error, Equatable {}
        var calls = 0
        let reader = try XMLPullReader(documentName: "broken") {
            calls += 1
            if calls == 1 { return Array("<a><b>".utf8) }
            throw Broken()
        }
        #expect(try reader.next()?.localName == "a")
        #expect(throws: Broken.self) { while try reader.next() != nil {} }
        #expect(throws: Broken.self) { try reader.next() }
    }

    @Test func refusesNestingBeyondTheLimit() throws {
        let document = String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        let error = try #require(readError(Array(document.utf8)))
        #expect(error.code == XMLIssue.Code.limitExceeded)
        #expect(error.issue.message.contains("256"))
    }

    // MARK: - Hostile input

    /// Inline documents that must be refused, with the code each gets.
    static let hostileInline: [(String, String)] = [
        (#"<!DOCTYPE a [<!ENTITY e SYSTEM "file:///etc/passwd">]><a>&e;</a>"#, XMLIssue.Code.externalEntity),
        (#"<!DOCTYPE a [<!ENTITY % p SYSTEM "http://example.invalid/x.dtd"> %p;]><a/>"#, XMLIssue.Code.externalEntity),
        (
            #"<!DOCTYPE a [<!ENTITY i SYSTEM "x.png" NDATA png><!NOTATION png SYSTEM "png">]><a/>"#,
            XMLIssue.Code.externalEntity
        ),
        (#"<!DOCTYPE a [<!ENTITY x "x"><!ENTITY y "&x;&x;">]><a>&y;</a>"#, XMLIssue.Code.entityExpansion),
        (#"<!DOCTYPE a [<!ENTITY x "plain">]><a>&x;</a>"#, XMLIssue.Code.forbiddenDoctype),
        (#"<!DOCTYPE a [<!ATTLIST a xmlns CDATA "urn:sneaky">]><a/>"#, XMLIssue.Code.forbiddenDoctype),
        (#"<!DOCTYPE a [<!ELEMENT a (#PCDATA)>]><a/>"#, XMLIssue.Code.forbiddenDoctype),
    ]

    @Test(arguments: hostileInline)
    func refusesDocumentTypeDeclarationsThatDeclareAnything(document: String, code: String) throws {
        var events: [XMLEvent] = []
        let reader = try makeReader(Array(document.utf8))
        let error = #expect(throws: XMLError.self) { while let event = try reader.next() { events.append(event) } }
        #expect(error?.code == code)
        #expect(events.isEmpty, "no content is delivered from a refused document")
    }

    @Test func refusesAnOverlongDocumentTypeDeclaration() throws {
        let document = "<!DOCTYPE a [<!-- declarations follow -->" + String(repeating: " ", count: 100_000) + "]><a/>"
        let error = readError(Array(document.utf8), chunkSize: 4096)
        #expect(error?.code == XMLIssue.Code.forbiddenDoctype)
        #expect(error?.issue.message.contains("longer than 65536 bytes") == true)
    }

    /// The hostile inputs from the EDC repository's XXE tests, and the code each must get.
    static let hostileFiles: [(String, String)] = [
        ("xxe_base64.xml", XMLIssue.Code.externalEntity),
        ("xxe_dos.xml", XMLIssue.Code.entityExpansion),
        ("xxe_entity.xml", XMLIssue.Code.forbiddenDoctype),
        ("xxe_file.xml", XMLIssue.Code.externalEntity),
        ("xxe_remote.xml", XMLIssue.Code.externalEntity),
    ]

    @Test(.enabled(if: RefData.shouldRun), arguments: hostileFiles)
    func refusesTheHostileReferenceFilesQuicklyAndLeaksNothing(file: String, code: String) throws {
        guard let url = try refDataURL("elm/hostile-xml/\(file)") else { return }
        for chunkSize in [nil, 1] {
            let clock = ContinuousClock()
            var output: [String] = []
            var thrown: XMLError?
            let elapsed = try clock.measure {
                let reader =
                    chunkSize == nil
                    ? try XMLPullReader(contentsOf: url.path)
                    : try makeReader(Array(try Data(contentsOf: url)), chunkSize: chunkSize, name: url.path)
                do {
                    while let event = try reader.next() { output += [event.localName, event.value] }
                } catch let error as XMLError {
                    thrown = error
                }
                output += reader.warnings.flatMap { [$0.message, $0.hint ?? ""] }
            }
            let error = try #require(thrown)
            output += error.issues.flatMap { [$0.message, $0.hint ?? ""] }
            #expect(error.code == code, "\(error)")
            #expect(XMLIssue.Code.refusals.contains(error.code))
            #expect(error.issue.line != nil)
            #expect(elapsed < .seconds(2))
            let everything = output.joined(separator: "\n")
            #expect(!everything.contains("root:"), "no file content leaks")
            #expect(!everything.contains("Doe"), "entities are never expanded")
            #expect(!everything.contains("lollol"), "entities are never expanded")
            #expect(!everything.contains("<note>"), "nothing is fetched")
        }
    }
}

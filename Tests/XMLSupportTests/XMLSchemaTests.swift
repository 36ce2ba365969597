import Foundation
import Testing
import XMLSupport

/// Validation against the official EDC XSDs in `../shared/refdata/elm/edc-v1-xml/`.
///
/// What the reference files actually do (checked here, not assumed from their names):
/// - `samples/EDC_WileECoyote_Simple.xml`, `EDC_SampleACT_AA.xml` and `EDC_SampleDegree_AA.xml`
///   validate against `xsd/genericschema_1.2.xsd`;
/// - `samples/EDC_DiplomaSupplement_AA.vp-mandated.xml` has the root `vp:verifiablePresentation`,
///   which `genericschema_1.2.xsd` does not declare; it validates against
///   `xsd/mandatedschema_generic_1.2.xsd` (`mandatedschema_dp_1.2.xsd`, the one its
///   `schemaLocation` names, does not compile on its own: `DocumentURLType` is unresolved);
/// - every file in `test-fixtures/` (from the EDC software) writes the language list as
///   `<language><language>en</language></language>` where the XSD expects
///   `<availableLanguages><language>en</language></availableLanguages>`, so each is invalid against
///   `genericschema_1.2.xsd` with exactly that one violation, at line 16. With the wrapper renamed,
///   the `-OK` fixture, the v1.2 profile, the v1.1 seal and the accredited fixtures validate, and the
///   `-KO` fixture fails on `contactPoint` as its name says;
/// - `genericschema_1.2.xsd` imports `XAdES01903v141-201601.xsd`, which is not in the folder: the
///   import is skipped with a warning and the schema still compiles.
@Suite("XMLSchema", .enabled(if: RefData.shouldRun))
struct XMLSchemaTests {
    static let xsdFolder = "elm/edc-v1-xml/xsd"

    /// The generic schema, loaded once for the whole suite, or `nil` when reference data is absent.
    static let generic: Result<XMLSchema, any Error>? = {
        let path = RefData.root.appendingPathComponent("\(xsdFolder)/genericschema_1.2.xsd").path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        return Result { try XMLSchema(contentsOf: path) }
    }()

    /// The generic schema; throws when it is missing (a failure only under MICROCRED_REQUIRE_REFDATA=1).
    static func genericSchema() throws -> XMLSchema? {
        guard try refDataURL("\(xsdFolder)/genericschema_1.2.xsd") != nil, let generic else { return nil }
        return try generic.get()
    }

    /// The bytes of a reference file, or `nil` when it is absent and not required.
    static func document(_ relative: String) throws -> [UInt8]? {
        guard let url = try refDataURL("elm/edc-v1-xml/\(relative)") else { return nil }
        return Array(try Data(contentsOf: url))
    }

    @Test func loadsTheGenericSchemaWithoutTheNetwork() throws {
        guard let schema = try Self.genericSchema() else { return }
        #expect(schema.loadWarnings.contains { $0.message.contains("XAdES01903v141-201601.xsd") })
        #expect(schema.loadWarnings.allSatisfy { $0.severity == .warning })
    }

    @Test(arguments: ["EDC_WileECoyote_Simple.xml", "EDC_SampleACT_AA.xml", "EDC_SampleDegree_AA.xml"])
    func theELMSamplesAreValid(file: String) throws {
        guard let schema = try Self.genericSchema(), let bytes = try Self.document("samples/\(file)") else { return }
        #expect(schema.validate(bytes, documentName: file) == [])
    }

    @Test func theMandatedPresentationNeedsTheMandatedSchema() throws {
        let file = "samples/EDC_DiplomaSupplement_AA.vp-mandated.xml"
        guard let schema = try Self.genericSchema(), let bytes = try Self.document(file),
            let mandatedURL = try refDataURL("\(Self.xsdFolder)/mandatedschema_generic_1.2.xsd")
        else { return }
        let issues = schema.validate(bytes, documentName: file)
        #expect(issues.map(\.code) == [XMLIssue.Code.schemaViolation])
        #expect(issues.first?.message.contains("verifiablePresentation") == true)
        #expect(issues.first?.line == 1)

        let mandated = try XMLSchema(contentsOf: mandatedURL.path)
        #expect(mandated.validate(bytes, documentName: file) == [])
    }

    @Test func theStandaloneDiplomaSupplementSchemaDoesNotCompile() throws {
        guard let url = try refDataURL("\(Self.xsdFolder)/mandatedschema_dp_1.2.xsd") else { return }
        let error = #expect(throws: XMLError.self) { try XMLSchema(contentsOf: url.path) }
        #expect(error?.code == XMLIssue.Code.invalidSchema)
        #expect(error?.issue.message.contains("DocumentURLType") == true)
    }

    static let fixtures = [
        "credential-generic-contactPoint-choice-OK.xml", "credential-generic-contactPoint-choice-KO.xml",
        "credential-generic-profile-xsd_v1.2.xml", "issuer_test_seal_credential.v1.1.xml",
        "test_name_accredited_credential_step1_true.xml",
    ]

    @Test(arguments: fixtures)
    func theEDCFixturesUseAnotherLanguageListWrapper(file: String) throws {
        guard let schema = try Self.genericSchema(), let bytes = try Self.document("test-fixtures/\(file)") else {
            return
        }
        let issues = schema.validate(bytes, documentName: file)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.code == XMLIssue.Code.schemaViolation)
        #expect(issue.line == 16)
        #expect(issue.column != nil)
        #expect(issue.message.contains("'{http://data.europa.eu/snb}language'"))
        #expect(issue.message.contains("availableLanguages"))
    }

    @Test(arguments: fixtures)
    func theEDCFixturesBehaveAsNamedOnceTheWrapperIsRenamed(file: String) throws {
        guard let schema = try Self.genericSchema(), let bytes = try Self.document("test-fixtures/\(file)") else {
            return
        }
        let converted = try Self.renamingLanguageListWrapper(bytes)
        let issues = schema.validate(converted, documentName: file)
        if file.hasSuffix("-KO.xml") {
            #expect(!issues.isEmpty)
            #expect(issues.allSatisfy { $0.code == XMLIssue.Code.schemaViolation })
            #expect(issues.contains { $0.message.contains("contactPoint") }, "\(issues)")
        } else {
            #expect(issues == [], "\(issues)")
        }
    }

    @Test(arguments: ["EDC_WileECoyote_Simple.xml", "EDC_SampleDegree_AA.xml"])
    func aSampleStaysValidThroughTheReaderAndWriter(file: String) throws {
        guard let schema = try Self.genericSchema(), let bytes = try Self.document("samples/\(file)") else { return }
        for indent in [false, true] {
            let reader = try XMLPullReader(bytes: bytes, documentName: file)
            _ = try reader.next()
            let root = try reader.readElement()
            let writer = try XMLStreamWriter(indent: indent)
            try writer.startDocument()
            try writer.write(indent ? Self.withoutWhitespaceText(root) : root)
            #expect(schema.validate(try writer.finish(), documentName: file) == [])
        }
    }

    @Test func reportsEveryViolationWithItsLine() throws {
        guard let schema = try Self.genericSchema() else { return }
        let document = """
            <europassCredential xmlns="http://data.europa.eu/snb" xsdVersion="0.10.0">
              <unexpected/>
            </europassCredential>
            """
        let issues = schema.validate(Array(document.utf8), documentName: "bad.xml")
        #expect(issues.count == 2, "\(issues)")
        #expect(issues.allSatisfy { $0.code == XMLIssue.Code.schemaViolation && $0.severity == .error })
        #expect(issues.map(\.line) == [1, 2])
        #expect(issues.contains { $0.message.contains("'{http://data.europa.eu/europass/model/credentials/w3c#}id'") })
    }

    @Test func reportsMalformedAndHostileDocumentsWithTheReaderCodes() throws {
        guard let schema = try Self.genericSchema() else { return }
        #expect(
            schema.validate(Array("<europassCredential>".utf8), documentName: "cut.xml").map(\.code) == [
                XMLIssue.Code.truncated
            ])
        let hostile =
            #"<!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]><europassCredential>&x;</europassCredential>"#
        #expect(schema.validate(Array(hostile.utf8), documentName: "x.xml").first?.code == XMLIssue.Code.externalEntity)
        #expect(schema.validate([], documentName: "empty.xml").map(\.code) == [XMLIssue.Code.emptyDocument])
    }

    @Test func validatesConcurrentlyWithOneSchema() async throws {
        guard let schema = try Self.genericSchema(),
            let valid = try Self.document("samples/EDC_WileECoyote_Simple.xml"),
            let invalid = try Self.document("test-fixtures/credential-generic-contactPoint-choice-OK.xml")
        else { return }
        let counts = await withTaskGroup(of: (Bool, Int).self) { group in
            for index in 0..<24 {
                let isValid = index.isMultiple(of: 2)
                group.addTask {
                    (isValid, schema.validate(isValid ? valid : invalid, documentName: "\(index).xml").count)
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(counts.count == 24)
        #expect(counts.allSatisfy { isValid, count in count == (isValid ? 0 : 1) })
    }

    // MARK: - Helpers

    /// `document` with the root's `<language>` list wrapper renamed `<availableLanguages>`, the
    /// spelling genericschema_1.2.xsd expects; done with the reader and writer under test.
    static func renamingLanguageListWrapper(_ document: [UInt8]) throws -> [UInt8] {
        let reader = try XMLPullReader(bytes: document, documentName: "fixture")
        _ = try reader.next()
        var root = try reader.readElement()
        root.children = root.children.map { child in
            guard case .element(var element) = child, element.localName == "language", !element.elements.isEmpty else {
                return child
            }
            element.localName = "availableLanguages"
            return .element(element)
        }
        let writer = try XMLStreamWriter()
        try writer.startDocument()
        try writer.write(root)
        return try writer.finish()
    }

    /// `element` without white-space-only text between child elements, so an indenting writer can lay it out.
    static func withoutWhitespaceText(_ element: XMLElement) -> XMLElement {
        var copy = element
        guard !element.elements.isEmpty else { return copy }
        copy.children = element.children.compactMap { child in
            switch child {
            case .element(let child): .element(withoutWhitespaceText(child))
            case .text(let text): text.allSatisfy(\.isWhitespace) ? nil : child
            }
        }
        return copy
    }
}

@Suite("XMLSchema: loading")
struct XMLSchemaLoadingTests {
    @Test func refusesAMissingOrInvalidSchemaFile() throws {
        let missing = #expect(throws: XMLError.self) { try XMLSchema(contentsOf: "/nonexistent/schema.xsd") }
        #expect(missing?.code == XMLIssue.Code.unreadable)

        let url = FileManager.default.temporaryDirectory.appendingPathComponent("invalid-\(UUID().uuidString).xsd")
        defer { try? FileManager.default.removeItem(at: url) }
        let invalidSchema =
            #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">"#
            + #"<xs:element name="a" type="xs:nothing"/></xs:schema>"#
        try Data(invalidSchema.utf8).write(to: url)
        let invalid = #expect(throws: XMLError.self) { try XMLSchema(contentsOf: url.path) }
        #expect(invalid?.code == XMLIssue.Code.invalidSchema)
        #expect(invalid?.issue.message.contains("nothing") == true)
    }

    @Test func refusesAnImportOverTheNetwork() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("remote-\(UUID().uuidString).xsd")
        defer { try? FileManager.default.removeItem(at: url) }
        let schemaText =
            #"<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:a">"#
            + #"<xs:import namespace="urn:b" schemaLocation="http://example.invalid/b.xsd"/>"#
            + #"<xs:element name="a" type="xs:string"/></xs:schema>"#
        try Data(schemaText.utf8).write(to: url)
        let error = #expect(throws: XMLError.self) { try XMLSchema(contentsOf: url.path) }
        #expect(error?.code == XMLIssue.Code.unreadable)
        #expect(error?.issue.message == "attempt to load network entity http://example.invalid/b.xsd")
    }
}

import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// A JSON Lines record is written straight to bytes (``OB3Renderer/renderLine(_:)``): for every
/// credential and every option it must be the document the tree rendering makes, serialized, with
/// the same notes.
struct OB3LineRenderingTests {
    /// Four sets of options, by `variant`: recipients hashed with a secret; plain recipients with
    /// proofs kept; the extension context by URL; no extension context and no OB 2.0 migration.
    static func options(_ variant: Int) -> OB3RenderOptions {
        switch variant % 4 {
        case 0: OB3RenderOptions(salts: RecipientSalt(secret: "k"))
        case 1: OB3RenderOptions(plainRecipients: true, keepProofs: true)
        case 2: OB3RenderOptions(extensionContext: .url("https://example.org/microcred.jsonld"))
        default: OB3RenderOptions(migrateOB2: false, statesExtensionContext: false)
        }
    }

    static func expectLineMatchesTree(
        _ credential: Credential, options: OB3RenderOptions, _ comment: Comment, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let renderer = OB3Renderer(options: options)
        let tree = renderer.render(credential)
        guard let line = renderer.renderLine(credential) else {
            Issue.record("no line for \(comment)", sourceLocation: sourceLocation)
            return
        }
        let expected = JSONSerializer().serialize(tree.document) + [0x0A]
        #expect(line.bytes == expected, "\(comment)", sourceLocation: sourceLocation)
        if line.bytes != expected {
            let at = zip(line.bytes, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(line.bytes.count, expected.count)
            Issue.record(
                "first difference at byte \(at): \(String(decoding: line.bytes[max(0, at - 60)...].prefix(120), as: UTF8.self))",
                sourceLocation: sourceLocation)
        }
        #expect(line.diagnostics == tree.diagnostics, "\(comment)", sourceLocation: sourceLocation)
        #expect(line.hashedEmail == tree.hashedEmail, "\(comment)", sourceLocation: sourceLocation)
    }

    @Test func generatedCredentials() {
        var generator = CredentialGenerator(seed: 4_242)
        for index in 0..<400 {
            let credential = generator.next()
            Self.expectLineMatchesTree(credential, options: Self.options(index), "generated \(index)")
            Self.expectLineMatchesTree(
                OpenBadgesHarness.normalised(credential), options: Self.options(index + 1), "generated \(index), normalised")
        }
    }

    @Test func fullyFilledCredential() {
        for variant in 0..<4 { Self.expectLineMatchesTree(Fixtures.microCredential, options: Self.options(variant), "fixture \(variant)") }
    }

    /// Unmapped fields of other formats go into `sourceField`; names in them that the extension
    /// context defines count as used, except inside an `@context`.
    @Test func otherFormatsUnmappedFieldsAndTheTermsInThem() {
        var credential = Fixtures.microCredential
        credential.unmapped = [
            UnmappedField(format: "csv", path: "Notes", value: "kept"),
            UnmappedField(
                format: "elm-xml", path: "/x",
                value: .object([
                    JSONMember("stackability", "a term, written in the line"),
                    JSONMember("@context", .object([JSONMember("entryRequirement", "inside a context: not counted")])),
                ])),
        ]
        credential.endorsements = [.object([JSONMember("@context", "x"), JSONMember("givenName", "held, not schema")])]
        for variant in 0..<4 { Self.expectLineMatchesTree(credential, options: Self.options(variant), "unmapped \(variant)") }
    }

    /// A document with no extension members of its own, whose kept endorsement, proof and evidence
    /// hold names the extension context defines: the names are noted, and still no context is added.
    @Test func termsInKeptValuesWithoutExtensionMembers() {
        let endorsement: JSONValue = .object([
            JSONMember("@context", .array([.string(OB3Vocabulary.credentialsV2Context)])),
            JSONMember("type", .array(["VerifiableCredential", .string(OB3Vocabulary.endorsementCredential)])),
            JSONMember("id", "urn:uuid:e1"), JSONMember("name", "Endorsement"), JSONMember("validFrom", "2025-01-01T00:00:00Z"),
            JSONMember("issuer", "https://endorser.example.org"),
            JSONMember("credentialSubject", .object([JSONMember("id", "urn:uuid:c1"), JSONMember("type", .array(["EndorsementSubject"])), JSONMember("givenName", "in a kept value")])),
        ])
        let credential = Credential(
            id: "urn:uuid:c1", title: "Kept values", issued: .date(CalendarDate(year: 2025, month: 3, day: 1)!),
            learner: Learner(id: "did:example:learner"), issuer: Organisation(id: "https://issuer.example.org", name: "Issuer"),
            achievement: Achievement(id: "https://issuer.example.org/a", title: "Kept values"),
            evidence: [Evidence(id: "https://issuer.example.org/e", name: "stackability")],
            endorsements: [endorsement],
            proofs: [Proof(format: "data-integrity", value: .object([JSONMember("type", "DataIntegrityProof"), JSONMember("familyName", "x")]))])
        for variant in 0..<4 { Self.expectLineMatchesTree(credential, options: Self.options(variant), "kept values \(variant)") }
    }

    /// The writer writes a record with `ob3` fields to set back through the tree, and the line
    /// it writes is that document serialized.
    @Test func writerSetsOB3FieldsBackThroughTheTree() throws {
        var credential = Fixtures.microCredential
        credential.unmapped = [UnmappedField(format: OpenBadges3Format.id, path: "/credentialSubject/achievement/x-kept", value: "kept")]
        let written = try OpenBadgesHarness.write(credential, secret: "s").bytes
        let document = try JSONParser.parse(written)
        #expect(document["credentialSubject"]?["achievement"]?["x-kept"] == "kept")
        #expect(written == JSONSerializer().serialize(document) + [0x0A])
    }

    /// A record read from OB 3.0 carries its unmapped `ob3` fields, which only the tree rendering
    /// sets back; without them, the line is the same as the tree.
    @Test(arguments: OB3ExampleTests.positives.filter { $0.hasSuffix(".json") })
    func readExamples(_ path: String) throws {
        guard let outcomes = try OB3ExampleTests.read(path) else { return }
        #expect(!outcomes.isEmpty)
        for (index, outcome) in outcomes.enumerated() {
            guard var credential = outcome.credential else { continue }
            if credential.unmapped.contains(where: { $0.format == OpenBadges3Format.id }) {
                #expect(OB3Renderer(options: Self.options(index)).renderLine(credential) == nil)
                credential.unmapped.removeAll { $0.format == OpenBadges3Format.id }
            }
            for variant in 0..<4 { Self.expectLineMatchesTree(credential, options: Self.options(variant), "\(path) #\(index)/\(variant)") }
        }
    }
}

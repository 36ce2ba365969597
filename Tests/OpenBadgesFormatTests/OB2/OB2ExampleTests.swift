import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// OB 2.0 and legacy examples: every assertion reads (with its batch's BadgeClass and Issuer),
/// matches its golden model, writes back as OB 2.0 losslessly, and migrates to OB 3.0 credentials
/// that pass the schema.
struct OB2ExampleTests {
    static let positives = [
        "legacy/examples/validator-core/0_5_assertion.json", "legacy/examples/validator-core/0_5_1_assertion.json",
        "legacy/examples/validator-core/2_0_basic_assertion.json",
        "ob2/examples/spec/assertion-example.json", "ob2/examples/spec/signed-badges-example-2.json",
        "ob2/examples/spec/spec-inline-assertion-0.json",
        "ob2/examples/validator/assertion-with-data-image.json", "ob2/examples/validator/assertion-with-endorsements.json",
        "ob2/examples/validator/assertion-with-extension-node-basic.json",
        "ob2/examples/validator/assertion-with-multiple-extensions.json", "ob2/examples/validator/basic-assertion.json",
        "ob2/examples/validator/simple-badge.png", "ob2/examples/validator/simple.jwt", "ob2/examples/validator/simple-revoked.jwt",
        "baking/ob2-baked_heart.png", "baking/ob2-spec-example-baked.svg.txt",
    ]

    /// Examples whose BadgeClass is not in refdata: the assertion is reported, naming the id.
    static let unresolved = [
        ("ob2/examples/validator/basic-assertion-with-language.json", "https://example.org/badgeclass-with-language.json"),
        ("ob2/examples/validator/simple-not-revoked.jwt", "https://example.org/badge-from-organization-with-empty-revocation-list.json"),
        ("ob2/examples/validator/warning-issuer-non-http.json", "http://example.org/badge-with-bad-issuer.json"),
    ]

    /// Assertions that lack what an OB 3.0 credential requires, with the rule that says so.
    static let notMigratable = [
        "legacy/examples/validator-core/0_5_assertion.json": ["ob3.write.missing-valid-from"]
    ]

    static let goldenFolder = RepositoryPaths.root.appendingPathComponent("Tests/OpenBadgesFormatTests/Golden/ob2")

    @Test(arguments: positives)
    func readsTheExampleAsItsGoldenModel(_ path: String) throws {
        guard let outcomes = try OB2Batch.read(path) else { return }
        #expect(outcomes.count == 1)
        let outcome = try #require(outcomes.first)
        #expect(!outcome.hasError, "\(outcome.codes)")
        let credential = try #require(outcome.credential)
        #expect(credential.achievement.title != nil, "the BadgeClass is resolved")
        let name = path.replacingOccurrences(of: "/", with: "__") + ".model.jsonl"
        Golden.assertMatches(try OpenBadgesHarness.modelLine(credential) + "\n", golden: Self.goldenFolder.appendingPathComponent(name))
    }

    @Test(arguments: unresolved)
    func namesTheReferenceItCannotResolve(_ path: String, _ id: String) throws {
        guard let outcomes = try OB2Batch.read(path) else { return }
        let diagnostic = try #require(outcomes.first?.diagnostics.first { $0.code == "ob2.unresolved-reference" })
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message.contains("'\(id)'"))
        #expect(diagnostic.hint?.contains("nothing is fetched") == true)
    }

    @Test(arguments: positives)
    func writesTheExampleBackAsOB2Losslessly(_ path: String) throws {
        guard let outcome = try OB2Batch.read(path)?.first else { return }
        let first = try #require(outcome.credential)
        let written = try OpenBadgesHarness.write(first, format: OpenBadges2Format.descriptor, options: ["plain-recipients": "true"])
        let document = try JSONParser.parse(written.bytes)
        #expect(document["badge"]?.isObject == true, "the BadgeClass is embedded")
        #expect(document["badge"]?["issuer"]?.isObject == true, "the Issuer is embedded")
        let second = try #require(try OpenBadgesHarness.read(written.bytes, format: OpenBadges2Format.descriptor).first?.credential)
        #expect(Self.sorted(second) == Self.sorted(first))
        let payload = try #require(outcome.record.payload as? OpenBadgesPayload)
        let strict = OB2Upgrade().upgrade(payload.document, resolved: payload.resolved).document
        #expect(JSONContainment.missing(strict, in: document) == [])
    }

    @Test func migratesToOB3CredentialsThatPassTheSchema() throws {
        guard let schema = SchemaValidator.ob3Schema() else { return }
        var documents: [JSONValue] = []
        var paths: [String] = []
        for path in Self.positives {
            guard let credential = try OB2Batch.read(path)?.first?.credential else { return }
            let normalised = OpenBadgesHarness.normalised(credential)
            let refusals = OpenBadgesHarness.writeRuleFindings(normalised, format: OpenBadges3Format.descriptor).map(\.code)
            guard refusals.isEmpty else {
                #expect(Self.notMigratable[path] == refusals, "\(path)")
                continue
            }
            documents.append(try OpenBadgesHarness.document(normalised, secret: "k"))
            paths.append(path)
        }
        guard let results = SchemaValidator.errors(for: documents, schema: schema) else { return }
        #expect(results.count == paths.count)
        for (path, errors) in zip(paths, results) { #expect(errors == [], "\(path)") }
    }

    @Test func followsTheMigrationGuidance() throws {
        guard let credential = try OB2Batch.read("ob2/examples/validator/basic-assertion.json")?.first?.credential else { return }
        let document = try OpenBadgesHarness.document(OpenBadgesHarness.normalised(credential), secret: "k")
        let id = try #require(document["id"]?.stringValue)
        #expect(id.hasPrefix("urn:uuid:") && id != credential.id, "a new credential id")
        let evidence = try #require(document["evidence"]?.listValue.last)
        #expect(evidence["id"] == "https://example.org/beths-robotics-badge.json")
        #expect(evidence["type"] == .array(["Evidence", "https://w3id.org/openbadges#Assertion"]))
        let achievement = try #require(document["credentialSubject"]?["achievement"])
        #expect(achievement["id"]?.stringValue?.hasPrefix("urn:uuid:") == true)
        #expect(achievement["type"] == .array(["Achievement", "https://w3id.org/openbadges#BadgeClass"]))
        #expect(achievement["related"]?.listValue.first?["id"] == "https://example.org/robotics-badge.json")
        #expect(achievement["related"]?.listValue.first?["version"] == "Open Badges v2p0")
        let issuerIdentifiers = document["issuer"]?["otherIdentifier"]?.listValue ?? []
        #expect(issuerIdentifiers.contains { $0["identifier"] == "https://example.org/organization.json" && $0["identifierType"] == "identifier" })
        #expect(document["credentialSubject"]?["identifier"]?.listValue.first?["identityHash"] == "sha256$ecf5409f3f4b91ab60cc5ef4c02aef7032354375e70cf4d8e43f6a1d29891942")
    }

    /// The model with unmapped fields in a fixed order and without the JWS of a signed assertion
    /// (a written assertion is not signed).
    static func sorted(_ credential: Credential) -> Credential {
        var copy = credential
        copy.proofs.removeAll { $0.format == "jws" }
        copy.unmapped.sort { ($0.format, $0.path) < ($1.format, $1.path) }
        return copy
    }
}

import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Every OB 3.0 credential example in refdata reads, matches its golden model, writes back
/// losslessly and, once written, passes the 1EdTech schema.
struct OB3ExampleTests {
    /// Examples that are achievement credentials (VC 2.0 and 1.1, VC-JWT, signed and unsigned,
    /// and the credentials inside CLRs).
    static let positives = [
        "ob3/examples/spec/achievement-alignment-case.json", "ob3/examples/spec/achievement-alignment-ctdl.json",
        "ob3/examples/spec/basic-openbadgecredential.json", "ob3/examples/spec/complete-openbadgecredential.json",
        "ob3/examples/spec/docformat-sample-openbadgecredential-file-contents.json",
        "ob3/examples/spec/migrating-upgraded-ob-2-0-assertion-included-within-clr-2-0.json",
        "ob3/examples/spec/skill-assertion-case.json", "ob3/examples/spec/skill-assertion-ctdl.json",
        "ob3/examples/validator/complete.json", "ob3/examples/validator/complete_v1.json",
        "ob3/examples/validator/credential-status-revoked.json", "ob3/examples/validator/simple-context-alias.json",
        "ob3/examples/validator/simple-context-version.json", "ob3/examples/validator/simple-did-key-method.json",
        "ob3/examples/validator/simple-did-web-method.json", "ob3/examples/validator/simple-eddsa-2022.json",
        "ob3/examples/validator/simple-multiple-proofs.json", "ob3/examples/validator/simple-noproof.json",
        "ob3/examples/validator/simple.json", "ob3/examples/validator/simple.jwt", "ob3/examples/validator/simple_v1.json",
        "ob3/examples/validator/baked/simple-json.png", "ob3/examples/validator/baked/simple-json.svg",
        "ob3/examples/validator/baked/simple-jwt.png", "ob3/examples/validator/baked/simple-jwt.svg",
        "ob3/examples/validator/baked/simple-jwt_v1.svg",
        "ob3/examples/dcc/v1__dataIntegrityProof__didKey__legacyRegistry-noStatus-noExpiry-OBSpecExample.json",
        "ob3/examples/dcc/v1__ed25519__didKey__oidf-noStatus-noExpiry.json",
        "ob3/examples/dcc/v2__bothSignatureTypes__didkey__legacy-noStatus-noExpiry.json",
        "ob3/examples/dcc/v2__dataIntegrityProof__didKey__legacyRegistry-noStatus-noExpiry-OBSpecExample.json",
        "ob3/examples/dcc/v2__dataIntegrityProof__didKey__legacyRegistry-noStatus-noExpiry-achievementTypeExample.json",
        "ob3/examples/dcc/v2__dataIntegrityProof__didKey__legacyRegistry-noStatus-noExpiry-alignments.json",
        "ob3/examples/dcc/v2__dataIntegrityProof__didKey__legacyRegistry-noStatus-noExpiry-identityHash.json",
        "ob3/examples/dcc/v2__dataIntegrityProof__didKey__oidf-noStatus-notExpired-complexIssuer.json",
        "ob3/examples/dcc/v2__ed25519__didKey__legacy-noStatus-noExpiry-tampered.json",
        "ob3/examples/community/mynextid-microcredential-ob3.json",
        "ob3/test-vectors/eddsa-rdfc-2022/credential-signed.json", "ob3/test-vectors/eddsa-rdfc-2022/credential-unsigned.json",
        "clr2/examples/simple.json", "clr2/examples/simple-noproof.json",
    ]

    /// Examples that are not achievement credentials, and the diagnostic each gets.
    static let nonCredentials = [
        ("ob3/examples/spec/endorsementcredential.json", "ob3.unsupported-credential-type"),
        ("ob3/examples/validator/endorsement-valid.json", "ob3.unsupported-credential-type"),
        ("ob3/examples/dcc/v2__dataIntegrityProof__didKey__legacyRegistry-noStatus-noExpiry-minimal.json", "ob3.not-an-achievement-credential"),
        ("ob3/examples/community/mynextid-microcredential-ob3.jwt", "openbadges.invalid-jws"),
        ("ob3/examples/spec/migrating-issuer-profile-relation-between-open-badges-3-0-and-open-bad.invalid-json.txt", "json.malformed"),
        ("ob3/examples/spec/migrating-openbadges-3-0-achievement-with-linked-openbadges-2-0-badgec.invalid-json.txt", "json.malformed"),
    ]

    /// Examples that read but cannot be written as valid OB 3.0 (they lack what the schema
    /// requires), with the write rules that reject them.
    static let unwritable: [String: [String]] = [:]

    static let goldenFolder = RepositoryPaths.root.appendingPathComponent("Tests/OpenBadgesFormatTests/Golden/ob3")

    static func read(_ path: String) throws -> [OpenBadgesHarness.Outcome]? {
        guard let url = RefData.url("openbadges/" + path) else { return nil }
        return try OpenBadgesHarness.read(url)
    }

    @Test(arguments: positives)
    func readsTheExampleAsItsGoldenModel(_ path: String) throws {
        guard let outcomes = try Self.read(path) else { return }
        #expect(!outcomes.isEmpty)
        var lines = ""
        for outcome in outcomes {
            #expect(!outcome.hasError, "\(outcome.codes)")
            let credential = try #require(outcome.credential)
            lines += try OpenBadgesHarness.modelLine(credential) + "\n"
        }
        let name = path.replacingOccurrences(of: "/", with: "__") + ".model.jsonl"
        Golden.assertMatches(lines, golden: Self.goldenFolder.appendingPathComponent(name))
    }

    @Test(arguments: nonCredentials)
    func reportsExamplesThatAreNotAchievementCredentials(_ path: String, _ code: String) throws {
        guard let outcomes = try Self.read(path) else { return }
        #expect(outcomes.first?.credential == nil)
        #expect(outcomes.first?.codes.contains(code) == true, "\(outcomes.first?.codes ?? [])")
    }

    /// ob3 → model → ob3 → model gives the same model, and the written document states everything
    /// the source (in its VC 2.0 form) states.
    @Test(arguments: positives)
    func writesTheExampleBackLosslessly(_ path: String) throws {
        guard let outcomes = try Self.read(path) else { return }
        for outcome in outcomes {
            let first = try #require(outcome.credential)
            let refusals = OpenBadgesHarness.writeRuleFindings(first, format: OpenBadges3Format.descriptor)
            if !refusals.isEmpty {
                #expect(Self.unwritable[path] == refusals.map(\.code), "\(refusals.map(\.message))")
                continue
            }
            let written = try OpenBadgesHarness.write(first, options: ["plain-recipients": "true", "keep-proofs": "true"])
            let document = try JSONParser.parse(written.bytes)
            let again = try OpenBadgesHarness.read(written.bytes)
            let second = try #require(again.first?.credential, "\(again.first?.codes ?? [])")
            #expect(Self.comparable(second) == Self.comparable(first))
            let source = (outcome.record.payload as? OpenBadgesPayload)?.document ?? outcome.record.raw
            var strict = OB3Upgrade().upgrade(source).document
            // Values the schema refuses where they were (a VC 1.1 endorsement, an achievementType
            // outside the vocabulary) are kept verbatim in sourceField instead.
            for held in (document[MicrocredExtension.Term.sourceField]?.listValue ?? []).compactMap(SourceFieldCoding.decode)
            where held.format == OpenBadges3Format.id {
                if let tokens = JSONPointer.tokens(held.path), strict.value(at: tokens) == held.value { strict.removeValue(at: tokens[...]) }
            }
            #expect(JSONContainment.missing(strict, in: document) == [])
        }
    }

    @Test func writtenExamplesPassTheSchema() throws {
        guard let schema = SchemaValidator.ob3Schema() else { return }
        var documents: [JSONValue] = []
        var names: [String] = []
        for path in Self.positives {
            guard let outcomes = try Self.read(path) else { return }
            for outcome in outcomes {
                guard let credential = outcome.credential,
                    OpenBadgesHarness.writeRuleFindings(credential, format: OpenBadges3Format.descriptor).isEmpty
                else { continue }
                documents.append(try OpenBadgesHarness.document(credential, options: ["keep-proofs": "true"]))
                names.append(path)
            }
        }
        guard let results = SchemaValidator.errors(for: documents, schema: schema) else { return }
        #expect(results.count == documents.count)
        for (name, errors) in zip(names, results) { #expect(errors == [], "\(name)") }
    }

    /// The model without what a JSON credential cannot carry (the JWT of a VC-JWT), with unmapped
    /// fields in a fixed order, and an achievement without a title named like its credential (the
    /// OB 3.0 achievement needs a name).
    static func comparable(_ credential: Credential) -> Credential {
        var copy = credential
        copy.achievement.title = copy.achievement.title ?? copy.title
        copy.proofs.removeAll { $0.format == "vc-jwt" }
        copy.unmapped.sort { ($0.format, $0.path) < ($1.format, $1.path) }
        return copy
    }
}

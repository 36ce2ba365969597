import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Reading OB 2.0 and legacy assertions: upgrades, references resolved within an input and across
/// a batch, accounting, and the diagnostics of the validator's negative examples.
struct OB2ReadingTests {
    static let badgeClass = #"{"@context":"https://w3id.org/openbadges/v2","type":"BadgeClass","id":"https://example.org/badges/1","name":"Robotics","description":"Builds robots.","image":"https://example.org/badges/1.png","criteria":"https://example.org/badges/1/criteria","issuer":"https://example.org/issuer"}"#
    static let issuer = #"{"@context":"https://w3id.org/openbadges/v2","type":"Issuer","id":"https://example.org/issuer","name":"Example Issuer","url":"https://example.org","email":"badges@example.org"}"#
    static func assertion(_ id: Int, badge: String = "https://example.org/badges/1") -> String {
        #"{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/assertions/\#(id)","recipient":{"type":"email","hashed":false,"identity":"learner\#(id)@example.org"},"badge":"\#(badge)","issuedOn":"2024-05-01T10:00:00Z","verification":{"type":"hosted"}}"#
    }

    @Test func resolvesReferencesWithinJSONLinesAndSkipsSupportingObjects() throws {
        let lines = [Self.assertion(1), Self.badgeClass, Self.assertion(2), Self.issuer, Self.assertion(3)].joined(separator: "\n")
        let outcomes = try OpenBadgesHarness.read(text: lines, format: OpenBadges2Format.descriptor)
        #expect(outcomes.count == 3, "BadgeClass and Issuer objects are not records")
        #expect(outcomes.map(\.record.location.record) == [1, 2, 3])
        #expect(outcomes.map(\.record.location.line) == [1, 3, 5])
        for outcome in outcomes {
            #expect(!outcome.hasError, "\(outcome.codes)")
            #expect(outcome.credential?.achievement.title == "Robotics")
            #expect(outcome.credential?.awardingBodies.first?.name == "Example Issuer")
        }
    }

    @Test func resolvesReferencesWithinAnArray() throws {
        let array = "[" + [Self.issuer, Self.badgeClass, Self.assertion(7)].joined(separator: ",") + "]"
        let outcomes = try OpenBadgesHarness.read(text: array, format: OpenBadges2Format.descriptor)
        #expect(outcomes.count == 1)
        #expect(outcomes.first?.credential?.awardingBodies.first?.email == "badges@example.org")
    }

    @Test func reportsAnUnresolvedBadgeClassNamingItsId() throws {
        let outcomes = try OpenBadgesHarness.read(text: Self.assertion(1, badge: "https://example.org/badges/missing"), format: OpenBadges2Format.descriptor)
        let diagnostic = try #require(outcomes.first?.diagnostics.first)
        #expect(diagnostic.code == "ob2.unresolved-reference" && diagnostic.severity == .error)
        #expect(diagnostic.message.contains("'https://example.org/badges/missing'"))
        #expect(diagnostic.location.field == "/badge")
    }

    @Test func resolvesAcrossTheFilesOfABatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ob2-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.assertion(1).utf8).write(to: folder.appendingPathComponent("a-assertion.json"))
        try Data(Self.badgeClass.utf8).write(to: folder.appendingPathComponent("b-badgeclass.json"))
        try Data(Self.issuer.utf8).write(to: folder.appendingPathComponent("c-issuer.json"))
        let inputs = try InputDiscovery.inputs(for: [folder.path])
        let (index, diagnostics) = OpenBadgesSupportIndex.scan(inputs)
        #expect(diagnostics.isEmpty)
        #expect(index.count == 2)
        let alone = try OpenBadgesHarness.read(folder.appendingPathComponent("a-assertion.json"), format: OpenBadges2Format.descriptor)
        #expect(alone.first?.codes.contains("ob2.unresolved-reference") == true, "without the batch index")
        let format = OpenBadges2Format.descriptor(resolvingWith: index)
        var records = 0
        for input in inputs {
            for outcome in try OpenBadgesHarness.read(URL(fileURLWithPath: input.name), format: format) {
                records += 1
                #expect(!outcome.hasError)
                #expect(outcome.credential?.achievement.title == "Robotics")
            }
        }
        #expect(records == 1, "one assertion; the BadgeClass and Issuer files hold no records")
    }

    @Test func upgradesA05AssertionWithAPlainRecipient() throws {
        guard let url = RefData.url("openbadges/legacy/examples/validator-core/0_5_assertion.json") else { return }
        let outcome = try #require(try OpenBadgesHarness.read(url, format: OpenBadges2Format.descriptor).first)
        let credential = try #require(outcome.credential)
        #expect(credential.learner.email == "test@example.com")
        #expect(credential.awardingBodies.first?.homepage == "http://oldstyle.com", "issuer.origin is the issuer's url")
        #expect(outcome.codes == ["ob2.legacy-upgraded", "ob2.legacy-recipient"])
        #expect(outcome.diagnostics.allSatisfy { !$0.message.contains("test@example.com") }, "e-mails are masked")
    }

    @Test func upgradesA051HashedRecipientAndDateOnlyTimestamp() throws {
        guard let url = RefData.url("openbadges/legacy/examples/validator-core/0_5_1_assertion.json") else { return }
        let outcome = try #require(try OpenBadgesHarness.read(url, format: OpenBadges2Format.descriptor).first)
        let credential = try #require(outcome.credential)
        let hashed = try #require(credential.learner.hashedIdentities.first)
        #expect(hashed.salt == "sel gris")
        #expect(RecipientHash.matches("test@example.com", hashed))
        #expect(credential.issued?.description == "2011-06-01T00:00:00Z")
        let note = try #require(outcome.diagnostics.first { $0.code == "ob2.timestamp-upgraded" })
        #expect(note.message.contains("'2011-06-01'") && note.message.contains("midnight UTC"))
    }

    @Test func upgrades10And11AssertionsWithTheirBadgeClass() throws {
        // 1.0 BadgeClass and Issuer files have no id: they are given the URL they were hosted at.
        let assertion = #"{"uid":"123abc","recipient":{"identity":"test@example.com","hashed":false,"type":"email"},"badge":"http://a.com/badgeclass","issuedOn":1430352000,"verify":{"type":"hosted","url":"http://a.com/instance"}}"#
        let badge = #"{"id":"http://a.com/badgeclass","name":"Basic Badge","description":"Basic as it gets.","image":"http://a.com/badgeclass_image","criteria":"http://a.com/badgeclass_criteria","issuer":"http://a.com/issuer","alignment":[{"name":"Skill","url":"http://a.com/skill","description":"A skill"}]}"#
        let issuer = #"{"id":"http://a.com/issuer","name":"Basic Issuer","url":"http://a.com"}"#
        let outcomes = try OpenBadgesHarness.read(text: [badge, issuer, assertion].joined(separator: "\n"), format: OpenBadges2Format.descriptor)
        #expect(outcomes.count == 1)
        let outcome = try #require(outcomes.first)
        let credential = try #require(outcome.credential)
        #expect(credential.id == "http://a.com/instance", "the hosted verify.url is the assertion id")
        #expect(credential.otherIdentifiers.contains(Identifier("123abc", scheme: "uid")))
        #expect(credential.issued?.description == "2015-04-30T00:00:00Z", "Unix time, UTC")
        #expect(credential.achievement.alignments == [Alignment(targetName: "Skill", targetUrl: "http://a.com/skill", targetDescription: "A skill")])
        #expect(outcome.codes.filter { $0.hasPrefix("ob2.") }.sorted() == ["ob2.legacy-upgraded", "ob2.legacy-upgraded", "ob2.legacy-upgraded", "ob2.timestamp-upgraded"])
        guard let url = RefData.url("openbadges/legacy/examples/validator-core/1_1_basic_assertion.json"),
            let badgeURL = RefData.url("openbadges/legacy/examples/validator-core/1_1_basic_badgeclass.json"),
            let issuerURL = RefData.url("openbadges/legacy/examples/validator-core/1_1_basic_issuer.json")
        else { return }
        let (index, _) = OpenBadgesSupportIndex.scan([.file(badgeURL.path), .file(issuerURL.path)])
        let v11 = try #require(try OpenBadgesHarness.read(url, format: OpenBadges2Format.descriptor(resolvingWith: index)).first)
        #expect(v11.credential?.awardingBodies.first?.name == "An Example Badge Issuer")
        #expect(v11.codes == ["ob2.legacy-upgraded"])
    }

    @Test func warnsAboutAPlainStringRecipientIn10() throws {
        guard let url = RefData.url("openbadges/legacy/examples/validator-core/1_0_assertion_with_errors.json") else { return }
        let badge = #"{"id":"http://a.com/badgeclass","name":"Basic Badge","description":"Basic.","image":"http://a.com/i","criteria":"http://a.com/c","issuer":"http://a.com/issuer"}"#
        let assertion = JSONSerializer().string(try JSONParser.parse([UInt8](try Data(contentsOf: url))))
        let text = [badge, #"{"id":"http://a.com/issuer","name":"Basic Issuer","url":"http://a.com"}"#, assertion].joined(separator: "\n")
        let outcome = try #require(try OpenBadgesHarness.read(text: text, format: OpenBadges2Format.descriptor).first)
        let warning = try #require(outcome.diagnostics.first { $0.code == "ob2.legacy-recipient" }, "\(outcome.codes)")
        #expect(warning.severity == .warning)
        #expect(outcome.credential?.learner.email == "test@example.com")
    }

    struct NegativeCase: Sendable, CustomTestStringConvertible {
        var path: String
        var code: String
        var testDescription: String { path }
    }

    static let negatives = [
        NegativeCase(path: "ob2/examples/validator/basic-assertion-invalid-context.json", code: "ob2.invalid-context"),
        NegativeCase(path: "ob2/examples/validator/basic-assertion-invalid-type.json", code: "ob2.invalid-type"),
        NegativeCase(path: "ob2/examples/validator/basic-assertion-expired.json", code: "ob2.expired"),
        NegativeCase(path: "ob2/examples/validator/assertion-with-extension-node-invalid.json", code: "ob2.extension-not-validated"),
        NegativeCase(path: "ob2/examples/spec/revoked-hosted-assertion-example-see-more-about-ho.json", code: "ob2.revoked"),
        NegativeCase(path: "ob2/examples/spec/badgeclass-example.invalid-json.txt", code: "json.malformed"),
        NegativeCase(path: "ob2/examples/spec/criteria-example-2.invalid-json.txt", code: "json.malformed"),
        NegativeCase(path: "ob2/examples/spec/criteria-example-3.invalid-json.txt", code: "json.malformed"),
        NegativeCase(path: "ob2/examples/spec/endorsement-examples.invalid-json.txt", code: "json.malformed"),
        NegativeCase(path: "ob2/examples/spec/evidence-example-3.invalid-json.txt", code: "json.malformed"),
        NegativeCase(path: "ob2/examples/spec/evidence-example-4.invalid-json.txt", code: "json.malformed"),
        NegativeCase(path: "ob2/examples/spec/open-badges-in-linked-data.invalid-json.txt", code: "json.malformed"),
    ]

    @Test(arguments: negatives)
    func getsTheDiagnosticItsNameImplies(_ example: NegativeCase) throws {
        guard let outcomes = try OB2Batch.read(example.path) else { return }
        let diagnostic = try #require(outcomes.first?.diagnostics.first { $0.code == example.code }, "\(outcomes.first?.codes ?? [])")
        if example.code == "json.malformed" { #expect(diagnostic.location.line != nil && diagnostic.location.column != nil) }
    }

    @Test func anIssueDateInTheFutureIsReportedByTheRunsRule() throws {
        guard let credential = try OB2Batch.read("ob2/examples/validator/basic-assertion-in-future.json")?.first?.credential else { return }
        var found: [Diagnostic] = []
        IssuedNotInFutureRule().check(credential, context: StageContext(format: OpenBadgesHarness.readContext()), diagnostics: &found)
        #expect(found.map(\.code) == ["date.issued-in-future"])
    }

    @Test func warnsWhenAHostedBadgesIssuerIsNotHTTP() throws {
        let issuer = #"{"type":"Issuer","id":"urn:uuid:2d391246-6e0d-4dab-906c-b29770bd7aa6","name":"Issuer","url":"https://example.org","email":"a@example.org"}"#
        let badge = Self.badgeClass.replacingOccurrences(of: "\"issuer\":\"https://example.org/issuer\"", with: "\"issuer\":" + issuer)
        let outcome = try #require(try OpenBadgesHarness.read(text: badge + "\n" + Self.assertion(1), format: OpenBadges2Format.descriptor).first)
        #expect(outcome.codes.contains("ob2.issuer-not-http"))
    }

    @Test func keepsTheJWSOfASignedAssertion() throws {
        guard let outcome = try OB2Batch.read("ob2/examples/validator/simple.jwt")?.first else { return }
        let credential = try #require(outcome.credential)
        let proof = try #require(credential.proofs.first)
        #expect(proof.format == "jws")
        #expect(proof.value.stringValue?.split(separator: ".").count == 3)
        #expect(outcome.codes.contains("ob2.signature-not-verified"))
    }
}

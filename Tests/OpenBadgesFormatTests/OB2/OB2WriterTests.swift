import Foundation
import MicrocredModel
import MicrocredPipeline
import Testing
@testable import OpenBadgesFormat

/// Writing OB 2.0 assertions for consumers that still need them.
struct OB2WriterTests {
    static var credential: Credential { OpenBadgesHarness.normalised(Fixtures.microCredential) }

    @Test func writesAnAssertionWithEmbeddedBadgeClassAndIssuer() throws {
        let document = try OpenBadgesHarness.document(Self.credential, format: OpenBadges2Format.descriptor, secret: "k")
        #expect(document["type"] == "Assertion")
        #expect(document["@context"]?.listValue.first == .string(OB2Vocabulary.context))
        let badge = try #require(document["badge"])
        #expect(badge["type"] == "BadgeClass" && badge["name"] == "Data analysis")
        #expect(badge["issuer"]?["type"] == "Profile" && badge["issuer"]?["url"] == "https://uni.example.eu/")
        #expect(badge["mode"] == "blended", "EU elements travel in the extension")
        #expect(document["issuedOn"] == "2026-01-10T00:00:00Z")
        #expect(document[OB2Vocabulary.recipientProfileKey]?["name"] == "Zoë Müller")
        let recipient = try #require(document["recipient"])
        #expect(recipient["hashed"] == .bool(true) && recipient["type"] == "email")
        #expect(!String(decoding: JSONSerializer().serialize(document), as: UTF8.self).contains("zoe.mueller@"))
        let written = try OpenBadgesHarness.write(Self.credential, format: OpenBadges2Format.descriptor, secret: "k")
        let note = try #require(written.diagnostics.first { $0.code == "ob2.not-written" })
        #expect(note.message.contains("result") && note.message.contains("national id"))
    }

    @Test func readsItsOwnOutputBack() throws {
        let bytes = try OpenBadgesHarness.write(Self.credential, format: OpenBadges2Format.descriptor, options: ["plain-recipients": "true"]).bytes
        let back = try #require(try OpenBadgesHarness.read(bytes, format: OpenBadges2Format.descriptor).first?.credential)
        let original = Self.credential
        #expect(back.achievement.learningOutcomes == original.achievement.learningOutcomes)
        #expect(back.achievement.level == original.achievement.level)
        #expect(back.achievement.workload == original.achievement.workload)
        #expect(back.achievement.qualityAssurance == original.achievement.qualityAssurance)
        #expect(back.achievement.title == original.achievement.title)
        #expect(back.learner.email == original.learner.email && back.learner.fullName == original.learner.fullName)
        #expect(back.issued == original.issued, "a date stays a date")
        #expect(back.unmapped.contains { $0.format == "csv" && $0.path == "Notes" })
    }

    @Test func rejectsWhatOB2CannotHold() {
        var credential = Self.credential
        credential.learner = Learner(fullName: "No Identity")
        credential.achievement.image = nil
        let findings = OpenBadgesHarness.writeRuleFindings(credential, format: OpenBadges2Format.descriptor)
        #expect(findings.map(\.code) == ["ob2.write.missing-recipient", "ob2.write.missing-image"])
        #expect(findings.map(\.severity) == [.error, .warning])
    }
}

import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Credentials generated the way CSV imports look (varied scripts, optional fields left out,
/// metacharacters) pass the 1EdTech schema once written as OB 3.0, and read back to the same
/// model: csv → ob3 → model loses nothing.
struct GeneratedCredentialTests {
    static func generated(count: Int, seed: UInt64) -> [Credential] {
        var generator = CredentialGenerator(seed: seed)
        return (0..<count).map { _ in OpenBadgesHarness.normalised(generator.next()) }
    }

    @Test func writtenCredentialsPassTheSchema() throws {
        guard let schema = SchemaValidator.ob3Schema() else { return }
        let credentials = Self.generated(count: 150, seed: 20_260_115)
        var documents: [JSONValue] = []
        for credential in credentials {
            let refusals = OpenBadgesHarness.writeRuleFindings(credential, format: OpenBadges3Format.descriptor)
            #expect(refusals.isEmpty, "\(refusals.map(\.code))")
            documents.append(try OpenBadgesHarness.document(credential, secret: "nightly"))
        }
        guard let results = SchemaValidator.errors(for: documents, schema: schema) else { return }
        #expect(results.count == documents.count)
        for (index, errors) in results.enumerated() where !errors.isEmpty {
            Issue.record("credential \(index): \(errors.prefix(3))")
        }
    }

    @Test(arguments: [false, true])
    func readBackToTheSameModel(plainRecipients: Bool) throws {
        for credential in Self.generated(count: 150, seed: 77) {
            let options = ["plain-recipients": String(plainRecipients)]
            let bytes = try OpenBadgesHarness.write(credential, options: options, secret: "nightly").bytes
            let back = try #require(try OpenBadgesHarness.read(bytes).first?.credential)
            let expected = Canonical.afterOB3(credential, plainRecipients: plainRecipients)
            let (actual, verified) = Canonical.withoutWrittenEmailHash(back, email: plainRecipients ? nil : credential.learner.email)
            #expect(verified, "the hashed e-mail matches the original address")
            #expect(actual == expected)
            if actual != expected { return }
        }
    }

    @Test func outputIsDeterministic() throws {
        let credentials = Self.generated(count: 20, seed: 5)
        let first = try credentials.map { try OpenBadgesHarness.write($0, secret: "k").bytes }
        let second = try credentials.map { try OpenBadgesHarness.write($0, secret: "k").bytes }
        #expect(first == second)
    }
}

import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// Each negative OB 3.0 example of the 1EdTech validator gets the diagnostic its name implies.
struct OB3NegativeExampleTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var code: String
        /// Part of the field the diagnostic points at, when it matters.
        var field: String?
        var testDescription: String { file }
    }

    static let cases = [
        Case(file: "endorsement-err-schema-status-refresh.json", code: "ob3.unsupported-credential-type"),
        Case(file: "simple-err-context.json", code: "ob3.invalid-context", field: "/@context"),
        Case(
            file: "simple-err-credential-subject-achievement-result-description-type.json", code: "ob3.invalid-type",
            field: "/credentialSubject/achievement/resultDescription/2"),
        Case(file: "simple-err-credential-subject-identifier-type.json", code: "ob3.invalid-type", field: "/credentialSubject/identifier/0"),
        Case(file: "simple-err-credential-subject-result-type.json", code: "ob3.invalid-type", field: "/credentialSubject/result/1"),
        Case(file: "simple-err-evidence-type.json", code: "ob3.invalid-type", field: "/evidence/1"),
        Case(file: "simple-err-expired.json", code: "ob3.expired", field: "/validUntil"),
        Case(file: "simple-err-issuer-otheridentifier-type.json", code: "ob3.invalid-type", field: "/issuer/otherIdentifier/1"),
        Case(file: "simple-err-issuer-parentorg-type.json", code: "ob3.invalid-type", field: "/issuer/parentOrg"),
        Case(file: "simple-err-issuer.json", code: "ob3.missing-issuer", field: "/issuer"),
        Case(file: "simple-err-type.json", code: "ob3.not-an-achievement-credential", field: "/type"),
        // Signatures are not verified; the proof is kept and the note says so.
        Case(file: "simple-err-proof-value.json", code: "ob3.proof-not-verified"),
    ]

    @Test(arguments: cases)
    func getsTheDiagnosticItsNameImplies(_ example: Case) throws {
        guard let url = RefData.url("openbadges/ob3/examples/validator/negative/" + example.file) else { return }
        let outcomes = try OpenBadgesHarness.read(url)
        #expect(outcomes.count == 1)
        let diagnostic = try #require(outcomes.first?.diagnostics.first { $0.code == example.code }, "\(outcomes.first?.codes ?? [])")
        if let field = example.field { #expect(diagnostic.location.field == field) }
        #expect(diagnostic.location.file == example.file, "located in its input")
    }

    @Test func anIssueDateInTheFutureIsReportedByTheRunsRule() throws {
        guard let url = RefData.url("openbadges/ob3/examples/validator/negative/simple-err-issued.json") else { return }
        let outcome = try #require(try OpenBadgesHarness.read(url).first)
        let credential = try #require(outcome.credential)
        var found: [Diagnostic] = []
        IssuedNotInFutureRule().check(credential, context: StageContext(format: OpenBadgesHarness.readContext()), diagnostics: &found)
        #expect(found.map(\.code) == ["date.issued-in-future"])
        #expect(outcome.codes.contains("ob3.missing-achievement"))
    }

    @Test func aCredentialWithoutIssuerIsRejectedForWriting() throws {
        guard let url = RefData.url("openbadges/ob3/examples/validator/negative/simple-err-issuer.json") else { return }
        let credential = try #require(try OpenBadgesHarness.read(url).first?.credential)
        let findings = OpenBadgesHarness.writeRuleFindings(credential, format: OpenBadges3Format.descriptor)
        #expect(findings.map(\.code) == ["ob3.write.missing-issuer"])
        #expect(findings.allSatisfy { $0.severity == .error })
    }
}

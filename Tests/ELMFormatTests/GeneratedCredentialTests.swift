import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// Documents written from generated credentials (varied text, scripts, metacharacters, optional
/// fields) are valid against the XSD, and writing is a fixed point after one round.
@Suite struct GeneratedCredentialTests {
    static let seeds: [UInt64] = Array(1...24)

    /// The generator's organisations often lack the registration identifier the schema requires;
    /// give them one so every credential reaches the writer.
    static func registered(_ credential: Credential) -> Credential {
        var credential = credential
        func register(_ organisation: inout Organisation, _ value: String) {
            if organisation.registrationIds.isEmpty { organisation.registrationIds = [Identifier(value, scheme: "test")] }
        }
        if var issuer = credential.issuer {
            register(&issuer, "REG-ISSUER")
            credential.issuer = issuer
        }
        for index in credential.awardingBodies.indices { register(&credential.awardingBodies[index], "REG-\(index)") }
        return credential
    }

    @Test("written documents are valid and stable", arguments: seeds)
    func validAndStable(_ seed: UInt64) throws {
        var generator = CredentialGenerator(seed: seed)
        var written = 0
        for _ in 0..<12 {
            let credential = Self.registered(generator.next())
            let findings = ELM.ruleFindings(credential)
            guard findings.isEmpty else {
                #expect(findings.allSatisfy { $0.code == "elm.duplicate-text-language" }, "\(findings)")
                continue
            }
            let first = try ELM.write(credential)
            written += 1
            if let violations = ELM.violations(first.bytes) {
                #expect(violations.isEmpty, "seed \(seed): \(violations.prefix(3))")
            }
            let read = ELM.read(first.bytes)
            #expect(read.errors.isEmpty, "\(read.errors)")
            let model = try #require(read.credentials.first)
            #expect(model.unmapped.isEmpty, "nothing the writer wrote is left unmapped: \(model.unmapped.map(\.path))")
            #expect(model.learner.givenNames == credential.learner.givenNames)
            #expect(model.learner.familyName == credential.learner.familyName)
            #expect(model.achievement.learningOutcomes.map { $0.text.entries.map(\.value) } == credential.achievement.learningOutcomes.map { $0.text.entries.map(\.value) })
            #expect(model.achievement.workload.credits == credential.achievement.workload.credits)
            let second = try ELM.write(model)
            #expect(second.bytes == (try ELM.write(model)).bytes, "deterministic")
            let reread = try #require(ELM.read(second.bytes).credentials.first)
            #expect(reread == model, "a fixed point after one round")
        }
        #expect(written >= 10)
    }

    @Test func unregisteredOrganisationsAreRejectedByTheRule() throws {
        var generator = CredentialGenerator(seed: 99)
        for _ in 0..<40 {
            let credential = generator.next()
            let findings = ELM.ruleFindings(credential)
            let unregistered = ([credential.issuer].compactMap { $0 } + credential.awardingBodies).contains { $0.registrationIds.isEmpty }
            #expect(findings.contains { $0.code == "elm.missing-registration" } == unregistered)
            if findings.isEmpty {
                let written = try ELM.write(credential)
                if let violations = ELM.violations(written.bytes) { #expect(violations.isEmpty) }
            } else {
                #expect(throws: RecordRejection.self) { try ELM.write(credential) }
            }
        }
    }
}

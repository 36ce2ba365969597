@testable import ELMFormat
import MicrocredModel
import MicrocredTestSupport
import Testing
import XMLSupport

/// Builders that share parts build the same documents and report the same diagnostics as
/// builders that share nothing.
@Suite struct SharedPartsTests {
    @Test("shared parts change no document and no diagnostic", arguments: Array(UInt64(1)...4))
    func sharedPartsChangeNothing(_ seed: UInt64) {
        var generator = CredentialGenerator(seed: seed)
        let concepts = ELMConcepts(ELM.vocabularies)
        let parts = ELMSharedParts()
        for _ in 0..<24 {
            let credential = generator.next()
            var alone = ELMDocumentBuilder(credential: credential, concepts: concepts)
            var sharing = ELMDocumentBuilder(credential: credential, concepts: concepts, parts: parts)
            #expect(sharing.build() == alone.build())
            #expect(sharing.diagnostics == alone.diagnostics)
        }
    }

    /// Every credential of an issuer without a registration number is told so, not only the first.
    @Test func everyCredentialReportsItsSharedOrganisationsDiagnostics() throws {
        let parts = ELMSharedParts()
        let concepts = ELMConcepts(ELM.vocabularies)
        var generator = CredentialGenerator(seed: 3)
        var credential = GeneratedCredentialTests.registered(generator.next())
        var issuer = try #require(credential.issuer ?? credential.awardingBodies.first)
        issuer.registrationIds = []
        credential.issuer = issuer
        for _ in 0..<3 {
            var builder = ELMDocumentBuilder(credential: credential, concepts: concepts, parts: parts)
            let organisation = builder.build().elements.last { $0.localName == "agentReferences" }?.elements.first
            #expect(organisation?.localName == "organization")
            #expect(builder.diagnostics.filter { $0.code == ELMCode.missingRegistration }.count == 1)
        }
    }
}

import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// The EDC software's test fixtures behave as their names say.
@Suite struct FixtureTests {
    static let folder = "elm/edc-v1-xml/test-fixtures"
    static let fixtures = RefData.files(in: folder, withExtension: "xml").map(\.lastPathComponent)

    @Test func fixturesArePresent() {
        guard RefData.url(Self.folder) != nil else { return }
        #expect(Self.fixtures.count == 5)
    }

    @Test("OK fixtures read and write back valid; the KO fixture is rejected", .enabled(if: RefData.isAvailable), arguments: fixtures)
    func behavesAsNamed(_ name: String) throws {
        let url = try #require(RefData.url("\(Self.folder)/\(name)"))
        let result = ELM.read(url)
        #expect(result.failure == nil)
        #expect(result.records.count == 1)
        #expect(result.codes.contains("elm.language-wrapper"), "the EDC fixtures use the <language> wrapper")
        if name.contains("-KO") {
            #expect(result.errors.map(\.code) == ["elm.invalid-contact-point"])
            #expect(result.errors.first?.location.line == 26)
            return
        }
        #expect(result.errors.isEmpty, "\(result.errors)")
        let credential = try #require(result.credentials.first)
        let written = try ELM.write(credential)
        let violations = try #require(ELM.violations(written.bytes, name: name))
        #expect(violations.isEmpty, "\(violations.prefix(5))")
        let again = try #require(ELM.read(written.bytes).credentials.first)
        var withoutProofs = credential
        withoutProofs.proofs = []
        #expect(again == withoutProofs, "the same model, less the signature that cannot survive conversion")
    }

    @Test(.enabled(if: RefData.isAvailable)) func accreditedFixtureCarriesQualityAssurance() throws {
        let url = try #require(RefData.url("\(Self.folder)/test_name_accredited_credential_step1_true.xml"))
        let credential = try #require(ELM.read(url).credentials.first)
        let assurance = try #require(credential.achievement.qualityAssurance.first)
        #expect(assurance.reference == "d5f03bcc-2599-42f8-bb3d-587995707cc0")
        #expect(assurance.body != nil)
        #expect(credential.proofs.map(\.format) == ["xmldsig"])
    }
}

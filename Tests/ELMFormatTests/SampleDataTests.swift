import ELMFormat
import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

/// The project's own `SampleData/elm-xml` files read as their README says.
@Suite struct SampleDataTests {
    static let folder = RepositoryPaths.sampleData.appendingPathComponent("elm-xml")

    @Test func microCredentialCarriesEveryAnnexIElement() throws {
        let result = ELM.read(Self.folder.appendingPathComponent("micro-credential.xml"))
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let credential = try #require(result.credentials.first)
        #expect(Set(EUElement.mandatory2022).isSubset(of: Set(credential.euElements)), "\(credential.euElements)")
        #expect(credential.has(.prerequisites) && credential.has(.supervisionAndIdentityVerification) && credential.has(.grade))
        #expect(credential.has(.stackability) && credential.has(.furtherInformation) && credential.has(.fieldOfEducation))
        let written = try ELM.write(credential)
        if let violations = ELM.violations(written.bytes) { #expect(violations.isEmpty, "\(violations)") }
        #expect(ELM.read(written.bytes).credentials.first == credential)
    }

    @Test func uploadBatchReadsWithANoteForEachRepair() throws {
        let result = ELM.read(Self.folder.appendingPathComponent("upload-batch.xml"))
        #expect(result.failure == nil)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.credentials.map(\.id) == ["urn:credential:batch-1", "urn:credential:batch-2", "urn:credential:batch-3"])
        let notes = result.decoded[2].diagnostics.map(\.code).sorted()
        #expect(notes == ["elm.date-of-birth-repaired", "elm.duration-months-as-hours", "elm.language-wrapper", "elm.uri-whitespace"])
        #expect(result.decoded[0].diagnostics.isEmpty && result.decoded[1].diagnostics.isEmpty)
        #expect(result.credentials[1].achievement.workload.hours == DecimalNumber("7.5"))
        #expect(result.credentials[1].title?.value(in: "de") == "Digitale Sicherheit")
        #expect(result.credentials[2].learner.dateOfBirth == CalendarDate(year: 1999, month: 10, day: 2))
        for credential in result.credentials {
            let written = try ELM.write(credential)
            if let violations = ELM.violations(written.bytes) { #expect(violations.isEmpty, "\(credential.id ?? ""): \(violations)") }
        }
    }
}

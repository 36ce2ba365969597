import Foundation
import MicrocredModel
import MicrocredTestSupport
import Testing
@testable import OpenBadgesFormat

/// The JSON-LD context the project ships for its Open Badges extension.
struct ExtensionContextTests {
    static let file = RepositoryPaths.root.appendingPathComponent("docs/contexts/" + MicrocredExtension.contextFileName)

    @Test func theShippedFileIsTheContextTheWriterUses() throws {
        Golden.assertMatches(JSONSerializer(indent: 2).string(MicrocredExtension.contextDocument) + "\n", golden: Self.file)
    }

    @Test func reusesELMTermsWhereELMHasThem() throws {
        let context = try #require(MicrocredExtension.context.objectValue)
        func iri(_ term: String) -> String? {
            context.first { $0.key == term }?.value["@id"]?.stringValue
        }
        for term in ["mode", "learningSetting", "idVerification", "entryRequirement", "volumeOfLearning", "learningOutcome", "creditPoint", "accreditation", "isPartOf", "hasPart", "awardingBody", "credentialProfiles", "additionalNote", "creditReceived", "gradeStatus", "citizenshipCountry", "dateOfBirth"] {
            #expect(iri(term) == "elm:" + term, "\(term)")
        }
        #expect(iri("nqfLevel") == "elm:NQFLevel" && iri("eqfLevel") == "elm:EQFLevel" && iri("thematicArea") == "elm:ISCEDFCode")
        #expect(context.first { $0.key == "elm" }?.value == "http://data.europa.eu/snb/model/elm/")
        let minted = context.compactMap { member in member.value["@id"]?.stringValue?.hasPrefix("mc:") == true ? member.key : nil }
        #expect(Set(minted) == ["identifierDetail", "dateOnly", "localized", "sourceField", "assessmentType", "assessmentDescription", "stackability", "qfEheaCycle", "otherAlignment"])
    }

    @Test func everyELMTermItReusesExistsInTheELMContext() throws {
        guard let url = RefData.url("elm/elm-v3-jsonld/context/edc-ap-context.jsonld") else { return }
        let elm = try #require(try JSONParser.parse([UInt8](Data(contentsOf: url)))["@context"])
        var checked = 0
        for member in MicrocredExtension.context.objectValue ?? [] {
            guard let id = member.value["@id"]?.stringValue, id.hasPrefix("elm:") || id.hasPrefix("rov:") || id.hasPrefix("foaf:") else { continue }
            let defined = elm.objectValue?.contains { $0.value["@id"]?.stringValue == id || $0.value.stringValue == id } ?? false
            #expect(defined, "\(member.key) → \(id) is an ELM context IRI")
            checked += 1
        }
        #expect(checked > 15)
    }
}

@testable import ELMFormat
import MicrocredModel
import MicrocredPipeline
import Testing

/// The id of each part of a written credential is `urn:epass:<kind>:` and the name-based UUID of
/// `<credential id>#<kind>/<role>`: spelled out here for every part, since every document written
/// carries them.
@Suite struct IdentifierTests {
    @Test func eachPartIsNamedAfterItsKindAndRole() {
        var credential = WriterTests.credential()
        credential.id = "urn:credential:1"
        var ids = ELMIdentifiers(credential)
        let parts: [(ELMIdentifiers.Part, kind: String, role: String)] = [
            (.learner, "person", "learner"), (.claim, "learningAchievement", "claim"), (.specification, "qualification", "specification"),
            (.assessment, "assessment", "assessment"), (.assessmentSpecification, "assessmentSpecification", "assessment"),
            (.awardingProcess, "awardingProcess", "award"), (.scoringScheme, "scoringScheme", "grading"), (.issuer, "org", "issuer"),
            (.learningOutcome(3), "learningOutcome", "3"), (.awardingBody(2), "org", "awardingBody/2"),
        ]
        for (part, kind, role) in parts {
            let expected = "urn:epass:\(kind):" + NameBasedUUID.text(for: "urn:credential:1#\(kind)/\(role)")
            #expect(ids.derived(part) == expected, "\(part)")
            #expect(ids.derived(part) == expected, "\(part), asked again")
        }
    }
}

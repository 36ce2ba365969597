import MicrocredModel
import MicrocredPipeline

/// The ids of a written credential: the model's ids where it has them, otherwise name-based UUIDs
/// derived from the credential's id (itself derived from the credential's content when missing),
/// so the same credential always gets the same ids.
struct ELMIdentifiers {
    /// The credential's `cred:id`.
    let credential: String
    /// The UUIDs of names that begin `<credential id>#`, which the parts' ids are derived from.
    private let stem: NameBasedUUID.Stem
    /// The ids derived so far: a document names most parts twice (where they are and where they
    /// are referred to), and deriving one costs a SHA-1 digest.
    private var derived: [(part: Part, id: String)] = []

    /// The ids for `credential` (borrowed, not copied, unless its id has to be derived).
    init(_ credential: borrowing Credential) {
        if let id = credential.id?.trimmingWhitespace(), !id.isEmpty {
            self.credential = id
        } else {
            var content = copy credential
            content.unmapped = []
            let json = (try? JSONValueEncoder().encode(content)).map { JSONSerializer().string($0) } ?? ""
            self.credential = "urn:credential:" + NameBasedUUID.text(for: "elm-xml|" + json)
        }
        stem = NameBasedUUID.Stem(self.credential + "#")
    }

    /// A part of the credential that has an id of its own.
    enum Part: Equatable {
        case learner, claim, specification, assessment, assessmentSpecification, awardingProcess, scoringScheme, issuer
        /// The learning outcome at this position, counted from 1.
        case learningOutcome(Int)
        /// The awarding body at this position, counted from 1.
        case awardingBody(Int)

        /// The id's text before the UUID (`urn:epass:<kind>:`), and the end of the name the UUID
        /// is derived from (`<kind>/<role>`, after `<credential id>#`).
        var spelling: (prefix: String, end: String) {
            switch self {
            case .learner: ("urn:epass:person:", "person/learner")
            case .claim: ("urn:epass:learningAchievement:", "learningAchievement/claim")
            case .specification: ("urn:epass:qualification:", "qualification/specification")
            case .assessment: ("urn:epass:assessment:", "assessment/assessment")
            case .assessmentSpecification: ("urn:epass:assessmentSpecification:", "assessmentSpecification/assessment")
            case .awardingProcess: ("urn:epass:awardingProcess:", "awardingProcess/award")
            case .scoringScheme: ("urn:epass:scoringScheme:", "scoringScheme/grading")
            case .issuer: ("urn:epass:org:", "org/issuer")
            case .learningOutcome(let position): ("urn:epass:learningOutcome:", "learningOutcome/\(position)")
            case .awardingBody(let position): ("urn:epass:org:", "org/awardingBody/\(position)")
            }
        }
    }

    /// The id of a part of the credential (`urn:epass:org:<uuid>`), derived from its role.
    mutating func derived(_ part: Part) -> String {
        if let known = derived.first(where: { $0.part == part }) { return known.id }
        let (prefix, end) = part.spelling
        let id = stem.identifier(prefix: prefix, end: end)
        derived.append((part, id))
        return id
    }
}

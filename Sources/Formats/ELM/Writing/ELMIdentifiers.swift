import MicrocredModel
import MicrocredPipeline

/// The ids of a written credential: the model's ids where it has them, otherwise name-based UUIDs
/// derived from the credential's id (itself derived from the credential's content when missing),
/// so the same credential always gets the same ids.
struct ELMIdentifiers {
    /// The credential's `cred:id`.
    let credential: String

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
    }

    /// A part of the credential that has an id of its own.
    enum Part: Equatable {
        case learner, claim, specification, assessment, assessmentSpecification, awardingProcess, scoringScheme, issuer
        /// The learning outcome at this position, counted from 1.
        case learningOutcome(Int)
        /// The awarding body at this position, counted from 1.
        case awardingBody(Int)

        /// The kind the id names (`urn:epass:<kind>:<uuid>`) and the role its UUID is derived from.
        var kindAndRole: (kind: String, role: String) {
            switch self {
            case .learner: ("person", "learner")
            case .claim: ("learningAchievement", "claim")
            case .specification: ("qualification", "specification")
            case .assessment: ("assessment", "assessment")
            case .assessmentSpecification: ("assessmentSpecification", "assessment")
            case .awardingProcess: ("awardingProcess", "award")
            case .scoringScheme: ("scoringScheme", "grading")
            case .issuer: ("org", "issuer")
            case .learningOutcome(let position): ("learningOutcome", String(position))
            case .awardingBody(let position): ("org", "awardingBody/\(position)")
            }
        }
    }

    /// The ids derived so far: a document names most parts twice (where they are and where they
    /// are referred to), and deriving one costs a SHA-1 digest.
    private var derived: [(part: Part, id: String)] = []

    /// The id of a part of the credential (`urn:epass:org:<uuid>`), derived from its role.
    mutating func derived(_ part: Part) -> String {
        if let known = derived.first(where: { $0.part == part }) { return known.id }
        let (kind, role) = part.kindAndRole
        let id = NameBasedUUID.identifier(prefix: ["urn:epass:", kind, ":"], name: [credential, "#", kind, "/", role])
        derived.append((part, id))
        return id
    }
}

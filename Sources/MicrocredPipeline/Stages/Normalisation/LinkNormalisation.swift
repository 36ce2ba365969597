import Foundation
public import MicrocredModel

/// `links`: trims IRIs and URLs (ids, homepages, images, ESCO skills, criteria) — trailing spaces
/// inside URIs are a known problem of real files — and warns about a value that is not an absolute
/// IRI.
public struct LinkNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "links" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        func link(_ value: inout String?, _ field: String) {
            guard let current = value else { return }
            let trimmed = current.trimmingWhitespace()
            value = trimmed.isEmpty ? nil : trimmed
            if !trimmed.isEmpty, !Self.isAbsoluteIRI(trimmed) {
                diagnostics.append(
                    .warning(
                        "value.invalid-iri", "'\(trimmed)' is not an absolute IRI or URL",
                        hint: "write a full address such as https://example.org/… or urn:…", field: field))
            }
        }
        link(&credential.achievement.homepage, "achievement.homepage")
        link(&credential.achievement.image, "achievement.image")
        for index in credential.awardingBodies.indices {
            link(&credential.awardingBodies[index].homepage, "awardingBodies[\(index)].homepage")
            link(&credential.awardingBodies[index].logo, "awardingBodies[\(index)].logo")
        }
        for index in credential.achievement.learningOutcomes.indices {
            link(&credential.achievement.learningOutcomes[index].escoSkill, "achievement.learningOutcomes[\(index)].escoSkill")
        }
        if var criteria = credential.achievement.criteria {
            link(&criteria.url, "achievement.criteria.url")
            credential.achievement.criteria = criteria
        }
    }

    /// Whether `value` starts with a URI scheme (`https:`, `urn:`, `did:`, `data:`…) and has no
    /// spaces.
    static func isAbsoluteIRI(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":"), colon != value.startIndex, !value.contains(" ") else { return false }
        let scheme = value[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }
}

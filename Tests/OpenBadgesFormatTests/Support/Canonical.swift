import MicrocredModel
@testable import OpenBadgesFormat

/// What a model looks like after a trip through an Open Badges format: the documented
/// canonical forms (docs/openbadges.md, "What a round trip normalises").
enum Canonical {
    /// `credential` as reading its OB 3.0 rendition gives it back.
    static func afterOB3(_ credential: Credential, plainRecipients: Bool) -> Credential {
        var copy = credential
        if let issuer = copy.issuer, issuer == copy.awardingBodies.first { copy.issuer = nil }
        copy.achievement.title = copy.achievement.title ?? copy.title
        if copy.achievement.description == copy.achievement.title, copy.achievement.title.map(LocalizedJSON.needsLanguageMap) == false {
            copy.achievement.description = nil
        }
        let type = copy.achievement.achievementType ?? OB3Vocabulary.defaultAchievementType
        copy.achievement.achievementType = type.hasPrefix("ext:") ? String(type.dropFirst(4)) : type
        if !plainRecipients, copy.learner.email != nil {
            copy.learner.email = nil
        }
        copy.proofs.removeAll { $0.format != "data-integrity" }
        copy.unmapped.sort { ($0.format, $0.path) < ($1.format, $1.path) }
        return copy
    }

    /// `credential` with the hashed e-mail identity the writer added taken out (after checking it
    /// with ``RecipientHash``), unmapped fields sorted.
    static func withoutWrittenEmailHash(_ credential: Credential, email: String?) -> (Credential, verified: Bool) {
        var copy = credential
        var verified = email == nil
        if let email, let index = copy.learner.hashedIdentities.firstIndex(where: { $0.identityType == "emailAddress" }) {
            verified = RecipientHash.matches(email, copy.learner.hashedIdentities[index])
            copy.learner.hashedIdentities.remove(at: index)
        }
        copy.unmapped.sort { ($0.format, $0.path) < ($1.format, $1.path) }
        return (copy, verified)
    }
}

import MicrocredModel
import MicrocredPipeline

/// What a record needs to be written as an OB 2.0 assertion.
enum OB2WriteRules {
    static let all: [any ValidationRule] = [
        OpenBadgesWriteRule(
            code: "ob2.write.missing-issuer", summary: "the badge names an issuer or awarding body",
            message: "the credential has no issuer or awarding body; an OB 2.0 BadgeClass needs an issuer",
            hint: "map the awarding body (name, id, homepage, e-mail)", field: "awardingBodies",
            fails: { !OpenBadgesWriteRule.hasIssuer($0) }),
        OpenBadgesWriteRule(
            code: "ob2.write.missing-title", summary: "the badge has a name",
            message: "the achievement has no title; an OB 2.0 BadgeClass needs a name",
            hint: "map a title column to achievement.title", field: "achievement.title",
            fails: { !OpenBadgesWriteRule.hasTitle($0) }),
        OpenBadgesWriteRule(
            code: "ob2.write.missing-issued", summary: "the assertion has a date of issuing",
            message: "the credential has no date of issuing; an OB 2.0 assertion needs issuedOn",
            hint: "map the date of issuing", field: "issued",
            fails: { $0.issued == nil }),
        OpenBadgesWriteRule(
            code: "ob2.write.missing-recipient", summary: "the assertion has a recipient identity",
            message: "the credential has no recipient identity (e-mail, hashed identity or learner URL)",
            hint: "an OB 2.0 recipient is an e-mail address, a URL or a telephone number", field: "learner",
            fails: { credential in
                let learner = credential.learner
                return learner.email == nil && learner.hashedIdentities.isEmpty && learner.id == nil
                    && !learner.studentIds.contains { $0.scheme != nil }
            }),
        OpenBadgesWriteRule(
            code: "ob2.write.missing-image", severity: .warning, summary: "the badge has an image",
            message: "the achievement has no image; OB 2.0 requires a BadgeClass image and backpacks may refuse the badge",
            hint: "map an image URL (or a constant) to achievement.image", field: "achievement.image",
            fails: { $0.achievement.image == nil }),
        OpenBadgesWriteRule(
            code: "ob2.write.issuer-incomplete", severity: .warning, summary: "the issuer has a homepage and e-mail",
            message: "the issuer has no homepage or no e-mail; an OB 2.0 issuer Profile requires both",
            hint: "map the awarding body's homepage and e-mail", field: "awardingBodies",
            fails: { credential in
                guard let issuer = credential.issuer ?? credential.awardingBodies.first else { return false }
                return issuer.homepage == nil || issuer.email == nil
            }),
    ]
}

import MicrocredModel
import MicrocredPipeline

/// What a record needs to be written as an OB 3.0 credential that validates against the schema.
enum OB3WriteRules {
    static let all: [any ValidationRule] = [
        OpenBadgesWriteRule(
            code: "ob3.write.missing-id", summary: "the credential has an id",
            message: "the credential has no id; an OB 3.0 credential needs one",
            hint: "keep the 'identifiers' normalisation stage, which derives one", field: "id",
            fails: { $0.id == nil }),
        OpenBadgesWriteRule(
            code: "ob3.write.missing-issuer", summary: "the credential names an issuer or awarding body",
            message: "the credential has no issuer or awarding body; an OB 3.0 credential needs an issuer",
            hint: "map the awarding body (name and id) or set it as a constant in the mapping", field: "awardingBodies",
            fails: { !OpenBadgesWriteRule.hasIssuer($0) }),
        OpenBadgesWriteRule(
            code: "ob3.write.missing-title", summary: "the achievement has a name",
            message: "the achievement has no title; an OB 3.0 achievement needs a name",
            hint: "map a title column to achievement.title", field: "achievement.title",
            fails: { !OpenBadgesWriteRule.hasTitle($0) }),
        OpenBadgesWriteRule(
            code: "ob3.write.missing-valid-from", summary: "the credential has a date of issuing or validFrom",
            message: "the credential has no date of issuing; an OB 3.0 credential needs validFrom",
            hint: "map the date of issuing", field: "issued",
            fails: { $0.issued == nil && $0.validFrom == nil }),
        OpenBadgesWriteRule(
            code: "ob3.write.missing-recipient", summary: "the credential identifies its recipient",
            message: "the credential identifies no recipient (no learner id, e-mail, name or other identifier)",
            hint: "an OB 3.0 credential subject needs an id or an identifier", field: "learner",
            fails: { credential in
                let learner = credential.learner
                return learner.id == nil && learner.email == nil && learner.hashedIdentities.isEmpty && learner.fullName == nil
                    && learner.nationalId == nil && learner.studentIds.isEmpty
            }),
    ]
}

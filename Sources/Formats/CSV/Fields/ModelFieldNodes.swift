import MicrocredModel

// The addressable members of every model type, in model order. `docs/mapping.md` lists the paths
// these give; `ModelFieldCatalogue` enumerates them.

extension Credential: FieldNode {
    static var typeName: String { "Credential" }
    static let members: [FieldMember<Credential>] = [
        .scalar("id", Slot({ $1($0.id) }, { try $1(&$0.id) })),
        .nodeList("otherIdentifiers", Slot({ $1($0.otherIdentifiers) }, { try $1(&$0.otherIdentifiers) })) { Identifier("") },
        .scalar("credentialType", Slot({ $1($0.credentialType) }, { try $1(&$0.credentialType) })),
        .localized("title", Slot({ $1($0.title) }, { try $1(&$0.title) })),
        .localized("description", Slot({ $1($0.description) }, { try $1(&$0.description) })),
        .scalar("issued", Slot({ $1($0.issued) }, { try $1(&$0.issued) })),
        .scalar("validFrom", Slot({ $1($0.validFrom) }, { try $1(&$0.validFrom) })),
        .scalar("validUntil", Slot({ $1($0.validUntil) }, { try $1(&$0.validUntil) })),
        .node("learner", Slot({ $1($0.learner) }, { try $1(&$0.learner) })),
        .optionalNode("issuer", Slot({ $1($0.issuer) }, { try $1(&$0.issuer) })) { Organisation(name: LocalizedText(entries: [])) },
        .nodeList("awardingBodies", Slot({ $1($0.awardingBodies) }, { try $1(&$0.awardingBodies) })) { Organisation(name: LocalizedText(entries: [])) },
        .node("achievement", Slot({ $1($0.achievement) }, { try $1(&$0.achievement) })),
        .optionalNode("result", Slot({ $1($0.result) }, { try $1(&$0.result) })) { CredentialResult() },
        .nodeList("evidence", Slot({ $1($0.evidence) }, { try $1(&$0.evidence) })) { Evidence() },
        .localized("furtherInformation", Slot({ $1($0.furtherInformation) }, { try $1(&$0.furtherInformation) })),
        .scalarList("endorsements", Slot({ $1($0.endorsements) }, { try $1(&$0.endorsements) }), filler: .null),
        .nodeList("proofs", Slot({ $1($0.proofs) }, { try $1(&$0.proofs) })) { Proof(format: "", value: .null) },
        .nodeList("unmapped", Slot({ $1($0.unmapped) }, { try $1(&$0.unmapped) })) { UnmappedField(format: "csv", path: "", value: .null) },
    ]
}

extension Identifier: FieldNode {
    static var typeName: String { "Identifier" }
    static let members: [FieldMember<Identifier>] = [
        .required("value", Slot({ $1($0.value) }, { try $1(&$0.value) })),
        .scalar("scheme", Slot({ $1($0.scheme) }, { try $1(&$0.scheme) })),
        .scalar("issuer", Slot({ $1($0.issuer) }, { try $1(&$0.issuer) })),
    ]
}

extension Learner: FieldNode {
    static var typeName: String { "Learner" }
    static let members: [FieldMember<Learner>] = [
        .scalar("id", Slot({ $1($0.id) }, { try $1(&$0.id) })),
        .scalar("fullName", Slot({ $1($0.fullName) }, { try $1(&$0.fullName) })),
        .scalar("givenNames", Slot({ $1($0.givenNames) }, { try $1(&$0.givenNames) })),
        .scalar("familyName", Slot({ $1($0.familyName) }, { try $1(&$0.familyName) })),
        .scalar("dateOfBirth", Slot({ $1($0.dateOfBirth) }, { try $1(&$0.dateOfBirth) })),
        .scalar("email", Slot({ $1($0.email) }, { try $1(&$0.email) })),
        .optionalNode("nationalId", Slot({ $1($0.nationalId) }, { try $1(&$0.nationalId) })) { Identifier("") },
        .nodeList("studentIds", Slot({ $1($0.studentIds) }, { try $1(&$0.studentIds) })) { Identifier("") },
        .scalarList("citizenship", Slot({ $1($0.citizenship) }, { try $1(&$0.citizenship) }), filler: ""),
        .nodeList("hashedIdentities", Slot({ $1($0.hashedIdentities) }, { try $1(&$0.hashedIdentities) })) { HashedIdentity(algorithm: "", hash: "") },
    ]
}

extension HashedIdentity: FieldNode {
    static var typeName: String { "HashedIdentity" }
    static let members: [FieldMember<HashedIdentity>] = [
        .required("identityType", Slot({ $1($0.identityType) }, { try $1(&$0.identityType) })),
        .required("algorithm", Slot({ $1($0.algorithm) }, { try $1(&$0.algorithm) })),
        .required("hash", Slot({ $1($0.hash) }, { try $1(&$0.hash) })),
        .scalar("salt", Slot({ $1($0.salt) }, { try $1(&$0.salt) })),
    ]
}

extension Organisation: FieldNode {
    static var typeName: String { "Organisation" }
    static let members: [FieldMember<Organisation>] = [
        .scalar("id", Slot({ $1($0.id) }, { try $1(&$0.id) })),
        .localized("name", Slot({ $1($0.name) }, { try $1(&$0.name) })),
        .localized("legalName", Slot({ $1($0.legalName) }, { try $1(&$0.legalName) })),
        .nodeList("registrationIds", Slot({ $1($0.registrationIds) }, { try $1(&$0.registrationIds) })) { Identifier("") },
        .scalar("country", Slot({ $1($0.country) }, { try $1(&$0.country) })),
        .scalar("region", Slot({ $1($0.region) }, { try $1(&$0.region) })),
        .scalar("homepage", Slot({ $1($0.homepage) }, { try $1(&$0.homepage) })),
        .scalar("email", Slot({ $1($0.email) }, { try $1(&$0.email) })),
        .scalar("logo", Slot({ $1($0.logo) }, { try $1(&$0.logo) })),
    ]
}

extension Achievement: FieldNode {
    static var typeName: String { "Achievement" }
    static let members: [FieldMember<Achievement>] = [
        .scalar("id", Slot({ $1($0.id) }, { try $1(&$0.id) })),
        .nodeList("otherIdentifiers", Slot({ $1($0.otherIdentifiers) }, { try $1(&$0.otherIdentifiers) })) { Identifier("") },
        .localized("title", Slot({ $1($0.title) }, { try $1(&$0.title) })),
        .localized("description", Slot({ $1($0.description) }, { try $1(&$0.description) })),
        .scalar("achievementType", Slot({ $1($0.achievementType) }, { try $1(&$0.achievementType) })),
        .nodeList("learningOutcomes", Slot({ $1($0.learningOutcomes) }, { try $1(&$0.learningOutcomes) })) { LearningOutcome(text: LocalizedText(entries: [])) },
        .scalarList("iscedFields", Slot({ $1($0.iscedFields) }, { try $1(&$0.iscedFields) }), filler: ""),
        .node("level", Slot({ $1($0.level) }, { try $1(&$0.level) })),
        .node("workload", Slot({ $1($0.workload) }, { try $1(&$0.workload) })),
        .node("participation", Slot({ $1($0.participation) }, { try $1(&$0.participation) })),
        .node("assessment", Slot({ $1($0.assessment) }, { try $1(&$0.assessment) })),
        .nodeList("qualityAssurance", Slot({ $1($0.qualityAssurance) }, { try $1(&$0.qualityAssurance) })) { QualityAssurance() },
        .localized("prerequisites", Slot({ $1($0.prerequisites) }, { try $1(&$0.prerequisites) })),
        .scalarList("languages", Slot({ $1($0.languages) }, { try $1(&$0.languages) }), filler: ""),
        .optionalNode("criteria", Slot({ $1($0.criteria) }, { try $1(&$0.criteria) })) { Criteria() },
        .scalar("image", Slot({ $1($0.image) }, { try $1(&$0.image) })),
        .scalarList("tags", Slot({ $1($0.tags) }, { try $1(&$0.tags) }), filler: ""),
        .nodeList("alignments", Slot({ $1($0.alignments) }, { try $1(&$0.alignments) })) { Alignment(targetName: "") },
        .node("stacking", Slot({ $1($0.stacking) }, { try $1(&$0.stacking) })),
        .scalar("homepage", Slot({ $1($0.homepage) }, { try $1(&$0.homepage) })),
    ]
}

extension LearningOutcome: FieldNode {
    static var typeName: String { "LearningOutcome" }
    static let members: [FieldMember<LearningOutcome>] = [
        .scalar("id", Slot({ $1($0.id) }, { try $1(&$0.id) })),
        .localized("text", Slot({ $1($0.text) }, { try $1(&$0.text) })),
        .scalar("escoSkill", Slot({ $1($0.escoSkill) }, { try $1(&$0.escoSkill) })),
    ]
}

extension Level: FieldNode {
    static var typeName: String { "Level" }
    static let members: [FieldMember<Level>] = [
        .scalar("eqf", Slot({ $1($0.eqf) }, { try $1(&$0.eqf) })),
        .nodeList("nqf", Slot({ $1($0.nqf) }, { try $1(&$0.nqf) })) { NQFLevel(framework: "", value: "") },
        .scalar("qfEhea", Slot({ $1($0.qfEhea) }, { try $1(&$0.qfEhea) })),
    ]
}

extension NQFLevel: FieldNode {
    static var typeName: String { "NQFLevel" }
    static let members: [FieldMember<NQFLevel>] = [
        .required("framework", Slot({ $1($0.framework) }, { try $1(&$0.framework) })),
        .required("value", Slot({ $1($0.value) }, { try $1(&$0.value) })),
    ]
}

extension Workload: FieldNode {
    static var typeName: String { "Workload" }
    static let members: [FieldMember<Workload>] = [
        .scalar("hours", Slot({ $1($0.hours) }, { try $1(&$0.hours) })),
        .credits("credits", Slot({ $1($0.credits) }, { try $1(&$0.credits) })),
    ]
}

extension CreditPoints: FieldNode {
    static var typeName: String { "CreditPoints" }
    static let members: [FieldMember<CreditPoints>] = [
        .required("framework", Slot({ $1($0.framework) }, { try $1(&$0.framework) })),
        .required("points", Slot({ $1($0.points) }, { try $1(&$0.points) })),
    ]
}

extension Participation: FieldNode {
    static var typeName: String { "Participation" }
    static let members: [FieldMember<Participation>] = [
        .scalar("mode", Slot({ $1($0.mode) }, { try $1(&$0.mode) })),
        .scalar("setting", Slot({ $1($0.setting) }, { try $1(&$0.setting) })),
    ]
}

extension Assessment: FieldNode {
    static var typeName: String { "Assessment" }
    static let members: [FieldMember<Assessment>] = [
        .scalar("type", Slot({ $1($0.type) }, { try $1(&$0.type) })),
        .scalar("supervision", Slot({ $1($0.supervision) }, { try $1(&$0.supervision) })),
        .localized("description", Slot({ $1($0.description) }, { try $1(&$0.description) })),
    ]
}

extension QualityAssurance: FieldNode {
    static var typeName: String { "QualityAssurance" }
    static let members: [FieldMember<QualityAssurance>] = [
        .scalar("type", Slot({ $1($0.type) }, { try $1(&$0.type) })),
        .optionalNode("body", Slot({ $1($0.body) }, { try $1(&$0.body) })) { Organisation(name: LocalizedText(entries: [])) },
        .scalar("reference", Slot({ $1($0.reference) }, { try $1(&$0.reference) })),
        .localized("description", Slot({ $1($0.description) }, { try $1(&$0.description) })),
    ]
}

extension Criteria: FieldNode {
    static var typeName: String { "Criteria" }
    static let members: [FieldMember<Criteria>] = [
        .localized("narrative", Slot({ $1($0.narrative) }, { try $1(&$0.narrative) })),
        .scalar("url", Slot({ $1($0.url) }, { try $1(&$0.url) })),
    ]
}

extension Alignment: FieldNode {
    static var typeName: String { "Alignment" }
    static let members: [FieldMember<Alignment>] = [
        .required("targetName", Slot({ $1($0.targetName) }, { try $1(&$0.targetName) })),
        .scalar("targetUrl", Slot({ $1($0.targetUrl) }, { try $1(&$0.targetUrl) })),
        .scalar("targetFramework", Slot({ $1($0.targetFramework) }, { try $1(&$0.targetFramework) })),
        .scalar("targetCode", Slot({ $1($0.targetCode) }, { try $1(&$0.targetCode) })),
        .scalar("targetType", Slot({ $1($0.targetType) }, { try $1(&$0.targetType) })),
        .scalar("targetDescription", Slot({ $1($0.targetDescription) }, { try $1(&$0.targetDescription) })),
    ]
}

extension Stacking: FieldNode {
    static var typeName: String { "Stacking" }
    static let members: [FieldMember<Stacking>] = [
        .scalarList("isPartOf", Slot({ $1($0.isPartOf) }, { try $1(&$0.isPartOf) }), filler: ""),
        .scalarList("hasPart", Slot({ $1($0.hasPart) }, { try $1(&$0.hasPart) }), filler: ""),
        .localized("note", Slot({ $1($0.note) }, { try $1(&$0.note) })),
    ]
}

extension CredentialResult: FieldNode {
    static var typeName: String { "CredentialResult" }
    static let members: [FieldMember<CredentialResult>] = [
        .scalar("grade", Slot({ $1($0.grade) }, { try $1(&$0.grade) })),
        .scalar("gradingScheme", Slot({ $1($0.gradingScheme) }, { try $1(&$0.gradingScheme) })),
        .scalar("status", Slot({ $1($0.status) }, { try $1(&$0.status) })),
        .credits("creditsEarned", Slot({ $1($0.creditsEarned) }, { try $1(&$0.creditsEarned) })),
    ]
}

extension Evidence: FieldNode {
    static var typeName: String { "Evidence" }
    static let members: [FieldMember<Evidence>] = [
        .scalar("id", Slot({ $1($0.id) }, { try $1(&$0.id) })),
        .scalar("name", Slot({ $1($0.name) }, { try $1(&$0.name) })),
        .scalar("description", Slot({ $1($0.description) }, { try $1(&$0.description) })),
        .scalar("narrative", Slot({ $1($0.narrative) }, { try $1(&$0.narrative) })),
        .scalar("genre", Slot({ $1($0.genre) }, { try $1(&$0.genre) })),
        .scalar("audience", Slot({ $1($0.audience) }, { try $1(&$0.audience) })),
    ]
}

extension Proof: FieldNode {
    static var typeName: String { "Proof" }
    static let members: [FieldMember<Proof>] = [
        .required("format", Slot({ $1($0.format) }, { try $1(&$0.format) })),
        .required("value", Slot({ $1($0.value) }, { try $1(&$0.value) })),
    ]
}

extension UnmappedField: FieldNode {
    static var typeName: String { "UnmappedField" }
    static let members: [FieldMember<UnmappedField>] = [
        .required("format", Slot({ $1($0.format) }, { try $1(&$0.format) })),
        .required("path", Slot({ $1($0.path) }, { try $1(&$0.path) })),
        .required("value", Slot({ $1($0.value) }, { try $1(&$0.value) })),
    ]
}

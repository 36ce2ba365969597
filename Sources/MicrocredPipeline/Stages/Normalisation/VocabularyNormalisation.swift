import Foundation
public import MicrocredModel

/// `vocabulary`: replaces the Europass list values of a credential — form of participation,
/// learning setting, assessment type, supervision and identity verification, credential type —
/// with their EU concept IRIs (`online`, `Präsenz`, `Klausur` → `http://data.europa.eu/snb/…`).
public struct VocabularyNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "vocabulary" }

    static let mode = ConceptNormaliser(kind: .learningModes, codeName: "learning-mode", displayName: "learning mode")
    static let setting = ConceptNormaliser(kind: .learningSettings, codeName: "learning-setting", displayName: "learning setting")
    static let assessment = ConceptNormaliser(kind: .assessmentTypes, codeName: "assessment-type", displayName: "assessment type")
    static let supervision = ConceptNormaliser(
        kind: .supervisionVerification, codeName: "supervision", displayName: "supervision and identity verification method")
    static let credentialType = ConceptNormaliser(kind: .credentialTypes, codeName: "credential-type", displayName: "credential type")

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let vocabularies = context.format.vocabularies else { return }
        func apply(_ normaliser: ConceptNormaliser, _ value: inout String?, _ field: String) {
            guard let current = value else { return }
            value = normaliser.normalise(current, field: field, vocabularies: vocabularies, diagnostics: &diagnostics)
        }
        apply(Self.mode, &credential.achievement.participation.mode, "achievement.participation.mode")
        apply(Self.setting, &credential.achievement.participation.setting, "achievement.participation.setting")
        apply(Self.assessment, &credential.achievement.assessment.type, "achievement.assessment.type")
        apply(Self.supervision, &credential.achievement.assessment.supervision, "achievement.assessment.supervision")
        if let type = credential.credentialType, vocabularies.credentialType(type) != nil {
            apply(Self.credentialType, &credential.credentialType, "credentialType")
        }
    }
}

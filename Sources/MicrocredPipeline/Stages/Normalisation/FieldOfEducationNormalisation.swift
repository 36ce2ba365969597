import Foundation
public import MicrocredModel

/// `isced-f`: brings fields of education to ISCED-F 2013 codes (`613` → `0613` with a note, as
/// spreadsheets drop leading zeros; concept IRIs and English labels → their codes).
public struct FieldOfEducationNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "isced-f" }

    static let normaliser = ConceptNormaliser(kind: .iscedF, codeName: "isced-f", displayName: "ISCED-F field") { $0.code }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let vocabularies = context.format.vocabularies else { return }
        credential.achievement.iscedFields = credential.achievement.iscedFields.enumerated().map { index, field in
            Self.normaliser.normalise(field, field: "achievement.iscedFields[\(index)]", vocabularies: vocabularies, diagnostics: &diagnostics)
        }
    }
}

import Foundation
public import MicrocredModel

/// `language`: brings the achievement's languages and the language tags of multilingual text to
/// ISO 639-1 where the language has such a code (`ENG`, `Deutsch`, an EU authority IRI → `en`, `de`),
/// otherwise to the EU authority code.
public struct LanguageNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "language" }

    static let normaliser = ConceptNormaliser(kind: .languages, codeName: "language", displayName: "language") { concept in
        concept["iso639_1"] ?? concept.code
    }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let vocabularies = context.format.vocabularies else { return }
        credential.achievement.languages = credential.achievement.languages.enumerated().map { index, language in
            Self.normaliser.normalise(language, field: "achievement.languages[\(index)]", vocabularies: vocabularies, diagnostics: &diagnostics)
        }
        func tags(_ text: inout LocalizedText?, _ field: String) {
            guard var value = text else { return }
            for index in value.entries.indices {
                guard let tag = value.entries[index].language, let language = vocabularies.language(tag) else { continue }
                value.entries[index].language = language.iso6391 ?? language.euAuthorityCode
            }
            text = value
        }
        tags(&credential.title, "title")
        tags(&credential.description, "description")
        tags(&credential.achievement.title, "achievement.title")
        tags(&credential.achievement.description, "achievement.description")
    }
}

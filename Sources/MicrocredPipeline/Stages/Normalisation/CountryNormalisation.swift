import Foundation
public import MicrocredModel

/// `country`: brings the countries of awarding bodies, the issuer, quality-assurance bodies and the
/// learner's citizenships to ISO 3166-1 alpha-2 (`DEU`, `Deutschland`, an EU authority IRI → `DE`;
/// the EU protocol codes `EL` and `UK` → `GR` and `GB`).
public struct CountryNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "country" }

    static let normaliser = ConceptNormaliser(kind: .countries, codeName: "country", displayName: "country") { concept in
        Country(concept: concept)?.alpha2 ?? concept.code
    }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let vocabularies = context.format.vocabularies else { return }
        func apply(_ organisation: inout Organisation, _ field: @autoclosure () -> String) {
            if let country = organisation.country {
                organisation.country = Self.normaliser.normalise(country, field: field(), vocabularies: vocabularies, diagnostics: &diagnostics)
            }
        }
        for index in credential.awardingBodies.indices { apply(&credential.awardingBodies[index], "awardingBodies[\(index)].country") }
        if var issuer = credential.issuer {
            apply(&issuer, "issuer.country")
            credential.issuer = issuer
        }
        for index in credential.achievement.qualityAssurance.indices {
            if var body = credential.achievement.qualityAssurance[index].body {
                apply(&body, "achievement.qualityAssurance[\(index)].body.country")
                credential.achievement.qualityAssurance[index].body = body
            }
        }
        credential.learner.citizenship = credential.learner.citizenship.enumerated().map { index, country in
            Self.normaliser.normalise(country, field: "learner.citizenship[\(index)]", vocabularies: vocabularies, diagnostics: &diagnostics)
        }
    }
}

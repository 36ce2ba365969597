import Foundation
public import MicrocredModel

/// `credits`: names credit systems the same way everywhere — `ECTS` and `ECVET` for the two EU
/// systems however they were written (`ects`, `ECTS credits`, `crédits ECTS`, the EU concept IRI).
public struct CreditNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "credits" }

    /// The short names used for the EU credit systems, by concept code.
    static let shortNames = ["6fcec5c5af": CreditPoints.ects, "60b314e826": "ECVET"]

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard let vocabularies = context.format.vocabularies else { return }
        func apply(_ credits: inout [CreditPoints]) {
            for index in credits.indices {
                let framework = credits[index].framework.trimmingWhitespace()
                if let match = vocabularies.creditSystem(framework), let short = Self.shortNames[match.concept.code] {
                    credits[index].framework = short
                } else if framework.uppercased() == "ECVET" {
                    credits[index].framework = "ECVET"
                }
            }
        }
        apply(&credential.achievement.workload.credits)
        if var result = credential.result {
            apply(&result.creditsEarned)
            credential.result = result
        }
    }
}

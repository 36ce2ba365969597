import Foundation
import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport

/// The repository's vocabularies, loaded once for all stage and rule tests.
let repositoryVocabularies: Vocabularies = {
    do {
        return try Vocabularies.load(from: RepositoryPaths.mappings.appendingPathComponent("vocab"))
    } catch {
        preconditionFailure("cannot load Mappings/vocab: \(error)")
    }
}()

/// A stage context with the repository's vocabularies and a fixed today.
let stageContext = StageContext(
    format: FormatContext(vocabularies: repositoryVocabularies, environment: RunEnvironment(today: CalendarDate(year: 2026, month: 6, day: 1)!)))

/// Runs `stages` over `credential` and returns the result and findings.
func normalise(_ credential: Credential, with stages: [any NormalisationStage]) -> (Credential, [Diagnostic]) {
    var copy = credential
    var diagnostics: [Diagnostic] = []
    for stage in stages { stage.normalise(&copy, context: stageContext, diagnostics: &diagnostics) }
    return (copy, diagnostics)
}

/// Runs `rule` over `credential` and returns the codes it reports.
func check(_ credential: Credential, with rule: any ValidationRule) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    rule.check(credential, context: stageContext, diagnostics: &diagnostics)
    return diagnostics
}

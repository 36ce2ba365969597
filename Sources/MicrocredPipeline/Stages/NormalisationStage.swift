public import MicrocredModel

/// One small, pure step that brings a credential to canonical form (trimmed text, ISO dates,
/// vocabulary codes).
///
/// A stage that changes what a value means (not just its spelling) reports a note quoting the
/// value before and after. Applying a stage twice changes nothing the second time.
public protocol NormalisationStage: Sendable {
    /// The stage's name, as listed in documentation and reports (`text`, `email`, `country`).
    var name: String { get }

    /// Normalises `credential` in place, appending notes (and warnings for values it cannot
    /// make sense of) to `diagnostics`.
    func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic])
}

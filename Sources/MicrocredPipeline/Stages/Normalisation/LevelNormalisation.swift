public import MicrocredModel

/// `level`: fills the EQF level from the QF-EHEA cycle when only the cycle is given (first cycle →
/// EQF 6), with a note.
public struct LevelNormalisation: NormalisationStage {
    public init() {}
    public var name: String { "level" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        guard credential.achievement.level.eqf == nil, let cycle = credential.achievement.level.qfEhea else { return }
        credential.achievement.level.eqf = cycle.eqfLevel
        diagnostics.append(
            .note(
                "normalise.eqf-from-qf-ehea", "EQF level \(cycle.eqfLevel) derived from the QF-EHEA \(cycle.rawValue) cycle",
                field: "achievement.level.eqf"))
    }
}

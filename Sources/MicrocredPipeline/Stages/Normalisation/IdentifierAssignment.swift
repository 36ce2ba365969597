import Foundation
public import MicrocredModel

/// `identifiers`: gives a credential that has no id a name-based one derived from what identifies
/// it (learner ids and name, achievement id or title, date of issuing), so the same input always
/// gets the same id. Trims ids that have surrounding white space.
public struct IdentifierAssignment: NormalisationStage {
    public init() {}
    public var name: String { "identifiers" }

    public func normalise(_ credential: inout Credential, context: StageContext, diagnostics: inout [Diagnostic]) {
        if let id = credential.id {
            let trimmed = id.trimmingWhitespace()
            credential.id = trimmed.isEmpty ? nil : trimmed
        }
        guard credential.id == nil else { return }
        let learner = credential.learner
        let key = [
            learner.id, learner.studentIds.map(\.value).joined(separator: ","), learner.nationalId?.value, learner.email,
            learner.displayName, learner.dateOfBirth?.description, credential.achievement.id,
            credential.displayTitle?.primary, credential.issued?.description,
            credential.awardingBodies.first?.id ?? credential.awardingBodies.first?.name.primary,
        ].map { $0 ?? "" }.joined(separator: "\u{1F}")
        credential.id = NameBasedUUID.urn(for: "credential\u{1F}" + key)
    }
}

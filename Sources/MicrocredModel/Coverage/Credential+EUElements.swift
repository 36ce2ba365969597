extension Credential {
    /// Whether the credential carries `element` with a usable value. (Lists are read by index and
    /// optionals tested by pattern: both read in place, where `contains(where:)` and `!= nil`
    /// copy the value.)
    public func has(_ element: EUElement) -> Bool {
        switch element {
        case .learnerIdentification: learner.isIdentified
        case .title: !(displayTitle?.isBlank ?? true)
        case .issuerCountry:
            awardingBodies.indices.contains { !(awardingBodies[$0].country ?? "").isEmpty } || !((issuer?.country ?? "").isEmpty)
        case .awardingBody: awardingBodies.indices.contains { !awardingBodies[$0].name.isBlank }
        case .dateOfIssuing: if case .some = issued { true } else { false }
        case .learningOutcomes: achievement.learningOutcomes.contains { !$0.text.isBlank }
        case .workload: !achievement.workload.isEmpty
        case .level: !achievement.level.isEmpty
        case .assessmentType: !(achievement.assessment.type ?? "").isEmpty
        case .participationForm: !achievement.participation.isEmpty
        case .qualityAssurance: !achievement.qualityAssurance.isEmpty
        case .prerequisites: !(achievement.prerequisites?.isBlank ?? true)
        case .supervisionAndIdentityVerification: !(achievement.assessment.supervision ?? "").isEmpty
        case .grade: !((result?.grade ?? "").isEmpty)
        case .stackability: !achievement.stacking.isEmpty
        case .furtherInformation: !(furtherInformation?.isBlank ?? true) || achievement.homepage != nil
        case .fieldOfEducation: !achievement.iscedFields.isEmpty
        case .validityDuration: if case .some = validUntil { true } else { false }
        }
    }

    /// The EU elements the credential carries, in list order.
    public var euElements: [EUElement] { EUElementSet(self).elements }
}

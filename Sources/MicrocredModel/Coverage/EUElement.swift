/// The elements of the EU lists that describe a micro-credential.
///
/// The 2022 Council Recommendation (Annex I) lists mandatory and optional elements; the 2020 draft
/// list also named the field of education and the duration of validity. Validation profiles choose
/// which of these are required.
public enum EUElement: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case learnerIdentification = "learner-identification"
    case title
    case issuerCountry = "issuer-country"
    case awardingBody = "awarding-body"
    case dateOfIssuing = "date-of-issuing"
    case learningOutcomes = "learning-outcomes"
    case workload
    case level
    case assessmentType = "assessment-type"
    case participationForm = "participation-form"
    case qualityAssurance = "quality-assurance"
    case prerequisites
    case supervisionAndIdentityVerification = "supervision-identity-verification"
    case grade
    case stackability
    case furtherInformation = "further-information"
    case fieldOfEducation = "field-of-education"
    case validityDuration = "validity-duration"

    /// The elements Annex I of the 2022 Recommendation makes mandatory.
    public static let mandatory2022: [EUElement] = [
        .learnerIdentification, .title, .issuerCountry, .awardingBody, .dateOfIssuing, .learningOutcomes,
        .workload, .level, .assessmentType, .participationForm, .qualityAssurance,
    ]

    /// A short English name for reports.
    public var displayName: String {
        switch self {
        case .learnerIdentification: "identification of the learner"
        case .title: "title"
        case .issuerCountry: "country or region of the issuer"
        case .awardingBody: "awarding body"
        case .dateOfIssuing: "date of issuing"
        case .learningOutcomes: "learning outcomes"
        case .workload: "notional workload"
        case .level: "level"
        case .assessmentType: "type of assessment"
        case .participationForm: "form of participation"
        case .qualityAssurance: "type of quality assurance"
        case .prerequisites: "prerequisites"
        case .supervisionAndIdentityVerification: "supervision and identity verification"
        case .grade: "grade"
        case .stackability: "integration / stackability"
        case .furtherInformation: "further information"
        case .fieldOfEducation: "field of education (ISCED-F)"
        case .validityDuration: "duration of validity"
        }
    }

    /// The model field that holds the element, as a path for diagnostics.
    public var fieldPath: String {
        switch self {
        case .learnerIdentification: "learner"
        case .title: "title"
        case .issuerCountry: "awardingBodies[].country"
        case .awardingBody: "awardingBodies"
        case .dateOfIssuing: "issued"
        case .learningOutcomes: "achievement.learningOutcomes"
        case .workload: "achievement.workload"
        case .level: "achievement.level"
        case .assessmentType: "achievement.assessment.type"
        case .participationForm: "achievement.participation"
        case .qualityAssurance: "achievement.qualityAssurance"
        case .prerequisites: "achievement.prerequisites"
        case .supervisionAndIdentityVerification: "achievement.assessment.supervision"
        case .grade: "result.grade"
        case .stackability: "achievement.stacking"
        case .furtherInformation: "furtherInformation"
        case .fieldOfEducation: "achievement.iscedFields"
        case .validityDuration: "validUntil"
        }
    }

    public static func < (lhs: EUElement, rhs: EUElement) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

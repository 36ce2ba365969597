/// Fixed values of Open Badges 3.0 and the Verifiable Credentials data model.
enum OB3Vocabulary {
    /// The VC 2.0 base context, always first.
    static let credentialsV2Context = "https://www.w3.org/ns/credentials/v2"
    /// The VC 1.1 base context (accepted on read).
    static let credentialsV1Context = "https://www.w3.org/2018/credentials/v1"
    /// The OB 3.0 context this writer states, second in `@context`.
    static let context = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"

    /// Whether `url` is an OB 3.0 context: a published version or a pre-release URL.
    static func isOpenBadgesContext(_ url: String) -> Bool {
        if url.hasPrefix("https://purl.imsglobal.org/spec/ob/v3p0/context"), url.hasSuffix(".json") || url.hasSuffix(".jsonld") {
            return true
        }
        return url == "https://imsglobal.github.io/openbadges-specification/context.json"
            || url == "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld"
    }

    /// Whether `url` is a pre-release OB 3.0 context URL (read as the current context).
    static func isPreReleaseContext(_ url: String) -> Bool {
        url == "https://imsglobal.github.io/openbadges-specification/context.json"
            || url == "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld"
    }

    /// The OB 3.0 context of a Comprehensive Learner Record (its credentials are read one by one).
    static func isCLRContext(_ url: String) -> Bool {
        url.hasPrefix("https://purl.imsglobal.org/spec/clr/v2p0/context")
    }

    static let verifiableCredential = "VerifiableCredential"
    static let openBadgeCredential = "OpenBadgeCredential"
    static let achievementCredential = "AchievementCredential"
    static let endorsementCredential = "EndorsementCredential"
    static let clrCredential = "ClrCredential"

    /// The `achievementType` values OB 3.0 defines (others are written `ext:…`).
    static let achievementTypes: Set<String> = [
        "Achievement", "ApprenticeshipCertificate", "Assessment", "Assignment", "AssociateDegree", "Award", "Badge",
        "BachelorDegree", "Certificate", "CertificateOfCompletion", "Certification", "CommunityService", "Competency",
        "Course", "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork", "GeneralEducationDevelopment",
        "JourneymanCertificate", "LearningProgram", "License", "Membership", "ProfessionalDoctorate",
        "QualityAssuranceCredential", "MasterCertificate", "MasterDegree", "MicroCredential", "ResearchDoctorate",
        "SecondarySchoolDiploma",
    ]

    /// The achievement type written when the record states none.
    static let defaultAchievementType = "MicroCredential"

    /// The `status` values of a Result.
    static let resultStatuses: Set<String> = ["Completed", "Enrolled", "Failed", "InProgress", "OnHold", "Provisional", "Withdrew"]

    /// The OB 3.0 vocabulary namespace.
    static let vocabulary = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
    /// The credit framework of credits given only as `creditsAvailable` (OB 3.0 "credit hours").
    static let creditsAvailableFramework = vocabulary + "creditsAvailable"
    /// The credit framework of credits given only as `creditsEarned`.
    static let creditsEarnedFramework = vocabulary + "creditsEarned"

    /// The Europass credit systems, by model framework id.
    static let creditSystemIRIs: [String: String] = [
        "ECTS": "http://data.europa.eu/snb/education-credit/6fcec5c5af",
        "ECVET": "http://data.europa.eu/snb/education-credit/60b314e826",
    ]

    /// The IRI written for a model credit framework.
    static func creditFrameworkIRI(_ framework: String) -> String {
        creditSystemIRIs[framework] ?? framework
    }

    /// The model framework for a written credit framework IRI.
    static func creditFramework(fromIRI iri: String) -> String {
        creditSystemIRIs.first { $0.value == iri }?.key ?? iri
    }

    /// The BCP 47 shape the OB 3.0 schema accepts for `inLanguage`: a language of 2 to 4 lower-case
    /// letters, then optionally a script (`Latn`), then optionally a region (`GB` or `419`).
    static func isSchemaLanguageTag(_ tag: String) -> Bool {
        var shape = LanguageTagShape()
        for byte in tag.utf8 {
            guard shape.add(byte) else { return false }
        }
        return shape.end()
    }

    /// Open Badges 2.0 classes named in OB 3.0 credentials migrated from 2.0.
    static let ob2Assertion = "https://w3id.org/openbadges#Assertion"
    static let ob2BadgeClass = "https://w3id.org/openbadges#BadgeClass"
    static let ob2Profile = "https://w3id.org/openbadges#Profile"
}

/// Checks a language tag's shape byte by byte, one subtag after the other.
private struct LanguageTagShape {
    private enum Subtag { case language, scriptOrRegion, region, none }

    private var expected = Subtag.language
    private var count = 0
    private var lower = true
    private var upper = true
    private var digits = true
    private var capitalised = true

    /// Adds a byte; `false` when the subtag it ends does not fit.
    mutating func add(_ byte: UInt8) -> Bool {
        guard byte != UInt8(ascii: "-") else { return end() }
        let isLower = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
        let isUpper = (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        capitalised = capitalised && (count == 0 ? isUpper : isLower)
        lower = lower && isLower
        upper = upper && isUpper
        digits = digits && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        count += 1
        return true
    }

    /// Ends the current subtag; `false` when it does not fit where it stands.
    mutating func end() -> Bool {
        let region = count == 2 && upper || count == 3 && digits
        switch expected {
        case .language where (2...4).contains(count) && lower: expected = .scriptOrRegion
        case .scriptOrRegion where count == 4 && capitalised: expected = .region
        case .scriptOrRegion where region, .region where region: expected = .none
        default: return false
        }
        let next = expected
        self = LanguageTagShape()
        expected = next
        return true
    }
}

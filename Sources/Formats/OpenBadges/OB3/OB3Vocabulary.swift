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

    /// The BCP 47 shape the OB 3.0 schema accepts for `inLanguage`.
    static func isSchemaLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...4).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }) else {
            return false
        }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.first?.isUppercase == true,
            script.dropFirst().allSatisfy({ $0.isASCII && $0.isLowercase }), script.allSatisfy(\.isASCII)
        {
            rest = rest.dropFirst()
        }
        if let region = rest.first {
            let letters = region.count == 2 && region.allSatisfy { $0.isASCII && $0.isUppercase }
            let digits = region.count == 3 && region.allSatisfy { $0.isASCII && $0.isNumber }
            guard letters || digits else { return false }
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }

    /// Open Badges 2.0 classes named in OB 3.0 credentials migrated from 2.0.
    static let ob2Assertion = "https://w3id.org/openbadges#Assertion"
    static let ob2BadgeClass = "https://w3id.org/openbadges#BadgeClass"
    static let ob2Profile = "https://w3id.org/openbadges#Profile"
}

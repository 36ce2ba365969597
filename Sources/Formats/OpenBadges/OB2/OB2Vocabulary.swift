/// Fixed values of Open Badges 2.0 and its predecessors.
enum OB2Vocabulary {
    /// The 2.0 context this writer states.
    static let context = "https://w3id.org/openbadges/v2"
    /// Other spellings of the 2.0 context.
    static let contextAliases: Set<String> = [
        "https://w3id.org/openbadges/v2", "https://openbadgespec.org/v2/context.json",
        "https://purl.imsglobal.org/spec/ob/v2p0/context/ob_v2p0.jsonld", "https://w3id.org/openbadges/v2/context.json",
    ]
    /// The 1.1 context.
    static let context11 = "https://w3id.org/openbadges/v1"

    /// The RecipientProfile extension (the learner's name), registered with 1EdTech.
    static let recipientProfileKey = "extensions:recipientProfile"
    static let recipientProfileContext = "https://openbadgespec.org/extensions/recipientProfile/context.json"

    /// The model identity type for an OB 2.0 recipient type.
    static func identityType(forRecipientType type: String) -> String {
        type == "email" ? "emailAddress" : type
    }

    /// The OB 2.0 recipient type for a model identity type.
    static func recipientType(forIdentityType type: String) -> String {
        type == "emailAddress" ? "email" : type
    }
}

import MicrocredModel

/// Where an unmapped `ob3` field may be set back without breaking the 1EdTech schema.
///
/// Not placeable: the first two `@context` entries; replacing an existing `type` entry; a member
/// the schema does not allow in an IdentityObject, IdentifierEntry, Image or GeoCoordinates; a
/// value of the wrong JSON type for a property the schema types.
enum OB3Placement {
    /// Members allowed in the objects with `additionalProperties: false`, by their `type`.
    static let closedObjects: [String: Set<String>] = [
        "IdentityObject": ["type", "hashed", "identityHash", "identityType", "salt"],
        "IdentifierEntry": ["type", "identifier", "identifierType"],
        "Image": ["id", "type", "caption"],
    ]

    /// Properties the schema types as strings or numbers.
    static let stringProperties: Set<String> = [
        "name", "description", "fieldOfStudy", "humanCode", "specialization", "version", "narrative", "licenseNumber", "role",
        "term", "activityStartDate", "activityEndDate", "awardedDate", "validFrom", "validUntil", "url", "phone", "email",
        "genre", "audience", "caption", "targetName", "targetUrl", "targetCode", "targetDescription", "targetFramework",
        "requiredLevel", "requiredValue", "valueMin", "valueMax", "achievedLevel", "value", "identifier", "identityHash", "salt",
        "endorsementComment", "addressCountry", "addressCountryCode", "addressRegion", "addressLocality", "streetAddress",
        "postOfficeBoxNumber", "postalCode", "givenName", "familyName", "additionalName", "patronymicName", "honorificPrefix",
        "honorificSuffix", "familyNamePrefix", "dateOfBirth",
    ]
    static let numberProperties: Set<String> = ["creditsAvailable", "creditsEarned", "points", "latitude", "longitude"]

    /// Properties with a vocabulary: the values the schema accepts.
    static func acceptsVocabularyValue(_ property: String, _ value: JSONValue) -> Bool {
        guard let text = value.stringValue else { return true }
        let isExtension = text.hasPrefix("ext:") && IdentifierTypes.isExtensionName(String(text.dropFirst(4)))
        switch property {
        case "achievementType": return OB3Vocabulary.achievementTypes.contains(text) || isExtension
        case "identityType", "identifierType": return IdentifierTypes.defined.contains(text) || isExtension
        case "status": return OB3Vocabulary.resultStatuses.contains(text)
        case "inLanguage": return OB3Vocabulary.isSchemaLanguageTag(text)
        default: return true
        }
    }

    /// Whether an embedded EndorsementCredential has the VC 2.0 shape the schema requires.
    static func isSchemaEndorsement(_ value: JSONValue) -> Bool {
        guard value.isObject else { return true }
        guard value["@context"]?.listValue.first?.stringValue == OB3Vocabulary.credentialsV2Context,
            value["type"]?.listValue.contains(.string(OB3Vocabulary.endorsementCredential)) == true,
            value["id"]?.stringValue != nil, value["name"]?.stringValue != nil, value["validFrom"]?.stringValue != nil,
            value["issuer"] != nil, let subject = value["credentialSubject"], subject["id"] != nil,
            case .array? = subject["type"]
        else { return false }
        for key in ["proof", "credentialSchema", "termsOfUse"] {
            if let member = value[key], case .array = member {} else if value[key] != nil { return false }
        }
        return true
    }

    /// Whether a field may be set at `tokens` of `document`.
    static func isPlaceable(_ tokens: [String], _ document: JSONValue) -> Bool {
        if tokens.first == "@context" {
            guard tokens.count == 2, let index = Int(tokens[1]) else { return false }
            return index >= 2
        }
        var current: JSONValue? = document
        for (position, token) in tokens.enumerated() {
            let isLast = position == tokens.count - 1
            if case .object? = current, let type = current?["type"]?.stringValue, let allowed = closedObjects[type],
                !allowed.contains(token)
            {
                return false
            }
            if token == "type", !isLast, let existing = current?["type"], case .array(let items) = existing,
                let index = Int(tokens[position + 1]), index < items.count
            {
                return false
            }
            current = current?.value(at: [token])
        }
        return true
    }

    /// Whether `value` may be set at `tokens` (placement and value type).
    static func accepts(_ tokens: [String], _ document: JSONValue, value: JSONValue) -> Bool {
        guard isPlaceable(tokens, document) else { return false }
        if tokens.contains("endorsement"), tokens.last != "endorsement", Int(tokens.last ?? "") != nil, !isSchemaEndorsement(value) {
            return false
        }
        if tokens.last == "endorsement", !value.listValue.allSatisfy(isSchemaEndorsement) { return false }
        if let last = tokens.last, Int(last) == nil {
            if stringProperties.contains(last), value.stringValue == nil { return false }
            if !acceptsVocabularyValue(last, value) { return false }
            if numberProperties.contains(last) {
                guard case .number = value else { return false }
            }
        }
        return isValidInside(value)
    }

    /// Whether the closed objects within `value` hold only allowed members.
    static func isValidInside(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let members):
            if let type = value["type"]?.stringValue, let allowed = closedObjects[type],
                members.contains(where: { !allowed.contains($0.key) })
            {
                return false
            }
            if members.contains(where: { $0.key == "endorsement" }), !(value["endorsement"]?.listValue.allSatisfy(isSchemaEndorsement) ?? true) {
                return false
            }
            return members.allSatisfy { isValidInside($0.value) && acceptsVocabularyValue($0.key, $0.value) }
        case .array(let items):
            return items.allSatisfy(isValidInside)
        default:
            return true
        }
    }
}

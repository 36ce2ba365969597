import MicrocredModel

/// What a JSON object found in an Open Badges input is.
enum OpenBadgesObjectKind: Equatable {
    /// A Verifiable Credential (OB 3.0 achievement credential, or another VC the decoder reports).
    case credential
    /// A Comprehensive Learner Record: a container of OB 3.0 credentials.
    case learnerRecord
    /// An OB 2.0 (or 0.5–1.1) assertion.
    case assertion
    /// A BadgeClass, Issuer/Profile, CryptographicKey, RevocationList, Endorsement or Extension:
    /// referred to by assertions, not a record itself.
    case supporting
    /// A stub that only points at a hosted assertion (`{"verify": {"url": …}}`).
    case hostedReference(String)
    /// Anything else.
    case unknown

    static let supportingTypes: Set<String> = [
        "BadgeClass", "Issuer", "Profile", "CryptographicKey", "RevocationList", "Endorsement", "Extension", "Criteria",
    ]

    /// Classifies `value`.
    static func classify(_ value: JSONValue) -> OpenBadgesObjectKind {
        guard value.isObject else { return .unknown }
        let types = Set((value["type"] ?? value["@type"])?.strings ?? [])
        if types.contains("ClrCredential") { return .learnerRecord }
        if value["vc"]?.isObject == true || value["credentialSubject"] != nil || types.contains("VerifiableCredential")
            || types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")
        {
            return .credential
        }
        if types.contains("Assertion") || value["recipient"] != nil || value["badge"] != nil || value["revoked"] == .bool(true) {
            return .assertion
        }
        if !types.isDisjoint(with: supportingTypes) { return .supporting }
        if types.isEmpty, value["name"] != nil, value["criteria"] != nil, value["issuer"] != nil { return .supporting }
        if types.isEmpty, value["name"] != nil, value["url"] != nil, value["recipient"] == nil, value["claim"] == nil {
            return .supporting
        }
        if types.isEmpty, value["narrative"] != nil, value.objectValue?.count ?? 0 <= 3 { return .supporting }
        if let url = value["verify"]?["url"]?.stringValue { return .hostedReference(url) }
        return .unknown
    }
}

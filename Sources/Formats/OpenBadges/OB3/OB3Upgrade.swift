import MicrocredModel
import MicrocredPipeline

/// Brings an OB 3.0 credential as found into the one strict shape the mapping reads: the VC 2.0
/// form, the current OB 3.0 context, arrays where the schema wants arrays, `type` spelled as the
/// schema wants it, images as Image objects.
///
/// Accepted on the way in: the VC 1.1 form (`issuanceDate`, `expirationDate`, the VC 1.1 context),
/// the VC-JWT `vc` claim, pre-release OB 3.0 context URLs, single values where arrays are expected
/// (and one-element arrays where a single value is), a learner name given as `credentialSubject.name`.
/// Each change of meaning is reported as a note.
struct OB3Upgrade {
    /// The extension context URL configured for reading, recognised besides the default forms.
    var configuredContextURL: String?

    struct Outcome {
        var document: JSONValue
        var diagnostics: [Diagnostic]
    }

    func upgrade(_ source: JSONValue) -> Outcome {
        var diagnostics: [Diagnostic] = []
        var document = source
        if let claim = source["vc"], claim.isObject {
            document = Self.credential(fromJWTClaims: source, claim: claim)
            diagnostics.append(.note("ob3.vc-jwt-claims", "the credential was read from the 'vc' claim of a VC-JWT payload", field: "/vc"))
        }
        document = upgradeContext(document, diagnostics: &diagnostics)
        if document["validFrom"] == nil, let issued = document["issuanceDate"] {
            document = Self.renaming(document, "issuanceDate", to: "validFrom", value: issued)
            if document["validUntil"] == nil, let expires = document["expirationDate"] {
                document = Self.renaming(document, "expirationDate", to: "validUntil", value: expires)
            }
            diagnostics.append(
                .note(
                    "ob3.vc1-upgraded", "VC 1.1 credential read as VC 2.0: 'issuanceDate' is 'validFrom', 'expirationDate' is 'validUntil'",
                    field: "/issuanceDate"))
        } else if document["validUntil"] == nil, let expires = document["expirationDate"] {
            document = Self.renaming(document, "expirationDate", to: "validUntil", value: expires)
        }
        document = Self.strictCredential(document, diagnostics: &diagnostics)
        return Outcome(document: document, diagnostics: diagnostics)
    }

    // MARK: - Envelope

    /// The credential of a VC 1.1 VC-JWT payload: the `vc` claim, completed from the registered
    /// claims it leaves out (`jti` → id, `iss` → issuer, `nbf` → issuanceDate, `exp` →
    /// expirationDate, `sub` → credentialSubject.id).
    static func credential(fromJWTClaims payload: JSONValue, claim: JSONValue) -> JSONValue {
        var credential = claim
        if credential["id"] == nil, let jti = payload["jti"] { credential.set("id", jti) }
        if credential["issuer"] == nil, let iss = payload["iss"] { credential.set("issuer", iss) }
        if credential["issuanceDate"] == nil, credential["validFrom"] == nil, let nbf = TimestampParsing.unix(payload["nbf"]) {
            credential.set("issuanceDate", .string(nbf.description))
        }
        if credential["expirationDate"] == nil, credential["validUntil"] == nil, let exp = TimestampParsing.unix(payload["exp"]) {
            credential.set("expirationDate", .string(exp.description))
        }
        if let sub = payload["sub"], let subject = credential["credentialSubject"], subject.isObject, subject["id"] == nil {
            credential.set("credentialSubject", subject.setting("id", sub))
        }
        return credential
    }

    private func upgradeContext(_ document: JSONValue, diagnostics: inout [Diagnostic]) -> JSONValue {
        let entries = document["@context"]?.listValue ?? []
        var hasCredentials = false
        var hasOpenBadges = false
        var extras: [JSONValue] = []
        for entry in entries {
            if case .string(let url) = entry {
                if url == OB3Vocabulary.credentialsV2Context || url == OB3Vocabulary.credentialsV1Context {
                    hasCredentials = true
                    continue
                }
                if OB3Vocabulary.isOpenBadgesContext(url) {
                    hasOpenBadges = true
                    if OB3Vocabulary.isPreReleaseContext(url) {
                        diagnostics.append(
                            .note(
                                "ob3.context-upgraded", "pre-release context '\(url)' read as '\(OB3Vocabulary.context)'",
                                field: "/@context"))
                    }
                    continue
                }
                if OB3Vocabulary.isCLRContext(url) { continue }
            }
            if MicrocredExtension.isExtensionContext(entry, configuredURL: configuredContextURL) { continue }
            extras.append(entry)
        }
        if !hasCredentials {
            diagnostics.append(
                .error(
                    "ob3.invalid-context",
                    "the @context does not name the W3C credentials context '\(OB3Vocabulary.credentialsV2Context)'",
                    hint: "a Verifiable Credential's @context starts with the credentials context", field: "/@context"))
        } else if !hasOpenBadges {
            diagnostics.append(
                .warning(
                    "ob3.missing-context", "the @context does not name the Open Badges 3.0 context",
                    hint: "written credentials state '\(OB3Vocabulary.context)'", field: "/@context"))
        }
        let contexts: [JSONValue] = [.string(OB3Vocabulary.credentialsV2Context), .string(OB3Vocabulary.context)] + extras
        return document.setting("@context", .array(contexts))
    }

    private static func renaming(_ document: JSONValue, _ old: String, to new: String, value: JSONValue) -> JSONValue {
        guard case .object(var members) = document, let index = members.firstIndex(where: { $0.key == old }) else { return document }
        members[index] = JSONMember(new, value)
        return .object(members)
    }

    // MARK: - Strict shapes

    private static func strictCredential(_ document: JSONValue, diagnostics: inout [Diagnostic]) -> JSONValue {
        var document = document
        document = arrays(document, ["type", "proof", "credentialSchema", "evidence", "termsOfUse", "endorsement", "endorsementJwt"])
        document = mapMember(document, "image", image)
        document = mapMember(document, "issuer") { $0.isObject ? profile($0) : $0 }
        document = mapMember(document, "evidence") { .array($0.listValue.map { typeArray($0) }) }
        document = mapMember(document, "endorsement", endorsements)
        document = holdingNonSchemaEndorsements(document, diagnostics: &diagnostics)
        if case .array(let subjects)? = document["credentialSubject"], subjects.count == 1 {
            document.set("credentialSubject", subjects[0])
        }
        document = mapMember(document, "credentialSubject") { subject($0, diagnostics: &diagnostics) }
        return document
    }

    /// Moves embedded endorsements the OB 3.0 schema refuses (VC 1.1 ones) into `sourceField`,
    /// verbatim, where the writer keeps them (see ``OB3Placement/isSchemaEndorsement(_:)``).
    private static func holdingNonSchemaEndorsements(_ document: JSONValue, diagnostics: inout [Diagnostic]) -> JSONValue {
        guard let list = document["endorsement"]?.listValue, list.contains(where: { !OB3Placement.isSchemaEndorsement($0) }) else {
            return document
        }
        var kept: [JSONValue] = []
        var held: [JSONValue] = []
        for (index, endorsement) in list.enumerated() {
            if OB3Placement.isSchemaEndorsement(endorsement) {
                kept.append(endorsement)
            } else {
                held.append(SourceFieldCoding.encode(UnmappedField(format: OpenBadges3Format.id, path: "/endorsement/\(index)", value: endorsement)))
            }
        }
        diagnostics.append(
            .note(
                "ob3.endorsement-held", "\(held.count) embedded endorsement(s) in the VC 1.1 form are kept verbatim in 'sourceField'",
                hint: "the OB 3.0 schema accepts only VC 2.0 endorsements; re-issue them to show them as endorsements", field: "/endorsement"))
        var result = kept.isEmpty ? document.removing("endorsement") : document.setting("endorsement", .array(kept))
        result.set(MicrocredExtension.Term.sourceField, .array(held + (document[MicrocredExtension.Term.sourceField]?.listValue ?? [])))
        return result
    }

    private static func subject(_ value: JSONValue, diagnostics: inout [Diagnostic]) -> JSONValue {
        guard value.isObject else { return value }
        var subject = typeArray(arrays(value, ["identifier", "result"]))
        subject = mapMember(subject, "identifier") { identities in
            .array(
                identities.listValue.map { identity in
                    var strict = typeString(identity)
                    if strict["identityType"] == "email" {
                        strict.set("identityType", "emailAddress")
                        diagnostics.append(
                            .note(
                                "ob3.identity-type-upgraded", "identityType 'email' (a pre-release value) read as 'emailAddress'",
                                field: "/credentialSubject/identifier"))
                    }
                    return strict
                })
        }
        subject = mapMember(subject, "result") { results in
            .array(results.listValue.map { mapMember(typeArray(arrays($0, ["alignment"])), "alignment", alignments) })
        }
        subject = mapMember(subject, "achievement", achievement)
        subject = mapMember(subject, "image", image)
        subject = mapMember(subject, "source") { $0.isObject ? profile($0) : $0 }
        if case .string(let name)? = subject["name"] {
            let identities = subject["identifier"]?.listValue ?? []
            if !identities.contains(where: { $0["identityType"]?.stringValue == "name" }) {
                let identity = JSONValue.object([
                    JSONMember("type", "IdentityObject"), JSONMember("identityHash", .string(name)), JSONMember("identityType", "name"),
                    JSONMember("hashed", .bool(false)),
                ])
                subject = subject.removing("name").setting("identifier", .array(identities + [identity]))
                diagnostics.append(
                    .note(
                        "ob3.subject-name-read", "the learner's name '\(name)' given as credentialSubject.name is read as a 'name' identifier",
                        field: "/credentialSubject/name"))
            }
        }
        return subject
    }

    private static func achievement(_ value: JSONValue) -> JSONValue {
        guard value.isObject else { return value }
        var achievement = typeArray(
            arrays(value, ["alignment", "tag", "otherIdentifier", "related", "resultDescription", "endorsement", "endorsementJwt"]))
        achievement = mapMember(achievement, "alignment", alignments)
        achievement = mapMember(achievement, "otherIdentifier") { .array($0.listValue.map(typeString)) }
        achievement = mapMember(achievement, "related") { .array($0.listValue.map { typeArray($0) }) }
        achievement = mapMember(achievement, "resultDescription") { descriptions in
            .array(
                descriptions.listValue.map { description in
                    var description = typeArray(arrays(description, ["alignment", "allowedValue", "rubricCriterionLevel"]))
                    description = mapMember(description, "alignment", alignments)
                    return mapMember(description, "rubricCriterionLevel") { levels in
                        .array(levels.listValue.map { mapMember(typeArray(arrays($0, ["alignment"])), "alignment", alignments) })
                    }
                })
        }
        achievement = mapMember(achievement, "image", image)
        achievement = mapMember(achievement, "creator") { $0.isObject ? profile($0) : $0 }
        achievement = mapMember(achievement, "endorsement", endorsements)
        return achievement
    }

    /// A Profile in strict shape (also used for awarding bodies in the extension).
    static func profile(_ value: JSONValue) -> JSONValue {
        guard value.isObject else { return value }
        var profile = typeArray(arrays(value, ["otherIdentifier", "endorsement", "endorsementJwt"]))
        profile = mapMember(profile, "otherIdentifier") { .array($0.listValue.map(typeString)) }
        profile = mapMember(profile, "image", image)
        profile = mapMember(profile, "address") { address in
            mapMember(typeArray(address), "geo", typeString)
        }
        profile = mapMember(profile, "parentOrg") { $0.isObject ? self.profile($0) : $0 }
        profile = mapMember(profile, "endorsement", endorsements)
        return profile
    }

    /// Embedded EndorsementCredentials with single values made arrays where the schema wants
    /// arrays. JSON-LD reads a value and a one-element array alike, so their proofs still verify.
    private static func endorsements(_ value: JSONValue) -> JSONValue {
        .array(
            value.listValue.map { endorsement in
                guard endorsement.isObject else { return endorsement }
                var strict = typeArray(arrays(endorsement, ["proof", "credentialSchema", "termsOfUse"]))
                strict = mapMember(strict, "credentialSubject") { typeArray($0) }
                return mapMember(strict, "issuer") { $0.isObject ? profile($0) : $0 }
            })
    }

    private static func alignments(_ value: JSONValue) -> JSONValue {
        .array(value.listValue.map { typeArray($0) })
    }

    private static func image(_ value: JSONValue) -> JSONValue {
        switch value {
        case .string(let id): .object([JSONMember("id", .string(id)), JSONMember("type", "Image")])
        case .object: typeString(value)
        default: value
        }
    }

    /// `value` with the members `keys` made arrays.
    private static func arrays(_ value: JSONValue, _ keys: [String]) -> JSONValue {
        guard case .object(var members) = value else { return value }
        // Lengths are compared first: comparing two strings costs more, and most keys differ in length.
        for index in members.indices
        where keys.contains(where: { $0.utf8.count == members[index].key.utf8.count && $0 == members[index].key }) {
            if case .array = members[index].value { continue }
            members[index].value = .array([members[index].value])
        }
        return .object(members)
    }

    /// An object whose `type` is made an array.
    private static func typeArray(_ value: JSONValue) -> JSONValue {
        guard let type = value["type"] else { return value }
        if case .array = type { return value }
        return value.setting("type", .array([type]))
    }

    /// An object whose one-element `type` array is made a string.
    private static func typeString(_ value: JSONValue) -> JSONValue {
        guard case .array(let items)? = value["type"], items.count == 1 else { return value }
        return value.setting("type", items[0])
    }

    /// `value` with member `key` transformed; `value` itself when the transform changes nothing
    /// (most input is in the strict shape already, and setting a member copies the object's
    /// members). The test is cheap for an unchanged member: equal lists that share storage
    /// compare equal at once.
    private static func mapMember(_ value: JSONValue, _ key: String, _ transform: (JSONValue) -> JSONValue) -> JSONValue {
        guard let member = value[key] else { return value }
        let transformed = transform(member)
        return transformed == member ? value : value.setting(key, transformed)
    }
}

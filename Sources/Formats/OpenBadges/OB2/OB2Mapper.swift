import MicrocredModel
import MicrocredPipeline

/// Maps an upgraded OB 2.0 assertion with its BadgeClass and Issuer embedded to the model: the
/// inverse of ``OB2Renderer``. OB 2.0 ids are kept as the model's ids and also recorded as
/// ``LegacyMarkers`` so an OB 3.0 writer can follow the migration guidance.
struct OB2Mapper {
    typealias Term = MicrocredExtension.Term

    private(set) var diagnostics: [Diagnostic] = []

    mutating func credential(from document: JSONValue) -> Credential {
        var credential = Credential()
        let id = document["id"]?.stringValue
        credential.id = id
        if let id { credential.otherIdentifiers.append(Identifier(id, scheme: LegacyMarkers.assertion)) }
        if let uid = document["uid"]?.stringValue { credential.otherIdentifiers.append(Identifier(uid, scheme: "uid")) }
        let dateOnly = Set(document[Term.dateOnly]?.strings ?? [])
        credential.issued = timestamp(document, "issuedOn", dateOnly: dateOnly)
        credential.validUntil = timestamp(document, "expires", dateOnly: dateOnly)
        credential.learner = learner(document)
        if let badge = document["badge"], badge.isObject {
            credential.achievement = achievement(badge, derivedID: OB2DerivedIDs.badgeClass(assertionID: id))
            if let issuer = badge["issuer"], let organisation = organisation(issuer, derivedID: OB2DerivedIDs.issuer(assertionID: id)) {
                credential.awardingBodies = [organisation]
            }
        }
        credential.evidence = (document["evidence"]?.listValue ?? []).compactMap { evidence($0) }
        credential.endorsements = document["endorsement"]?.listValue ?? []
        credential.unmapped = (document[Term.sourceField]?.listValue ?? []).compactMap(SourceFieldCoding.decode)
        return credential
    }

    private mutating func timestamp(_ object: JSONValue, _ key: String, dateOnly: Set<String>) -> Timestamp? {
        guard let value = object[key] else { return nil }
        guard let timestamp = TimestampParsing.iso(value) else {
            diagnostics.append(
                .warning(
                    "ob2.invalid-date", "\(key) '\(JSONSerializer().string(value))' is not an ISO 8601 date-time",
                    hint: "the value is kept as given", field: "/" + key))
            return nil
        }
        return TimestampParsing.restoringDate(timestamp, dateOnly: dateOnly.contains(key))
    }

    private mutating func learner(_ document: JSONValue) -> Learner {
        var learner = Learner()
        if let recipient = document["recipient"], recipient.isObject, let identity = recipient["identity"]?.stringValue {
            let type = recipient["type"]?.stringValue ?? "email"
            if recipient["hashed"] == .bool(true) {
                if let parsed = RecipientHash.parse(identity) {
                    learner.hashedIdentities.append(
                        HashedIdentity(
                            identityType: OB2Vocabulary.identityType(forRecipientType: type), algorithm: parsed.algorithm.rawValue,
                            hash: parsed.hex, salt: recipient["salt"]?.stringValue))
                } else {
                    diagnostics.append(
                        .warning(
                            "ob2.invalid-identity-hash", "recipient identity '\(EmailMask.mask(identity))' is marked hashed but is not 'sha256$…' or 'md5$…'",
                            hint: "the recipient is kept as given", field: "/recipient/identity"))
                }
            } else {
                switch type {
                case "email": learner.email = identity
                case "url": learner.id = identity
                default: learner.studentIds.append(Identifier(identity, scheme: type))
                }
            }
        }
        learner.fullName = document[OB2Vocabulary.recipientProfileKey]?["name"]?.stringValue
        return learner
    }

    /// An organisation from an OB 2.0 Issuer/Profile or an IRI.
    func organisation(_ value: JSONValue, derivedID: String?) -> Organisation? {
        if case .string(let id) = value { return Organisation(id: id, name: LocalizedText(entries: [])) }
        guard value.isObject else { return nil }
        var organisation = Organisation(name: LocalizedMember.text(of: value, field: "name") ?? LocalizedText(entries: []))
        let id = value["id"]?.stringValue
        organisation.id = id == derivedID ? nil : id
        if let id, id != derivedID { organisation.registrationIds.append(Identifier(id, scheme: LegacyMarkers.profile)) }
        organisation.homepage = value["url"]?.stringValue
        organisation.email = value["email"]?.stringValue
        organisation.logo = value["image"]?.stringValue ?? value["image"]?["id"]?.stringValue
        return organisation
    }

    private mutating func achievement(_ badge: JSONValue, derivedID: String) -> Achievement {
        var achievement = Achievement()
        let id = badge["id"]?.stringValue
        achievement.id = id == derivedID ? nil : id
        if let id, id != derivedID { achievement.otherIdentifiers.append(Identifier(id, scheme: LegacyMarkers.badgeClass)) }
        var extra = IdentifierCoding.decode(entries: badge[Term.otherIdentifier]?.listValue ?? [])
        IdentifierCoding.apply(details: badge[Term.identifierDetail]?.listValue ?? [], to: &extra)
        achievement.otherIdentifiers += extra
        let name = badge["name"]?.stringValue ?? ""
        achievement.title = LocalizedMember.text(of: badge, field: "name")
        if LocalizedMember.hasMap(badge, field: "description") || badge["description"]?.stringValue != name {
            achievement.description = LocalizedMember.text(of: badge, field: "description")
        }
        achievement.image = badge["image"]?.stringValue ?? badge["image"]?["id"]?.stringValue
        switch badge["criteria"] {
        case .string(let url)?:
            achievement.criteria = Criteria(url: url)
        case let criteria? where criteria.isObject:
            let narrative = LocalizedMember.text(of: criteria, field: "narrative")
            let url = criteria["id"]?.stringValue
            if narrative != nil || url != nil { achievement.criteria = Criteria(narrative: narrative, url: url) }
        default:
            break
        }
        achievement.tags = badge["tags"]?.strings ?? []
        let native = (badge["alignment"]?.listValue ?? []).compactMap(AlignmentLayout.alignment)
        AlignmentLayout.read(native: native, object: badge, into: &achievement)
        achievement.workload.credits = CreditCoding.decode(
            number: nil, list: badge[Term.creditPoint], plainFramework: OB3Vocabulary.creditsAvailableFramework)
        achievement.languages = badge[Term.language]?.strings ?? []
        var diagnostics = self.diagnostics
        let profiles = OB3Mapper()
        AchievementExtension.read(
            badge, into: &achievement, pointer: "/badge", profile: { profiles.organisation($0, derivedID: nil) },
            diagnostics: &diagnostics)
        self.diagnostics = diagnostics
        return achievement
    }

    private func evidence(_ value: JSONValue) -> Evidence? {
        if case .string(let id) = value { return Evidence(id: id) }
        guard value.isObject else { return nil }
        return Evidence(
            id: value["id"]?.stringValue, name: value["name"]?.stringValue, description: value["description"]?.stringValue,
            narrative: value["narrative"]?.stringValue, genre: value["genre"]?.stringValue, audience: value["audience"]?.stringValue)
    }
}

/// The ids the OB 2.0 writer derives where the record has none.
enum OB2DerivedIDs {
    static func badgeClass(assertionID: String?) -> String {
        NameBasedUUID.urn(for: "ob2/badgeclass\u{1F}" + (assertionID ?? ""))
    }

    static func issuer(assertionID: String?) -> String {
        NameBasedUUID.urn(for: "ob2/issuer\u{1F}" + (assertionID ?? ""))
    }
}

import MicrocredModel
import MicrocredPipeline

/// Maps an upgraded OB 3.0 credential (see ``OB3Upgrade``) to the model: the inverse of
/// ``OB3Renderer``. What it leaves out is found afterwards by ``SourceDiff``.
struct OB3Mapper {
    typealias Term = MicrocredExtension.Term

    private(set) var diagnostics: [Diagnostic] = []
    /// Paths where the source has nothing and the writer would write a default.
    private(set) var absences: [String] = []

    mutating func credential(from document: JSONValue) -> Credential {
        var credential = Credential()
        let credentialID = document["id"]?.stringValue
        credential.id = credentialID
        credential.title = LocalizedMember.text(of: document, field: "name")
        credential.description = LocalizedMember.text(of: document, field: "description")
        let dateOnly = Set(document[Term.dateOnly]?.strings ?? [])
        let validFrom = timestamp(document, "validFrom", dateOnly: dateOnly)
        if document["awardedDate"] != nil {
            credential.issued = timestamp(document, "awardedDate", dateOnly: dateOnly)
            credential.validFrom = validFrom
        } else {
            credential.issued = validFrom
        }
        credential.validUntil = timestamp(document, "validUntil", dateOnly: dateOnly)
        credential.credentialType = document[Term.credentialProfiles]?.stringValue
        credential.furtherInformation = document[Term.additionalNote].flatMap(LocalizedJSON.decode)
        credential.otherIdentifiers = IdentifierCoding.decode(entries: document[Term.otherIdentifier]?.listValue ?? [])
        IdentifierCoding.apply(details: document[Term.identifierDetail]?.listValue ?? [], to: &credential.otherIdentifiers)

        let issuer = document["issuer"].flatMap { organisation($0, derivedID: OB3DerivedIDs.profile(credentialID: credentialID, role: "issuer")) }
        if let bodies = document[Term.awardingBody] {
            credential.awardingBodies = bodies.listValue.compactMap { organisation($0, derivedID: nil) }
            credential.issuer = issuer == credential.awardingBodies.first ? nil : issuer
        } else if let issuer {
            credential.awardingBodies = [issuer]
        }

        if let subject = document["credentialSubject"], subject.isObject {
            credential.learner = learner(subject)
            if let achievement = subject["achievement"], achievement.isObject {
                credential.achievement = self.achievement(achievement, credential: credential, credentialID: credentialID)
            }
            if subject["achievement"] == nil { absences.append("/credentialSubject/achievement/achievementType") }
            credential.result = result(subject, achievement: subject["achievement"])
        }
        credential.evidence = (document["evidence"]?.listValue ?? []).compactMap { evidence($0) }
        credential.proofs = (document["proof"]?.listValue ?? []).map { Proof(format: "data-integrity", value: $0) }
        var carried = (document[Term.sourceField]?.listValue ?? []).compactMap(SourceFieldCoding.decode)
        // Endorsements the schema refuses travel in sourceField at their position among the others.
        let held = carried.filter { $0.format == OpenBadges3Format.id && $0.path.hasPrefix("/endorsement/") }
        carried.removeAll { $0.format == OpenBadges3Format.id && $0.path.hasPrefix("/endorsement/") }
        var objects = document["endorsement"]?.listValue ?? []
        for field in held {
            let index = Int(field.path.dropFirst("/endorsement/".count)) ?? objects.count
            objects.insert(field.value, at: min(max(index, 0), objects.count))
        }
        credential.endorsements = objects + (document["endorsementJwt"]?.listValue ?? [])
        credential.unmapped = carried
        credential.unmapped += absences.map { UnmappedField(format: OpenBadges3Format.id, path: $0, value: .null) }
        return credential
    }

    // MARK: - Values

    private mutating func timestamp(_ object: JSONValue, _ key: String, dateOnly: Set<String>) -> Timestamp? {
        guard let value = object[key] else { return nil }
        guard let timestamp = TimestampParsing.iso(value) else {
            diagnostics.append(
                .warning(
                    "ob3.invalid-date", "\(key) '\(JSONSerializer().string(value))' is not an ISO 8601 date-time",
                    hint: "write e.g. 2026-03-01T09:30:00Z; the value is kept as given", field: "/" + key))
            return nil
        }
        return TimestampParsing.restoringDate(timestamp, dateOnly: dateOnly.contains(key))
    }

    /// An organisation from a Profile or an IRI; an id equal to `derivedID` was derived by the
    /// writer and is dropped.
    func organisation(_ value: JSONValue, derivedID: String?) -> Organisation? {
        if case .string(let id) = value { return Organisation(id: id, name: LocalizedText(entries: [])) }
        guard value.isObject else { return nil }
        var organisation = Organisation(name: LocalizedMember.text(of: value, field: "name") ?? LocalizedText(entries: []))
        let id = value["id"]?.stringValue
        organisation.id = id == derivedID ? nil : id
        organisation.legalName = value[Term.legalName].flatMap(LocalizedJSON.decode)
        organisation.homepage = value["url"]?.stringValue
        organisation.email = value["email"]?.stringValue
        organisation.logo = value["image"]?["id"]?.stringValue
        if let address = value["address"] {
            organisation.country = address["addressCountryCode"]?.stringValue ?? address["addressCountry"]?.stringValue
            organisation.region = address["addressRegion"]?.stringValue
        }
        organisation.registrationIds = IdentifierCoding.decode(entries: value["otherIdentifier"]?.listValue ?? [])
        IdentifierCoding.apply(details: value[Term.identifierDetail]?.listValue ?? [], to: &organisation.registrationIds)
        return organisation
    }

    private func evidence(_ value: JSONValue) -> Evidence? {
        guard value.isObject else { return nil }
        return Evidence(
            id: value["id"]?.stringValue, name: value["name"]?.stringValue, description: value["description"]?.stringValue,
            narrative: value["narrative"]?.stringValue, genre: value["genre"]?.stringValue, audience: value["audience"]?.stringValue)
    }

    // MARK: - Learner and result

    private mutating func learner(_ subject: JSONValue) -> Learner {
        var learner = Learner(id: subject["id"]?.stringValue)
        var plain: [Identifier] = []
        var nationalIndex: Int?
        for (index, identity) in (subject["identifier"]?.listValue ?? []).enumerated() {
            guard let hash = identity["identityHash"]?.stringValue, let type = identity["identityType"]?.stringValue else { continue }
            let pointer = "/credentialSubject/identifier/\(index)"
            if identity["hashed"] == .bool(true) {
                guard let parsed = RecipientHash.parse(hash) else {
                    diagnostics.append(
                        .warning(
                            "ob3.invalid-identity-hash",
                            "identityHash '\(EmailMask.mask(hash))' is marked hashed but is not 'sha256$…' or 'md5$…' with a hex digest",
                            hint: "the identity is kept as given", field: pointer))
                    continue
                }
                learner.hashedIdentities.append(
                    HashedIdentity(
                        identityType: IdentifierTypes.scheme(forType: type) ?? type, algorithm: parsed.algorithm.rawValue,
                        hash: parsed.hex, salt: identity["salt"]?.stringValue))
                continue
            }
            switch type {
            case "emailAddress" where learner.email == nil: learner.email = hash
            case "name" where learner.fullName == nil: learner.fullName = hash
            case "nationalIdentityNumber" where nationalIndex == nil:
                nationalIndex = plain.count
                plain.append(Identifier(hash))
            default: plain.append(Identifier(hash, scheme: IdentifierTypes.scheme(forType: type)))
            }
        }
        IdentifierCoding.apply(details: subject[Term.identifierDetail]?.listValue ?? [], to: &plain)
        if let nationalIndex {
            learner.nationalId = plain.remove(at: nationalIndex)
        }
        learner.studentIds = plain
        learner.givenNames = subject[Term.givenName]?.stringValue
        learner.familyName = subject[Term.familyName]?.stringValue
        learner.dateOfBirth = subject[Term.dateOfBirth]?.stringValue.flatMap { CalendarDate(iso: $0) }
        learner.citizenship = subject[Term.citizenshipCountry]?.strings ?? []
        return learner
    }

    private func result(_ subject: JSONValue, achievement: JSONValue?) -> CredentialResult? {
        var result = CredentialResult()
        let results = subject["result"]?.listValue ?? []
        if let chosen = results.first(where: { $0["value"] != nil }) ?? results.first(where: { $0["status"] != nil }) {
            result.grade = chosen["value"]?.stringValue
            result.status = chosen[Term.gradeStatus]?.stringValue ?? chosen["status"]?.stringValue
            if let reference = chosen["resultDescription"]?.stringValue,
                let description = achievement?["resultDescription"]?.listValue.first(where: { $0["id"]?.stringValue == reference })
            {
                result.gradingScheme = description["name"]?.stringValue
            }
        }
        result.creditsEarned = CreditCoding.decode(
            number: subject["creditsEarned"], list: subject[Term.creditReceived], plainFramework: OB3Vocabulary.creditsEarnedFramework)
        let isEmpty = result.grade == nil && result.status == nil && result.gradingScheme == nil && result.creditsEarned.isEmpty
        return isEmpty ? nil : result
    }

    // MARK: - Achievement

    private mutating func achievement(_ value: JSONValue, credential: Credential, credentialID: String?) -> Achievement {
        var achievement = Achievement()
        let id = value["id"]?.stringValue
        achievement.id = id == OB3DerivedIDs.achievement(credentialID: credentialID) ? nil : id
        let name = value["name"]?.stringValue ?? ""
        achievement.title = LocalizedMember.text(of: value, field: "name")
        if LocalizedMember.hasMap(value, field: "description") || value["description"]?.stringValue != name {
            achievement.description = LocalizedMember.text(of: value, field: "description")
        }
        if let type = value["achievementType"]?.stringValue {
            achievement.achievementType = type.hasPrefix("ext:") ? String(type.dropFirst(4)) : type
        } else if value["achievementType"] == nil {
            absences.append("/credentialSubject/achievement/achievementType")
        }
        achievement.image = value["image"]?["id"]?.stringValue
        achievement.tags = value["tag"]?.strings ?? []
        achievement.otherIdentifiers = IdentifierCoding.decode(entries: value["otherIdentifier"]?.listValue ?? [])
        IdentifierCoding.apply(details: value[Term.identifierDetail]?.listValue ?? [], to: &achievement.otherIdentifiers)
        let native = (value["alignment"]?.listValue ?? []).compactMap(AlignmentLayout.alignment)
        AlignmentLayout.read(native: native, object: value, into: &achievement)
        achievement.workload.credits = CreditCoding.decode(
            number: value["creditsAvailable"], list: value[Term.creditPoint], plainFramework: OB3Vocabulary.creditsAvailableFramework)
        if let languages = value[Term.language] {
            achievement.languages = languages.strings
        } else if let language = value["inLanguage"]?.stringValue {
            achievement.languages = [language]
        }
        var diagnostics = self.diagnostics
        let mapper = self
        AchievementExtension.read(
            value, into: &achievement, pointer: "/credentialSubject/achievement",
            profile: { mapper.organisation($0, derivedID: nil) }, diagnostics: &diagnostics)
        self.diagnostics = diagnostics
        if let criteria = value["criteria"], criteria.isObject {
            let url = criteria["id"]?.stringValue
            let narrative = LocalizedMember.text(of: criteria, field: "narrative")
            let derived = OB3RenderState.derivedCriteria(achievement, name: name)
            let isDerived = url == nil && !LocalizedMember.hasMap(criteria, field: "narrative") && narrative?.primary == derived
            if !isDerived, url != nil || narrative != nil { achievement.criteria = Criteria(narrative: narrative, url: url) }
        }
        return achievement
    }
}

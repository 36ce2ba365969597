import MicrocredModel
import MicrocredPipeline

/// Renders a model credential as an OB 2.0 Assertion with its BadgeClass and Issuer embedded, for
/// consumers that still need Open Badges 2.0.
///
/// EU elements of the achievement travel in the microcred extension members on the BadgeClass,
/// the learner's name in the 1EdTech RecipientProfile extension. What OB 2.0 cannot hold is listed
/// in an `ob2.not-written` note.
struct OB2Renderer {
    typealias Term = MicrocredExtension.Term

    var plainRecipients = false
    var salts = RecipientSalt(secret: nil)
    var extensionContext: ExtensionContextReference = .inline
    /// Whether to add the extension context when extension members are written.
    var statesExtensionContext = true

    struct Rendering {
        var document: JSONValue
        var diagnostics: [Diagnostic]
        var hashedEmail: Bool
        /// The inline extension context the document ends its `@context` with, if any.
        var inlineContext: InlineExtensionContext?
    }

    /// The settings a reader renders with to compare against its source.
    static let sourceFaithful = OB2Renderer(plainRecipients: true, statesExtensionContext: false)

    func render(_ credential: Credential) -> Rendering {
        var usesExtension = false
        var hashedEmail = false
        var notWritten: [String] = []
        let id = credential.id
        var builder = JSONObjectBuilder()
        builder.add("@context", .string(OB2Vocabulary.context))
        builder.add("type", "Assertion")
        builder.add("id", string: id)
        if let uid = credential.otherIdentifiers.first(where: { $0.scheme == "uid" }) { builder.add("uid", string: uid.value) }
        let learner = credential.learner
        var recipient = JSONObjectBuilder()
        if let email = learner.email {
            recipient.add("type", "email")
            if plainRecipients {
                recipient.add("hashed", .bool(false))
                recipient.add("identity", string: email)
            } else {
                let salt = salts.salt(credentialID: id ?? "")
                recipient.add("hashed", .bool(true))
                recipient.add("salt", string: salt)
                recipient.add("identity", string: RecipientHash.identityHash(of: email, salt: salt))
                hashedEmail = true
            }
        } else if let hashed = learner.hashedIdentities.first {
            recipient.add("type", string: OB2Vocabulary.recipientType(forIdentityType: hashed.identityType))
            recipient.add("hashed", .bool(true))
            recipient.add("salt", string: hashed.salt)
            recipient.add("identity", string: hashed.algorithm + "$" + hashed.hash)
        } else if let url = learner.id {
            recipient.add("type", "url")
            recipient.add("hashed", .bool(false))
            recipient.add("identity", string: url)
        } else if let other = learner.studentIds.first(where: { $0.scheme != nil }) {
            recipient.add("type", string: other.scheme)
            recipient.add("hashed", .bool(false))
            recipient.add("identity", string: other.value)
        }
        if !recipient.isEmpty { builder.add("recipient", recipient.value) }
        let issuer = credential.issuer ?? credential.awardingBodies.first
        builder.add("badge", badgeClass(credential, issuer: issuer, usesExtension: &usesExtension))
        if let issued = credential.issued { builder.add("issuedOn", string: Self.dateTime(issued)) }
        if let until = credential.validUntil { builder.add("expires", string: Self.dateTime(until)) }
        let evidence = credential.evidence.map(Self.evidence)
        if evidence.count == 1 {
            builder.add("evidence", evidence[0])
        } else {
            builder.add("evidence", nonEmpty: evidence)
        }
        builder.add("verification", .object([JSONMember("type", "hosted")]))
        builder.add("endorsement", nonEmpty: credential.endorsements)
        if let name = learner.fullName {
            builder.add(
                OB2Vocabulary.recipientProfileKey,
                .object([
                    JSONMember("@context", .string(OB2Vocabulary.recipientProfileContext)),
                    JSONMember("type", .array(["Extension", "extensions:RecipientProfile"])), JSONMember("name", .string(name)),
                ]))
        }
        var dateOnly: [JSONValue] = []
        if case .date? = credential.issued { dateOnly.append("issuedOn") }
        if case .date? = credential.validUntil { dateOnly.append("expires") }
        if !dateOnly.isEmpty {
            usesExtension = true
            builder.add(Term.dateOnly, .array(dateOnly))
        }
        var document = builder.value
        let leftovers = UnmappedOverlay.apply(credential.unmapped, format: OpenBadges2Format.id, to: &document)
        let carried = leftovers + credential.unmapped.filter { $0.format != OpenBadges2Format.id }
        if !carried.isEmpty {
            usesExtension = true
            document.set(Term.sourceField, .array(carried.map(SourceFieldCoding.encode)))
        }
        var inlineContext: InlineExtensionContext?
        if usesExtension, statesExtensionContext {
            let contexts = document["@context"]?.listValue ?? []
            let entry = extensionContext.entry(for: document)
            document.set("@context", .array(contexts + [entry.value]))
            inlineContext = entry.inline
        }
        notWritten += Self.unwritable(credential, issuer: issuer)
        var diagnostics: [Diagnostic] = []
        if !notWritten.isEmpty {
            diagnostics.append(
                .note(
                    "ob2.not-written", "Open Badges 2.0 has no place for: \(notWritten.joined(separator: ", "))",
                    hint: "write ob3 to keep them"))
        }
        return Rendering(document: document, diagnostics: diagnostics, hashedEmail: hashedEmail, inlineContext: inlineContext)
    }

    private func badgeClass(_ credential: Credential, issuer: Organisation?, usesExtension: inout Bool) -> JSONValue {
        let achievement = credential.achievement
        var builder = JSONObjectBuilder()
        builder.add("type", "BadgeClass")
        builder.add("id", string: achievement.id ?? OB2DerivedIDs.badgeClass(assertionID: credential.id))
        let title = achievement.title ?? credential.title
        let name = title?.primary ?? ""
        builder.add("name", string: name)
        builder.add("description", string: achievement.description?.primary ?? name)
        builder.add("image", string: achievement.image)
        if let criteria = achievement.criteria {
            if criteria.narrative == nil, let url = criteria.url {
                builder.add("criteria", string: url)
            } else {
                var object = JSONObjectBuilder()
                object.add("id", string: criteria.url)
                object.add("narrative", string: criteria.narrative?.primary)
                if let localized = LocalizedMember.member([("narrative", criteria.narrative)]) {
                    usesExtension = true
                    object.add(localized.key, localized.value)
                }
                builder.add("criteria", object.value)
            }
        }
        if let issuer { builder.add("issuer", profile(issuer, derivedID: OB2DerivedIDs.issuer(assertionID: credential.id), usesExtension: &usesExtension)) }
        let layout = AlignmentLayout.layout(achievement)
        builder.add("alignment", nonEmpty: layout.native.map { AlignmentLayout.json($0, typed: false) })
        builder.add("tags", nonEmpty: achievement.tags.map { .string($0) })
        var extensionBuilder = JSONObjectBuilder()
        extensionBuilder.append(contentsOf: layout.extensionMembers)
        if !achievement.workload.credits.isEmpty {
            let list = CreditCoding.encode(achievement.workload.credits, plainFramework: "").list
            extensionBuilder.add(Term.creditPoint, list)
        }
        extensionBuilder.add(Term.language, nonEmpty: achievement.languages.map { .string($0) })
        var agentState = OB3RenderState(options: .sourceFaithful, credential: credential)
        var agents = 0
        extensionBuilder.append(
            contentsOf: AchievementExtension.members(achievement) { organisation in
                agents += 1
                return agentState.profile(organisation, role: "accreditingAgent/\(agents)", requiresID: false)
            })
        let identifiers = IdentifierCoding.encode(achievement.otherIdentifiers.filter { !($0.scheme == LegacyMarkers.badgeClass && $0.value == achievement.id) })
        extensionBuilder.add(Term.otherIdentifier, nonEmpty: identifiers.entries)
        extensionBuilder.add(Term.identifierDetail, nonEmpty: identifiers.details)
        var localizedFields: [(name: String, text: LocalizedText?)] = [("name", title)]
        if let description = achievement.description { localizedFields.append(("description", description)) }
        if let localized = LocalizedMember.member(localizedFields) { extensionBuilder.add(localized.key, localized.value) }
        if !extensionBuilder.isEmpty {
            usesExtension = true
            builder.append(contentsOf: extensionBuilder.members)
        }
        return builder.value
    }

    private func profile(_ organisation: Organisation, derivedID: String?, usesExtension: inout Bool) -> JSONValue {
        if let id = organisation.id, OB3RenderState.isBareReference(organisation) { return .string(id) }
        var builder = JSONObjectBuilder()
        builder.add("type", "Profile")
        builder.add("id", string: organisation.id ?? derivedID)
        builder.add("name", string: organisation.name.primary)
        builder.add("url", string: organisation.homepage)
        builder.add("email", string: organisation.email)
        builder.add("image", string: organisation.logo)
        if !organisation.name.entries.isEmpty, let localized = LocalizedMember.member([("name", organisation.name)]) {
            usesExtension = true
            builder.add(localized.key, localized.value)
        }
        return builder.value
    }

    static func evidence(_ evidence: Evidence) -> JSONValue {
        if let id = evidence.id, evidence.name == nil, evidence.description == nil, evidence.narrative == nil, evidence.genre == nil,
            evidence.audience == nil
        {
            return .string(id)
        }
        var builder = JSONObjectBuilder()
        builder.add("id", string: evidence.id)
        builder.add("narrative", string: evidence.narrative)
        builder.add("name", string: evidence.name)
        builder.add("description", string: evidence.description)
        builder.add("genre", string: evidence.genre)
        builder.add("audience", string: evidence.audience)
        return builder.value
    }

    static func dateTime(_ timestamp: Timestamp) -> String {
        timestamp.asDateTime.assumingUTCIfLocal.description
    }

    /// The model fields OB 2.0 has no place for.
    static func unwritable(_ credential: Credential, issuer: Organisation?) -> [String] {
        var names: [String] = []
        if credential.title != nil, credential.achievement.title != nil { names.append("credential title") }
        if credential.description != nil { names.append("credential description") }
        if credential.credentialType != nil { names.append("credential type") }
        if credential.validFrom != nil { names.append("validFrom") }
        if credential.furtherInformation != nil { names.append("further information") }
        if credential.otherIdentifiers.contains(where: { !LegacyMarkers.isMarker($0) && $0.scheme != "uid" }) { names.append("credential identifiers") }
        let learner = credential.learner
        if learner.email != nil || learner.id != nil {
            if !learner.hashedIdentities.isEmpty { names.append("further hashed identities") }
        } else if learner.hashedIdentities.count > 1 {
            names.append("further hashed identities")
        }
        if learner.givenNames != nil || learner.familyName != nil { names.append("learner given/family name") }
        if learner.dateOfBirth != nil { names.append("date of birth") }
        if learner.nationalId != nil { names.append("national id") }
        if !learner.studentIds.isEmpty, learner.email != nil || learner.id != nil || !learner.hashedIdentities.isEmpty || learner.studentIds.count > 1 {
            names.append("student ids")
        }
        if !learner.citizenship.isEmpty { names.append("citizenship") }
        if credential.awardingBodies.count > 1 || credential.issuer.map({ credential.awardingBodies != [$0] }) == true {
            names.append("awarding bodies other than the issuer")
        }
        if let issuer, issuer.country != nil || issuer.region != nil || issuer.legalName != nil
            || issuer.registrationIds.contains(where: { !LegacyMarkers.isMarker($0) })
        {
            names.append("issuer country, legal name and registrations")
        }
        if credential.achievement.achievementType != nil { names.append("achievement type") }
        if credential.result != nil { names.append("result") }
        if !credential.proofs.isEmpty { names.append("proofs") }
        return names
    }
}

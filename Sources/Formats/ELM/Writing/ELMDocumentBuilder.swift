import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Builds the `europassCredential` tree for a model credential, in schema order, with
/// controlled-vocabulary IRIs, reference lists and `idref`s, and deterministic ids.
///
/// The tree holds what the model says; ``ELMResidueMerger`` then puts back the XML kept from an
/// `elm-xml` source. The builder never fails: what it cannot write becomes a diagnostic (an error
/// when the document would not be valid, a warning for a value left out).
struct ELMDocumentBuilder {
    let credential: Credential
    let concepts: ELMConcepts
    /// Ids of `accreditation` elements kept as XML: quality assurance whose reference names one is
    /// written as a `hasAccreditation` link to it rather than as a note.
    let accreditationIDs: Set<String>
    let ids: ELMIdentifiers
    let primaryLanguage: String
    /// Whether the credential has an achievement to write (a claim and its specification).
    let hasAchievement: Bool
    /// Whether there is an assessment specification to write: a type the vocabulary knows, a
    /// description or a grading scheme.
    private let assessmentSpecificationNeeded: Bool
    private(set) var diagnostics: [Diagnostic] = []
    private var organisations: [(id: String, organisation: Organisation, field: String)] = []

    init(credential: Credential, concepts: ELMConcepts, accreditationIDs: Set<String> = []) {
        self.concepts = concepts
        self.accreditationIDs = accreditationIDs
        self.ids = ELMIdentifiers(credential)
        self.primaryLanguage = ELMLanguages.primary(of: credential)
        self.hasAchievement = credential.achievement != Achievement() || !credential.awardingBodies.isEmpty || credential.result != nil
        let assessment = credential.achievement.assessment
        self.assessmentSpecificationNeeded = assessment.type.flatMap { concepts.concept(for: $0, in: .assessmentTypes) } != nil
            || assessment.description != nil || credential.result?.gradingScheme != nil
        // Stored last, so that the value passed in is moved rather than copied.
        self.credential = credential
    }

    // MARK: Document

    mutating func build() -> XMLElement {
        let issuerID = planOrganisations()
        var children: [XMLElement] = credential.otherIdentifiers.map { identifier("identifier", $0) }
        children.append(credentialType())
        let languagesPosition = children.count
        if let validFrom = credential.validFrom { children.append(.cred("validFrom", text: ELMDates.dateTimeText(validFrom))) }
        if let issued = credential.issued {
            children.append(.cred("issued", text: ELMDates.dateTimeText(issued)))
        } else {
            error(ELMCode.missingIssued, "the credential has no date of issuing (cred:issued), which genericschema_1.2 requires", field: "issued")
        }
        if let validUntil = credential.validUntil { children.append(.cred("validUntil", text: ELMDates.dateTimeText(validUntil))) }
        if let issuerID {
            children.append(.reference("issuer", to: issuerID, namespace: ELMNamespace.cred))
        } else {
            error(ELMCode.missingIssuer, "the credential has neither an issuer nor an awarding body for cred:issuer", field: "issuer")
        }
        if let title = text("title", credential.title ?? credential.achievement.title, field: "title") {
            children.append(title)
        } else {
            error(ELMCode.missingTitle, "the credential has no title, which genericschema_1.2 requires", field: "title")
            children.append(.snb("title"))
        }
        if let description = text("description", credential.description, field: "description") { children.append(description) }
        let rootTexts: [(field: String, text: LocalizedText?)] = [("title", credential.displayTitle), ("description", credential.description)]
        for (field, text) in rootTexts {
            for code in ELMLanguages.duplicates(in: text, primary: primaryLanguage) {
                error(ELMCode.duplicateTextLanguage, "the credential \(field) has more than one text in '\(code)', which genericschema_1.2 forbids", field: field)
            }
        }
        children.append(subject())
        children += references()
        children.insert(contentsOf: languages(), at: languagesPosition)
        reportUnwritten()
        return XMLElement(
            localName: ELMNamespace.credential, namespaceURI: ELMNamespace.snb,
            attributes: [
                XMLAttribute(localName: "schemaLocation", namespaceURI: ELMNamespace.xsi, prefix: ELMNamespace.xsiPrefix, value: ELMNamespace.schemaLocation),
                XMLAttribute(localName: "xsdVersion", value: ELMNamespace.xsdVersion),
                XMLAttribute(localName: "id", namespaceURI: ELMNamespace.cred, prefix: ELMNamespace.credPrefix, value: ids.credential),
            ],
            namespaceDeclarations: [
                XMLNamespaceDeclaration(prefix: nil, uri: ELMNamespace.snb),
                XMLNamespaceDeclaration(prefix: ELMNamespace.credPrefix, uri: ELMNamespace.cred),
                XMLNamespaceDeclaration(prefix: ELMNamespace.xsiPrefix, uri: ELMNamespace.xsi),
            ],
            children: children.map { .element($0) })
    }

    private mutating func credentialType() -> XMLElement {
        if let value = credential.credentialType {
            if let concept = concepts.concept(for: value, in: .credentialTypes) { return ELMCodes.code("type", concept) }
            warning("credential type '\(value)' is no Europass credential type; written as Generic", field: "credentialType")
        }
        let generic = concepts.concept(for: "e34929035b", in: .credentialTypes)
            ?? ELMConcept(iri: "http://data.europa.eu/snb/credential/e34929035b", label: "Generic", scheme: ELMConcepts.scheme(of: .credentialTypes))
        return ELMCodes.code("type", generic)
    }

    /// `primaryLanguage` and `availableLanguages`: the primary language, then the other languages
    /// the credential's title and description are written in, in order.
    private func languages() -> [XMLElement] {
        var available = [primaryLanguage]
        for text in [credential.displayTitle, credential.description] {
            for entry in text?.entries ?? [] {
                if let code = entry.language.flatMap(ELMLanguages.code), !available.contains(code) { available.append(code) }
            }
        }
        return [
            .snb("primaryLanguage", text: primaryLanguage),
            .snb("availableLanguages", children: available.map { .snb("language", text: $0) }),
        ]
    }

    // MARK: Learner and achievement

    private mutating func subject() -> XMLElement {
        let learner = credential.learner
        var children = learner.studentIds.map { identifier("identifier", $0) }
        if let email = learner.email { children.append(contactPoint(email: email)) }
        if let nationalId = learner.nationalId {
            var element = identifier("nationalId", nationalId)
            let spatial = learner.citizenship.first ?? credential.awardingBodies.first?.country ?? credential.issuer?.country ?? ""
            element.attributes.append(XMLAttribute(localName: "spatialID", value: spatial))
            children.append(element)
        }
        if let fullName = learner.fullName { children.append(name("fullName", fullName)) }
        if let givenNames = learner.givenNames, !givenNames.isEmpty {
            children.append(name("givenNames", givenNames))
        } else {
            error(ELMCode.missingGivenNames, "the learner has no given names, which genericschema_1.2 requires", field: "learner.givenNames")
            children.append(.snb("givenNames"))
        }
        if let familyName = learner.familyName, !familyName.isEmpty {
            children.append(name("familyName", familyName))
        } else {
            error(ELMCode.missingFamilyName, "the learner has no family name, which genericschema_1.2 requires", field: "learner.familyName")
            children.append(.snb("familyName"))
        }
        if let dateOfBirth = learner.dateOfBirth { children.append(.snb("dateOfBirth", text: dateOfBirth.description)) }
        for (index, country) in learner.citizenship.enumerated() {
            if let element = code("citizenshipCountry", country, in: .countries, field: "learner.citizenship[\(index)]") {
                children.append(element)
            }
        }
        if hasAchievement { children.append(.snb("achievements", children: [claim()])) }
        return .snb("credentialSubject", [("id", learner.id ?? ids.derived("person", "learner"))], children: children)
    }

    private mutating func claim() -> XMLElement {
        let achievement = credential.achievement
        var children: [XMLElement] = []
        children.append(text("title", achievement.title ?? credential.displayTitle, field: "achievement.title") ?? .snb("title"))
        if let note = note(.furtherInformation, credential.furtherInformation, field: "furtherInformation") { children.append(note) }
        if let assessment = assessment() { children.append(assessment) }
        if !credential.awardingBodies.isEmpty { children.append(.reference("wasAwardedBy", to: ids.derived("awardingProcess", "award"))) }
        children.append(.reference("specifiedBy", to: specificationID))
        return .snb("learningAchievement", [("id", ids.derived("learningAchievement", "claim"))], children: children)
    }

    private var specificationID: String { credential.achievement.id ?? ids.derived("qualification", "specification") }
    private mutating func assessment() -> XMLElement? {
        let assessment = credential.achievement.assessment
        let supervision = assessment.supervision.flatMap { concepts.concept(for: $0, in: .supervisionVerification) }
        guard credential.result?.grade != nil || supervision != nil || assessmentSpecificationNeeded else {
            if let value = assessment.supervision {
                warning("'\(value)' is no concept of the supervision-verification vocabulary and no IRI", field: "achievement.assessment.supervision")
            }
            if let value = assessment.type {
                warning("'\(value)' is no concept of the assessment-types vocabulary and no IRI", field: "achievement.assessment.type")
            }
            return nil
        }
        var children: [XMLElement] = [.snb("title"), .snb("grade", text: credential.result?.grade ?? "")]
        if let supervision = assessment.supervision,
            let element = code("idVerificationMethod", supervision, in: .supervisionVerification, field: "achievement.assessment.supervision")
        {
            children.append(element)
        }
        if assessmentSpecificationNeeded {
            children.append(.reference("specifiedBy", to: ids.derived("assessmentSpecification", "assessment")))
        }
        return .snb("wasDerivedFrom", [("id", ids.derived("assessment", "assessment"))], children: children)
    }

    // MARK: Reference lists

    private mutating func references() -> [XMLElement] {
        var lists: [XMLElement] = []
        if hasAchievement {
            lists.append(.snb("learningSpecificationReferences", children: [specification()]))
            let outcomes = learningOutcomes()
            if !outcomes.isEmpty { lists.append(.snb("learningOutcomeReferences", children: outcomes)) }
            if assessmentSpecificationNeeded {
                lists.append(.snb("assessmentSpecificationReferences", children: [assessmentSpecification()]))
            }
        }
        if !organisations.isEmpty {
            lists.append(.snb("agentReferences", children: organisations.indices.map { organisation(at: $0) }))
        }
        if hasAchievement, !credential.awardingBodies.isEmpty {
            let bodies = credential.awardingBodies.compactMap { body in organisationID(of: body) }
            lists.append(
                .snb(
                    "awardingProcessReferences",
                    children: [
                        .snb(
                            "awardingProcess", [("id", ids.derived("awardingProcess", "award"))],
                            children: bodies.map { .reference("awardingBody", to: $0) })
                    ]))
        }
        if hasAchievement, assessmentSpecificationNeeded, let scheme = credential.result?.gradingScheme {
            lists.append(
                .snb(
                    "scoringSchemeReferences",
                    children: [
                        .snb(
                            "scoringScheme", [("id", ids.derived("scoringScheme", "grading"))],
                            children: [name("title", scheme)])
                    ]))
        }
        return lists
    }

    private mutating func specification() -> XMLElement {
        let achievement = credential.achievement
        var children = achievement.otherIdentifiers.map { identifier("identifier", $0) }
        if let title = text("title", achievement.title, field: "achievement.title") { children.append(title) }
        if let description = text("description", achievement.description, field: "achievement.description") {
            children.append(description)
        }
        if let narrative = achievement.criteria?.narrative, let note = note(.criteria, narrative, field: "achievement.criteria.narrative") {
            children.append(note)
        }
        if let stacking = achievement.stacking.note, let note = note(.stackability, stacking, field: "achievement.stacking.note") {
            children.append(note)
        }
        var accreditations: [XMLElement] = []
        for (index, assurance) in achievement.qualityAssurance.enumerated() {
            if let reference = assurance.reference, accreditationIDs.contains(reference) {
                accreditations.append(.reference("hasAccreditation", to: reference))
            } else if let note = qualityNote(assurance, field: "achievement.qualityAssurance[\(index)]") {
                children.append(note)
            }
        }
        if let homepage = achievement.homepage {
            if homepage.isHTTPIRI {
                children.append(.snb("homepage", [("uri", homepage)]))
            } else {
                warning("homepage '\(homepage)' is not an http(s) URL, which genericschema_1.2 requires", field: "achievement.homepage")
            }
        }
        for (index, field) in achievement.iscedFields.enumerated() {
            if let element = code("hasISCED-FCode", field, in: .iscedF, field: "achievement.iscedFields[\(index)]") { children.append(element) }
        }
        if let hours = achievement.workload.hours {
            if let duration = ELMDuration.text(hours: hours) {
                children.append(.snb("volumeOfLearning", text: duration))
            } else {
                warning("workload of \(hours) hours cannot be written as a duration", field: "achievement.workload.hours")
            }
        }
        var wroteECTS = false
        var otherCredits: [XMLElement] = []
        for (index, credits) in achievement.workload.credits.enumerated() {
            switch concepts.creditSystem(credits.framework) {
            case CreditPoints.ects? where !wroteECTS:
                children.append(.snb("hasECTSCreditPoints", text: credits.points.description))
                wroteECTS = true
            case CreditPoints.ects?:
                otherCredits.append(.snb("hasCreditPoints", [("schemeID", ELMConcepts.ectsScheme)], text: credits.points.description))
            case "ECVET"?:
                otherCredits.append(.snb("hasCreditPoints", [("schemeID", ELMConcepts.ecvetScheme)], text: credits.points.description))
            default:
                warning(
                    "\(credits.points) credits in '\(credits.framework)': genericschema_1.2 names only ECTS and ECVET credit points",
                    field: "achievement.workload.credits[\(index)]")
            }
        }
        children += otherCredits
        for (index, language) in achievement.languages.enumerated() {
            if let element = code("language", language, in: .languages, field: "achievement.languages[\(index)]") { children.append(element) }
        }
        if let mode = achievement.participation.mode,
            let element = code("mode", mode, in: .learningModes, field: "achievement.participation.mode")
        {
            children.append(element)
        }
        if let setting = achievement.participation.setting,
            let element = code("learningSettingType", setting, in: .learningSettings, field: "achievement.participation.setting")
        {
            children.append(element)
        }
        if let prerequisites = text("entryRequirementsNote", achievement.prerequisites, field: "achievement.prerequisites") {
            children.append(prerequisites)
        }
        if !achievement.learningOutcomes.isEmpty {
            children.append(
                .snb(
                    "learningOutcomes",
                    children: achievement.learningOutcomes.indices.map { .reference("learningOutcome", to: learningOutcomeID($0)) }))
        }
        if let eqf = achievement.level.eqf,
            let element = code("eqfLevel", String(eqf), in: .eqf, field: "achievement.level.eqf")
        {
            children.append(element)
        }
        for (index, level) in achievement.level.nqf.enumerated() {
            if level.value.isHTTPIRI {
                children.append(ELMCodes.code("nqfLevel", ELMConcept(iri: level.value, label: level.value, scheme: ELMConcepts.scheme(of: .qfEhea))))
            } else {
                warning(
                    "national level '\(level.framework) \(level.value)' is not a qualification-framework concept IRI",
                    field: "achievement.level.nqf[\(index)]")
            }
        }
        children += accreditations
        return .snb("qualification", [("id", specificationID)], children: children)
    }

    private func learningOutcomeID(_ index: Int) -> String {
        credential.achievement.learningOutcomes[index].id ?? ids.derived("learningOutcome", String(index + 1))
    }

    private mutating func learningOutcomes() -> [XMLElement] {
        // A loop, not `map`: a closure that calls mutating methods copies the whole builder on
        // every call.
        var elements: [XMLElement] = []
        for (index, outcome) in credential.achievement.learningOutcomes.enumerated() {
            var children = [text("prefLabel", outcome.text, field: "achievement.learningOutcomes[\(index)].text") ?? .snb("prefLabel")]
            if let skill = outcome.escoSkill {
                if skill.isHTTPIRI {
                    children.append(
                        ELMCodes.code(
                            "relatedEscoSkill",
                            ELMConcept(iri: skill, label: skill, scheme: "http://data.europa.eu/esco/concept-scheme/skills")))
                } else {
                    warning("ESCO skill '\(skill)' is not an IRI", field: "achievement.learningOutcomes[\(index)].escoSkill")
                }
            }
            elements.append(.snb("learningOutcome", [("id", learningOutcomeID(index))], children: children))
        }
        return elements
    }

    private mutating func assessmentSpecification() -> XMLElement {
        let assessment = credential.achievement.assessment
        var children: [XMLElement] = []
        if let description = text("description", assessment.description, field: "achievement.assessment.description") {
            children.append(description)
        }
        if let type = assessment.type, let element = code("type", type, in: .assessmentTypes, field: "achievement.assessment.type") {
            children.append(element)
        }
        if credential.result?.gradingScheme != nil {
            children.append(.reference("gradingScheme", to: ids.derived("scoringScheme", "grading")))
        }
        return .snb("assessmentSpecification", [("id", ids.derived("assessmentSpecification", "assessment"))], children: children)
    }

    // MARK: Organisations

    /// Lists the organisations to write (the issuer, then the awarding bodies, each once) and
    /// returns the id `cred:issuer` refers to.
    private mutating func planOrganisations() -> String? {
        if let issuer = credential.issuer {
            organisations.append((issuer.id ?? ids.derived("org", "issuer"), issuer, "issuer"))
        }
        for (index, body) in credential.awardingBodies.enumerated() where organisationID(of: body) == nil {
            let id = body.id ?? ids.derived("org", "awardingBody/\(index + 1)")
            if let existing = organisations.first(where: { $0.id == id }) {
                warning(
                    "awarding body '\(body.name.primary ?? id)' has the id '\(id)' of another organisation ('\(existing.organisation.name.primary ?? "")'); only the first is written",
                    field: "awardingBodies[\(index)]")
                continue
            }
            organisations.append((id, body, "awardingBodies[\(index)]"))
        }
        return organisations.first?.id
    }

    /// The id under which `organisation` is written, when it is.
    private func organisationID(of organisation: Organisation) -> String? {
        if let id = organisation.id { return organisations.contains { $0.id == id } ? id : nil }
        return organisations.first { $0.organisation == organisation }?.id
    }

    private mutating func organisation(at position: Int) -> XMLElement {
        let (id, organisation, field) = organisations[position]
        var children = organisation.registrationIds.dropFirst().map { identifier("identifier", $0) }
        if let email = organisation.email { children.append(contactPoint(email: email)) }
        if let registration = organisation.registrationIds.first {
            children.append(identifier("registration", registration))
        } else {
            error(
                ELMCode.missingRegistration,
                "organisation '\(organisation.name.primary ?? id)' has no registration identifier, which genericschema_1.2 requires",
                field: "\(field).registrationIds", hint: "map a registration number (business register, VAT, Erasmus code) to \(field).registrationIds")
            children.append(.snb("registration"))
        }
        children.append(text("prefLabel", organisation.name, field: "\(field).name") ?? .snb("prefLabel"))
        if let homepage = organisation.homepage {
            if homepage.isHTTPIRI {
                children.append(.snb("homepage", [("uri", homepage)]))
            } else {
                warning("homepage '\(homepage)' is not an http(s) URL, which genericschema_1.2 requires", field: "\(field).homepage")
            }
        }
        var address: [XMLElement] = []
        if let country = organisation.country, let element = code("country", country, in: .countries, field: "\(field).country") {
            address.append(.snb("hasAddress", children: [element]))
        }
        children.append(.snb("hasLocation", children: address))
        if let logo = organisation.logo {
            if let element = ELMMediaObject.element("logo", dataURI: logo) {
                children.append(element)
            } else {
                warning("logo is not a base64 data: URI of a PNG, JPEG, GIF, SVG, TIFF or BMP image", field: "\(field).logo")
            }
        }
        if organisation.legalName != nil { warning("the legal name has no place in genericschema_1.2", field: "\(field).legalName") }
        if let region = organisation.region { warning("region '\(region)' has no place in genericschema_1.2", field: "\(field).region") }
        return .snb("organization", [("id", id)], children: children)
    }

    // MARK: Elements

    private func contactPoint(email: String) -> XMLElement {
        .snb("contactPoint", children: [.snb("mailBox", [("uri", "mailto:" + email)])])
    }

    private func identifier(_ local: String, _ identifier: Identifier) -> XMLElement {
        var attributes: [(String, String)] = []
        if let scheme = identifier.scheme { attributes.append(("schemeID", scheme)) }
        if let issuer = identifier.issuer { attributes.append(("schemeAgencyName", issuer)) }
        return .snb(local, attributes, text: identifier.value)
    }

    /// A `TextType` or `NoteType` element with a `text` per language; `nil` when no text can be written.
    /// `field`, the model path for a diagnostic, is spelled out only when one is made.
    private mutating func text(_ local: String, _ text: LocalizedText?, field: @autoclosure () -> String) -> XMLElement? {
        guard let text else { return nil }
        let children = text.entries.compactMap { entry in
            language(of: entry, field: field()).map { ELMTexts.text(language: $0, entry.value) }
        }
        return children.isEmpty ? nil : .snb(local, children: children)
    }

    /// A name (a single string) as a `TextType` element in the primary language.
    private func name(_ local: String, _ value: String) -> XMLElement {
        .snb(local, children: [ELMTexts.text(language: primaryLanguage, value)])
    }

    private mutating func note(_ kind: ELMNoteKind, _ text: LocalizedText?, field: String) -> XMLElement? {
        guard var element = self.text("additionalNote", text, field: field) else { return nil }
        var subject: [(String, String)] = []
        if let topic = kind.topic { subject.append(("uri", topic)) }
        element.children.append(.element(.snb("subject", subject, text: kind.subjectText ?? "")))
        return element
    }

    private mutating func qualityNote(_ assurance: QualityAssurance, field: String) -> XMLElement? {
        let description = assurance.description ?? LocalizedText(entries: [LocalizedText.Entry(value: "")])
        guard var element = text("additionalNote", description, field: "\(field).description") else { return nil }
        element.children.append(.element(.snb("subject", [("uri", ELMNoteKind.qualityTopic)], text: assurance.type ?? "")))
        if assurance.body != nil { warning("the quality assurance body has no place in genericschema_1.2 without an accreditation", field: "\(field).body") }
        if let reference = assurance.reference {
            warning("quality assurance reference '\(reference)' names no accreditation of the credential", field: "\(field).reference")
        }
        return element
    }

    private mutating func code(_ local: String, _ value: String, in kind: VocabularyKind, field: String) -> XMLElement? {
        if let concept = concepts.concept(for: value, in: kind) { return ELMCodes.code(local, concept) }
        warning(
            "'\(value)' is no concept of the \(kind.rawValue) vocabulary\(concepts.vocabularies == nil ? " (no vocabularies are loaded)" : "") and no IRI",
            field: field)
        return nil
    }

    /// The schema language code for a text entry; `nil` (and an error) when the schema does not
    /// allow the language.
    private mutating func language(of entry: LocalizedText.Entry, field: @autoclosure () -> String) -> String? {
        guard let tag = entry.language else {
            return primaryLanguage
        }
        guard let code = ELMLanguages.code(for: tag) else {
            error(
                ELMCode.unsupportedLanguage,
                "text in '\(tag)' cannot be written: genericschema_1.2 allows only the 29 EU/EEA languages \(ELMLanguages.allowed.sorted().joined(separator: " "))",
                field: field())
            return nil
        }
        return code
    }

    // MARK: Diagnostics

    private mutating func reportUnwritten() {
        let achievement = credential.achievement
        var unwritten: [(String, String)] = []
        if let type = achievement.achievementType { unwritten.append(("achievement.achievementType", "achievement type '\(type)'")) }
        if !achievement.tags.isEmpty { unwritten.append(("achievement.tags", "tags \(achievement.tags.map { "'\($0)'" }.joined(separator: ", "))")) }
        if !achievement.alignments.isEmpty { unwritten.append(("achievement.alignments", "\(achievement.alignments.count) alignment(s)")) }
        if let image = achievement.image { unwritten.append(("achievement.image", "image '\(image.prefix(60))'")) }
        if let url = achievement.criteria?.url { unwritten.append(("achievement.criteria.url", "criteria URL '\(url)'")) }
        if !achievement.stacking.isPartOf.isEmpty { unwritten.append(("achievement.stacking.isPartOf", "is part of \(achievement.stacking.isPartOf.joined(separator: ", "))")) }
        if !achievement.stacking.hasPart.isEmpty { unwritten.append(("achievement.stacking.hasPart", "has part \(achievement.stacking.hasPart.joined(separator: ", "))")) }
        if let cycle = achievement.level.qfEhea { unwritten.append(("achievement.level.qfEhea", "QF-EHEA cycle '\(cycle.rawValue)'")) }
        if let status = credential.result?.status { unwritten.append(("result.status", "result status '\(status)'")) }
        if let earned = credential.result?.creditsEarned, !earned.isEmpty { unwritten.append(("result.creditsEarned", "credits earned")) }
        if !credential.evidence.isEmpty { unwritten.append(("evidence", "\(credential.evidence.count) evidence item(s)")) }
        if !credential.endorsements.isEmpty { unwritten.append(("endorsements", "\(credential.endorsements.count) endorsement(s)")) }
        if !credential.learner.hashedIdentities.isEmpty { unwritten.append(("learner.hashedIdentities", "hashed identities")) }
        if !hasAchievement, credential.furtherInformation != nil { unwritten.append(("furtherInformation", "further information")) }
        for (field, what) in unwritten {
            warning("\(what) has no place in genericschema_1.2 and is not written", field: field)
        }
        if !credential.proofs.isEmpty {
            diagnostics.append(
                .note(
                    ELMCode.proofNotWritten,
                    "\(credential.proofs.count) proof(s) read from the source are not written: a signature cannot stay valid once the credential is converted",
                    field: "proofs"))
        }
    }

    private mutating func error(_ code: String, _ message: String, field: String, hint: String? = nil) {
        diagnostics.append(.error(code, message, hint: hint, field: field))
    }

    private mutating func warning(_ message: String, field: String) {
        diagnostics.append(.warning(ELMCode.valueNotWritten, message, field: field))
    }
}

import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Writes the `europassCredential` element for a model credential to an ``XMLContentSink``, in
/// schema order, with controlled-vocabulary IRIs, reference lists and `idref`s, and deterministic
/// ids: as bytes (an ``XMLMarkupWriter``) when that is all a writer needs, or as a tree (an
/// ``XMLTreeBuilder``) to merge kept XML into or to compare with a source.
///
/// The element holds what the model says; ``ELMResidueMerger`` then puts back the XML kept from
/// an `elm-xml` source. The builder never fails: what it cannot write becomes a diagnostic (an
/// error when the document would not be valid, a warning for a value left out).
struct ELMDocumentBuilder<Output: XMLContentSink & ~Copyable>: ~Copyable {
    let credential: Credential
    let concepts: ELMConcepts
    /// Ids of `accreditation` elements kept as XML: quality assurance whose reference names one is
    /// written as a `hasAccreditation` link to it rather than as a note.
    let accreditationIDs: Set<String>
    private(set) var ids: ELMIdentifiers
    let primaryLanguage: String
    /// Whether the credential has an achievement to write (a claim and its specification).
    let hasAchievement: Bool
    /// Whether there is an assessment specification to write: a type the vocabulary knows, a
    /// description or a grading scheme.
    private let assessmentSpecificationNeeded: Bool
    /// Where the element is written.
    var output: Output
    private(set) var diagnostics: [Diagnostic] = []
    private var organisations: [(id: String, organisation: Organisation, field: String)] = []

    init(credential: Credential, concepts: ELMConcepts, accreditationIDs: Set<String> = [], output: consuming Output) {
        self.concepts = concepts
        self.accreditationIDs = accreditationIDs
        self.ids = ELMIdentifiers(credential)
        self.primaryLanguage = ELMLanguages.primary(of: credential)
        self.hasAchievement = !credential.achievement.isEmpty || !credential.awardingBodies.isEmpty || credential.result != nil
        self.assessmentSpecificationNeeded = credential.achievement.assessment.type.flatMap { concepts.concept(for: $0, in: .assessmentTypes) } != nil
            || credential.achievement.assessment.description != nil || credential.result?.gradingScheme != nil
        self.output = output
        // Stored last, so that the value passed in is moved rather than copied.
        self.credential = credential
    }

    /// Ends the building, handing back the credential (moved, not copied).
    consuming func finish() -> Credential {
        credential
    }

    // MARK: Document

    /// Writes the `europassCredential` element.
    mutating func build() {
        let issuerID = planOrganisations()
        output.open(ELMNamespace.credential)
        output.declareNamespace(prefix: nil, uri: ELMNamespace.snb)
        output.declareNamespace(prefix: ELMNamespace.credPrefix, uri: ELMNamespace.cred)
        output.declareNamespace(prefix: ELMNamespace.xsiPrefix, uri: ELMNamespace.xsi)
        output.addAttribute("schemaLocation", namespaceURI: ELMNamespace.xsi, prefix: ELMNamespace.xsiPrefix, value: ELMNamespace.schemaLocation)
        output.attribute("xsdVersion", ELMNamespace.xsdVersion)
        output.addAttribute("id", namespaceURI: ELMNamespace.cred, prefix: ELMNamespace.credPrefix, value: ids.credential)
        for other in credential.otherIdentifiers { identifier("identifier", other) }
        credentialType()
        languages()
        if let validFrom = credential.validFrom { output.cred("validFrom", text: ELMDates.dateTimeText(validFrom)) }
        if let issued = credential.issued {
            output.cred("issued", text: ELMDates.dateTimeText(issued))
        } else {
            error(ELMCode.missingIssued, "the credential has no date of issuing (cred:issued), which genericschema_1.2 requires", field: "issued")
        }
        if let validUntil = credential.validUntil { output.cred("validUntil", text: ELMDates.dateTimeText(validUntil)) }
        if let issuerID {
            output.reference("issuer", to: issuerID, namespace: ELMNamespace.cred)
        } else {
            error(ELMCode.missingIssuer, "the credential has neither an issuer nor an awarding body for cred:issuer", field: "issuer")
        }
        if !text("title", credential.title ?? credential.achievement.title, field: "title") {
            error(ELMCode.missingTitle, "the credential has no title, which genericschema_1.2 requires", field: "title")
            output.element("title", text: "")
        }
        text("description", credential.description, field: "description")
        let rootTexts: [(field: String, text: LocalizedText?)] = [("title", credential.displayTitle), ("description", credential.description)]
        for (field, text) in rootTexts {
            for code in ELMLanguages.duplicates(in: text, primary: primaryLanguage) {
                error(ELMCode.duplicateTextLanguage, "the credential \(field) has more than one text in '\(code)', which genericschema_1.2 forbids", field: field)
            }
        }
        subject()
        references()
        output.close()
        reportUnwritten()
    }

    private mutating func credentialType() {
        if let value = credential.credentialType {
            if let concept = concepts.concept(for: value, in: .credentialTypes) {
                ELMCodes.write("type", concept, to: &output)
                return
            }
            warning("credential type '\(value)' is no Europass credential type; written as Generic", field: "credentialType")
        }
        let generic = concepts.concept(for: "e34929035b", in: .credentialTypes)
            ?? ELMConcept(iri: "http://data.europa.eu/snb/credential/e34929035b", label: "Generic", scheme: ELMConcepts.scheme(of: .credentialTypes))
        ELMCodes.write("type", generic, to: &output)
    }

    /// `primaryLanguage` and `availableLanguages`: the primary language, then the other languages
    /// the credential's title and description are written in, in order.
    private mutating func languages() {
        var available = [primaryLanguage]
        for text in [credential.displayTitle, credential.description] {
            for entry in text?.entries ?? [] {
                if let code = entry.language.flatMap(ELMLanguages.code), !available.contains(code) { available.append(code) }
            }
        }
        output.element("primaryLanguage", text: primaryLanguage)
        output.open("availableLanguages")
        for code in available { output.element("language", text: code) }
        output.close()
    }

    // MARK: Learner and achievement

    private mutating func subject() {
        output.open("credentialSubject")
        output.attribute("id", credential.learner.id ?? ids.derived(.learner))
        for studentId in credential.learner.studentIds { identifier("identifier", studentId) }
        if let email = credential.learner.email { contactPoint(email: email) }
        if let nationalId = credential.learner.nationalId {
            let spatial = credential.learner.citizenship.first ?? credential.awardingBodies.first?.country ?? credential.issuer?.country ?? ""
            identifier("nationalId", nationalId, spatialID: spatial)
        }
        if let fullName = credential.learner.fullName { name("fullName", fullName) }
        if let givenNames = credential.learner.givenNames, !givenNames.isEmpty {
            name("givenNames", givenNames)
        } else {
            error(ELMCode.missingGivenNames, "the learner has no given names, which genericschema_1.2 requires", field: "learner.givenNames")
            output.element("givenNames", text: "")
        }
        if let familyName = credential.learner.familyName, !familyName.isEmpty {
            name("familyName", familyName)
        } else {
            error(ELMCode.missingFamilyName, "the learner has no family name, which genericschema_1.2 requires", field: "learner.familyName")
            output.element("familyName", text: "")
        }
        if let dateOfBirth = credential.learner.dateOfBirth { output.element("dateOfBirth", text: dateOfBirth.description) }
        for (index, country) in credential.learner.citizenship.enumerated() {
            code("citizenshipCountry", country, in: .countries, field: "learner.citizenship[\(index)]")
        }
        if hasAchievement {
            output.open("achievements")
            claim()
            output.close()
        }
        output.close()
    }

    private mutating func claim() {
        output.open("learningAchievement")
        output.attribute("id", ids.derived(.claim))
        if !text("title", credential.achievement.title ?? credential.displayTitle, field: "achievement.title") { output.element("title", text: "") }
        note(.furtherInformation, credential.furtherInformation, field: "furtherInformation")
        assessment()
        if !credential.awardingBodies.isEmpty { output.reference("wasAwardedBy", to: ids.derived(.awardingProcess)) }
        output.reference("specifiedBy", to: specificationID())
        output.close()
    }

    private mutating func specificationID() -> String { credential.achievement.id ?? ids.derived(.specification) }

    private mutating func assessment() {
        let supervision = credential.achievement.assessment.supervision.flatMap { concepts.concept(for: $0, in: .supervisionVerification) }
        guard credential.result?.grade != nil || supervision != nil || assessmentSpecificationNeeded else {
            if let value = credential.achievement.assessment.supervision {
                warning("'\(value)' is no concept of the supervision-verification vocabulary and no IRI", field: "achievement.assessment.supervision")
            }
            if let value = credential.achievement.assessment.type {
                warning("'\(value)' is no concept of the assessment-types vocabulary and no IRI", field: "achievement.assessment.type")
            }
            return
        }
        output.open("wasDerivedFrom")
        output.attribute("id", ids.derived(.assessment))
        output.element("title", text: "")
        output.element("grade", text: credential.result?.grade ?? "")
        if let supervision = credential.achievement.assessment.supervision {
            code("idVerificationMethod", supervision, in: .supervisionVerification, field: "achievement.assessment.supervision")
        }
        if assessmentSpecificationNeeded {
            output.reference("specifiedBy", to: ids.derived(.assessmentSpecification))
        }
        output.close()
    }

    // MARK: Reference lists

    private mutating func references() {
        if hasAchievement {
            output.open("learningSpecificationReferences")
            specification()
            output.close()
            if !credential.achievement.learningOutcomes.isEmpty {
                output.open("learningOutcomeReferences")
                learningOutcomes()
                output.close()
            }
            if assessmentSpecificationNeeded {
                output.open("assessmentSpecificationReferences")
                assessmentSpecification()
                output.close()
            }
        }
        if !organisations.isEmpty {
            output.open("agentReferences")
            for position in organisations.indices { organisation(at: position) }
            output.close()
        }
        if hasAchievement, !credential.awardingBodies.isEmpty {
            output.open("awardingProcessReferences")
            output.open("awardingProcess")
            output.attribute("id", ids.derived(.awardingProcess))
            for body in credential.awardingBodies {
                if let id = organisationID(of: body) { output.reference("awardingBody", to: id) }
            }
            output.close()
            output.close()
        }
        if hasAchievement, assessmentSpecificationNeeded, let scheme = credential.result?.gradingScheme {
            output.open("scoringSchemeReferences")
            output.open("scoringScheme")
            output.attribute("id", ids.derived(.scoringScheme))
            name("title", scheme)
            output.close()
            output.close()
        }
    }

    private mutating func specification() {
        output.open("qualification")
        output.attribute("id", specificationID())
        for other in credential.achievement.otherIdentifiers { identifier("identifier", other) }
        text("title", credential.achievement.title, field: "achievement.title")
        text("description", credential.achievement.description, field: "achievement.description")
        if let narrative = credential.achievement.criteria?.narrative { note(.criteria, narrative, field: "achievement.criteria.narrative") }
        if let stacking = credential.achievement.stacking.note { note(.stackability, stacking, field: "achievement.stacking.note") }
        // Links to kept accreditations come last, in schema order.
        var accreditations: [String] = []
        for (index, assurance) in credential.achievement.qualityAssurance.enumerated() {
            if let reference = assurance.reference, accreditationIDs.contains(reference) {
                accreditations.append(reference)
            } else {
                qualityNote(assurance, field: "achievement.qualityAssurance[\(index)]")
            }
        }
        if let homepage = credential.achievement.homepage {
            if homepage.isHTTPIRI {
                output.element("homepage", "uri", homepage)
            } else {
                warning("homepage '\(homepage)' is not an http(s) URL, which genericschema_1.2 requires", field: "achievement.homepage")
            }
        }
        for (index, field) in credential.achievement.iscedFields.enumerated() {
            code("hasISCED-FCode", field, in: .iscedF, field: "achievement.iscedFields[\(index)]")
        }
        if let hours = credential.achievement.workload.hours {
            if let duration = ELMDuration.text(hours: hours) {
                output.element("volumeOfLearning", text: duration)
            } else {
                warning("workload of \(hours) hours cannot be written as a duration", field: "achievement.workload.hours")
            }
        }
        // The first ECTS credits are `hasECTSCreditPoints`; other ECTS and ECVET credits follow it
        // as `hasCreditPoints`.
        var wroteECTS = false
        var otherCredits: [(scheme: String, points: String)] = []
        for (index, credits) in credential.achievement.workload.credits.enumerated() {
            switch concepts.creditSystem(credits.framework) {
            case CreditPoints.ects? where !wroteECTS:
                output.element("hasECTSCreditPoints", text: credits.points.description)
                wroteECTS = true
            case CreditPoints.ects?:
                otherCredits.append((ELMConcepts.ectsScheme, credits.points.description))
            case "ECVET"?:
                otherCredits.append((ELMConcepts.ecvetScheme, credits.points.description))
            default:
                warning(
                    "\(credits.points) credits in '\(credits.framework)': genericschema_1.2 names only ECTS and ECVET credit points",
                    field: "achievement.workload.credits[\(index)]")
            }
        }
        for (scheme, points) in otherCredits { output.element("hasCreditPoints", "schemeID", scheme, text: points) }
        for (index, language) in credential.achievement.languages.enumerated() {
            code("language", language, in: .languages, field: "achievement.languages[\(index)]")
        }
        if let mode = credential.achievement.participation.mode {
            code("mode", mode, in: .learningModes, field: "achievement.participation.mode")
        }
        if let setting = credential.achievement.participation.setting {
            code("learningSettingType", setting, in: .learningSettings, field: "achievement.participation.setting")
        }
        text("entryRequirementsNote", credential.achievement.prerequisites, field: "achievement.prerequisites")
        if !credential.achievement.learningOutcomes.isEmpty {
            output.open("learningOutcomes")
            for index in credential.achievement.learningOutcomes.indices { output.reference("learningOutcome", to: learningOutcomeID(index)) }
            output.close()
        }
        if let eqf = credential.achievement.level.eqf {
            code("eqfLevel", String(eqf), in: .eqf, field: "achievement.level.eqf")
        }
        for (index, level) in credential.achievement.level.nqf.enumerated() {
            if level.value.isHTTPIRI {
                let concept = ELMConcept(iri: level.value, label: level.value, scheme: ELMConcepts.scheme(of: .qfEhea))
                ELMCodes.write("nqfLevel", concept, to: &output)
            } else {
                warning(
                    "national level '\(level.framework) \(level.value)' is not a qualification-framework concept IRI",
                    field: "achievement.level.nqf[\(index)]")
            }
        }
        for reference in accreditations { output.reference("hasAccreditation", to: reference) }
        output.close()
    }

    private mutating func learningOutcomeID(_ index: Int) -> String {
        credential.achievement.learningOutcomes[index].id ?? ids.derived(.learningOutcome(index + 1))
    }

    private mutating func learningOutcomes() {
        for (index, outcome) in credential.achievement.learningOutcomes.enumerated() {
            output.open("learningOutcome")
            output.attribute("id", learningOutcomeID(index))
            if !text("prefLabel", outcome.text, field: "achievement.learningOutcomes[\(index)].text") { output.element("prefLabel", text: "") }
            if let skill = outcome.escoSkill {
                if skill.isHTTPIRI {
                    let concept = ELMConcept(iri: skill, label: skill, scheme: "http://data.europa.eu/esco/concept-scheme/skills")
                    ELMCodes.write("relatedEscoSkill", concept, to: &output)
                } else {
                    warning("ESCO skill '\(skill)' is not an IRI", field: "achievement.learningOutcomes[\(index)].escoSkill")
                }
            }
            output.close()
        }
    }

    private mutating func assessmentSpecification() {
        output.open("assessmentSpecification")
        output.attribute("id", ids.derived(.assessmentSpecification))
        text("description", credential.achievement.assessment.description, field: "achievement.assessment.description")
        if let type = credential.achievement.assessment.type { code("type", type, in: .assessmentTypes, field: "achievement.assessment.type") }
        if credential.result?.gradingScheme != nil {
            output.reference("gradingScheme", to: ids.derived(.scoringScheme))
        }
        output.close()
    }

    // MARK: Organisations

    /// Lists the organisations to write (the issuer, then the awarding bodies, each once) and
    /// returns the id `cred:issuer` refers to.
    private mutating func planOrganisations() -> String? {
        if let issuer = credential.issuer {
            organisations.append((issuer.id ?? ids.derived(.issuer), issuer, "issuer"))
        }
        for (index, body) in credential.awardingBodies.enumerated() where organisationID(of: body) == nil {
            let id = body.id ?? ids.derived(.awardingBody(index + 1))
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

    private mutating func organisation(at position: Int) {
        let (id, organisation, field) = organisations[position]
        output.open("organization")
        output.attribute("id", id)
        for registration in organisation.registrationIds.dropFirst() { identifier("identifier", registration) }
        if let email = organisation.email { contactPoint(email: email) }
        if let registration = organisation.registrationIds.first {
            identifier("registration", registration)
        } else {
            error(
                ELMCode.missingRegistration,
                "organisation '\(organisation.name.primary ?? id)' has no registration identifier, which genericschema_1.2 requires",
                field: "\(field).registrationIds", hint: "map a registration number (business register, VAT, Erasmus code) to \(field).registrationIds")
            output.element("registration", text: "")
        }
        if !text("prefLabel", organisation.name, field: "\(field).name") { output.element("prefLabel", text: "") }
        if let homepage = organisation.homepage {
            if homepage.isHTTPIRI {
                output.element("homepage", "uri", homepage)
            } else {
                warning("homepage '\(homepage)' is not an http(s) URL, which genericschema_1.2 requires", field: "\(field).homepage")
            }
        }
        let country = organisation.country.flatMap { concept(for: $0, in: .countries, field: "\(field).country") }
        output.open("hasLocation")
        if let country {
            output.open("hasAddress")
            ELMCodes.write("country", country, to: &output)
            output.close()
        }
        output.close()
        if let logo = organisation.logo, !ELMMediaObject.write("logo", dataURI: logo, to: &output) {
            warning("logo is not a base64 data: URI of a PNG, JPEG, GIF, SVG, TIFF or BMP image", field: "\(field).logo")
        }
        if organisation.legalName != nil { warning("the legal name has no place in genericschema_1.2", field: "\(field).legalName") }
        if let region = organisation.region { warning("region '\(region)' has no place in genericschema_1.2", field: "\(field).region") }
        output.close()
    }

    // MARK: Elements

    private mutating func contactPoint(email: String) {
        output.open("contactPoint")
        output.element("mailBox", "uri", "mailto:" + email)
        output.close()
    }

    private mutating func identifier(_ local: String, _ identifier: Identifier, spatialID: String? = nil) {
        output.open(local)
        if let scheme = identifier.scheme { output.attribute("schemeID", scheme) }
        if let issuer = identifier.issuer { output.attribute("schemeAgencyName", issuer) }
        if let spatialID { output.attribute("spatialID", spatialID) }
        output.content(identifier.value)
        output.close()
    }

    /// Writes a `TextType` or `NoteType` element with a `text` per language; returns `false`,
    /// writing nothing, when no text can be written.
    /// `field`, the model path for a diagnostic, is spelled out only when one is made.
    @discardableResult
    private mutating func text(_ local: String, _ text: LocalizedText?, field: @autoclosure () -> String) -> Bool {
        guard openText(local, text, field: field()) else { return false }
        output.close()
        return true
    }

    /// Opens a `TextType` or `NoteType` element and writes a `text` per language, leaving the
    /// element open for more; returns `false`, writing nothing, when no text can be written.
    private mutating func openText(_ local: String, _ text: LocalizedText?, field: @autoclosure () -> String) -> Bool {
        guard let text else { return false }
        var texts: [(language: String, value: String)] = []
        for entry in text.entries {
            if let language = language(of: entry, field: field()) { texts.append((language, entry.value)) }
        }
        guard !texts.isEmpty else { return false }
        output.open(local)
        for (language, value) in texts { ELMTexts.write(language: language, value, to: &output) }
        return true
    }

    /// A name (a single string) as a `TextType` element in the primary language.
    private mutating func name(_ local: String, _ value: String) {
        output.open(local)
        ELMTexts.write(language: primaryLanguage, value, to: &output)
        output.close()
    }

    private mutating func note(_ kind: ELMNoteKind, _ text: LocalizedText?, field: String) {
        guard openText("additionalNote", text, field: field) else { return }
        output.open("subject")
        if let topic = kind.topic { output.attribute("uri", topic) }
        output.content(kind.subjectText ?? "")
        output.close()
        output.close()
    }

    private mutating func qualityNote(_ assurance: QualityAssurance, field: String) {
        let description = assurance.description ?? LocalizedText(entries: [LocalizedText.Entry(value: "")])
        guard openText("additionalNote", description, field: "\(field).description") else { return }
        output.element("subject", "uri", ELMNoteKind.qualityTopic, text: assurance.type ?? "")
        output.close()
        if assurance.body != nil { warning("the quality assurance body has no place in genericschema_1.2 without an accreditation", field: "\(field).body") }
        if let reference = assurance.reference {
            warning("quality assurance reference '\(reference)' names no accreditation of the credential", field: "\(field).reference")
        }
    }

    /// Writes the code element `local` for `value`, when it names a concept of `kind`.
    private mutating func code(_ local: String, _ value: String, in kind: VocabularyKind, field: String) {
        if let concept = concept(for: value, in: kind, field: field) { ELMCodes.write(local, concept, to: &output) }
    }

    /// The concept of `kind` that `value` names; `nil` (and a warning) when there is none.
    private mutating func concept(for value: String, in kind: VocabularyKind, field: String) -> ELMConcept? {
        if let concept = concepts.concept(for: value, in: kind) { return concept }
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
        var unwritten: [(String, String)] = []
        if let type = credential.achievement.achievementType { unwritten.append(("achievement.achievementType", "achievement type '\(type)'")) }
        if !credential.achievement.tags.isEmpty { unwritten.append(("achievement.tags", "tags \(credential.achievement.tags.map { "'\($0)'" }.joined(separator: ", "))")) }
        if !credential.achievement.alignments.isEmpty { unwritten.append(("achievement.alignments", "\(credential.achievement.alignments.count) alignment(s)")) }
        if let image = credential.achievement.image { unwritten.append(("achievement.image", "image '\(image.prefix(60))'")) }
        if let url = credential.achievement.criteria?.url { unwritten.append(("achievement.criteria.url", "criteria URL '\(url)'")) }
        if !credential.achievement.stacking.isPartOf.isEmpty { unwritten.append(("achievement.stacking.isPartOf", "is part of \(credential.achievement.stacking.isPartOf.joined(separator: ", "))")) }
        if !credential.achievement.stacking.hasPart.isEmpty { unwritten.append(("achievement.stacking.hasPart", "has part \(credential.achievement.stacking.hasPart.joined(separator: ", "))")) }
        if let cycle = credential.achievement.level.qfEhea { unwritten.append(("achievement.level.qfEhea", "QF-EHEA cycle '\(cycle.rawValue)'")) }
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

extension ELMDocumentBuilder where Output == XMLTreeBuilder {
    /// Builds the `europassCredential` element as a tree.
    mutating func buildTree() -> XMLElement {
        build()
        return output.elements[0]
    }
}

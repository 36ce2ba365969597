import MicrocredModel
import MicrocredPipeline
import XMLSupport

/// Maps one credential as read (already repaired) to the model: the credential's own fields, the
/// learner, the first achievement with the specification, learning outcomes, assessment, grading
/// scheme, awarding process and accreditations its `idref`s lead to, and the organisations.
///
/// Everything the model has no field for is left in the source; ``ELMResidueExtractor`` keeps it.
struct ELMCredentialMapper {
    let concepts: ELMConcepts
    let index: ELMIdIndex
    private(set) var diagnostics: [Diagnostic] = []
    /// Elements mapped in a way the writer does not reproduce (a signature into `proofs`): left
    /// out of the comparison that decides what is kept as XML.
    private(set) var consumed: [XMLRecordedTree.Element] = []

    init(concepts: ELMConcepts, index: ELMIdIndex) {
        self.concepts = concepts
        self.index = index
    }

    /// Maps the credential `root` into `credential`, a new one. (Filled in place: returning a value
    /// this large copies it.)
    mutating func map(_ root: XMLRecordedTree.Element, into credential: inout Credential) {
        credential.id = root.attribute("id", namespaceURI: ELMNamespace.cred)?.trimmingWhitespace()
        credential.otherIdentifiers = root.children("identifier").compactMap { identifier($0) }
        credential.credentialType = root.child("type")?.trimmedAttribute("uri").map {
            concepts.modelValue(forIRI: $0, in: .credentialTypes)
        }
        credential.validFrom = timestamp(root.credChild("validFrom"), path: "cred:validFrom")
        credential.issued = timestamp(root.credChild("issued"), path: "cred:issued")
        credential.validUntil = timestamp(root.credChild("validUntil"), path: "cred:validUntil")
        if let issuer = index.resolve(root.credChild("issuer")), issuer.localName == "organization" {
            credential.issuer = organisation(issuer)
        }
        credential.title = text(root.child("title"))
        credential.description = text(root.child("description"))
        if let subject = root.child("credentialSubject") {
            mapLearner(subject, into: &credential.learner)
            mapClaim(of: subject, into: &credential)
        }
        if let proof = root.child("proof"), proof.hasElementChildren, let fragment = try? ELMFragment.serialize(proof.element()) {
            credential.proofs.append(Proof(format: "xmldsig", value: .string(fragment)))
            consumed.append(proof)
        }
    }

    // MARK: Learner

    /// Maps the credential subject into `learner`, a new one (filled in place, as the credential).
    private mutating func mapLearner(_ subject: XMLRecordedTree.Element, into learner: inout Learner) {
        learner.id = subject.trimmedAttribute("id")
        learner.studentIds = subject.children("identifier").compactMap { identifier($0) }
        learner.email = email(in: subject)
        learner.nationalId = subject.child("nationalId").flatMap { identifier($0) }
        learner.fullName = string(subject.child("fullName"))
        learner.givenNames = string(subject.child("givenNames"))
        learner.familyName = string(subject.child("familyName"))
        if let element = subject.child("dateOfBirth") {
            if case .date(let date) = ELMDates.birthDate(element.text) {
                learner.dateOfBirth = date
            } else {
                invalid("date of birth", element, field: "credentialSubject/dateOfBirth", expected: "an xs:date (YYYY-MM-DD)")
            }
        }
        learner.citizenship = subject.children("citizenshipCountry").compactMap {
            $0.trimmedAttribute("uri").map { concepts.modelValue(forIRI: $0, in: .countries) }
        }
    }

    // MARK: Achievement

    private mutating func mapClaim(of subject: XMLRecordedTree.Element, into credential: inout Credential) {
        guard let achievements = subject.child("achievements") else { return }
        guard let claim = achievements.child("learningAchievement") else {
            if let award = achievements.child("qualificationAward") {
                diagnostics.append(
                    Diagnostic(
                        code: ELMCode.qualificationAwardKept, severity: .note,
                        message: "the achievement is a qualificationAward; it is kept as XML and not mapped to the model",
                        location: location(of: award, field: "credentialSubject/achievements/qualificationAward")))
            }
            return
        }
        // Mapped in place: a whole achievement built aside is copied when stored.
        credential.achievement = Achievement()
        let specification = index.resolve(claim.child("specifiedBy"))
        if let specification {
            mapSpecification(specification, into: &credential.achievement)
        }
        if credential.achievement.title == nil { credential.achievement.title = text(claim.child("title")) }
        if credential.achievement.description == nil { credential.achievement.description = text(claim.child("description")) }
        for note in claim.children("additionalNote") where ELMNoteKind(note: note) == .furtherInformation {
            credential.furtherInformation = text(note)
            break
        }
        if let assessment = claim.child("wasDerivedFrom") {
            mapAssessment(assessment, into: &credential)
        }
        if let process = index.resolve(claim.child("wasAwardedBy")) {
            credential.awardingBodies = process.children("awardingBody").compactMap { reference in
                index.resolve(reference).flatMap { $0.localName == "organization" ? organisation($0) : nil }
            }
        }
    }

    private mutating func mapSpecification(_ specification: XMLRecordedTree.Element, into achievement: inout Achievement) {
        achievement.id = specification.trimmedAttribute("id")
        achievement.otherIdentifiers = specification.children("identifier").compactMap { identifier($0) }
        achievement.title = text(specification.child("title"))
        achievement.description = text(specification.child("description"))
        achievement.homepage = specification.child("homepage")?.trimmedAttribute("uri")
        achievement.iscedFields = specification.children("hasISCED-FCode").compactMap {
            $0.trimmedAttribute("uri").map { concepts.modelValue(forIRI: $0, in: .iscedF) }
        }
        if let volume = specification.child("volumeOfLearning") {
            if case .hours(let hours) = ELMDuration.read(volume.text) {
                achievement.workload.hours = hours
            } else {
                invalid("volume of learning", volume, field: "volumeOfLearning", expected: "hours, minutes and seconds (PT60H)")
            }
        }
        if let ects = specification.child("hasECTSCreditPoints") {
            if let points = DecimalNumber(ects.text.trimmingWhitespace()) {
                achievement.workload.credits.append(CreditPoints(framework: CreditPoints.ects, points: points))
            } else {
                invalid("ECTS credit points", ects, field: "hasECTSCreditPoints", expected: "a decimal number")
            }
        }
        for credits in specification.children("hasCreditPoints") {
            guard let scheme = credits.trimmedAttribute("schemeID").flatMap(concepts.creditSystem),
                let points = DecimalNumber(credits.text.trimmingWhitespace())
            else { continue }
            achievement.workload.credits.append(CreditPoints(framework: scheme, points: points))
        }
        achievement.languages = specification.children("language").compactMap {
            $0.trimmedAttribute("uri").map { concepts.modelValue(forIRI: $0, in: .languages) }
        }
        achievement.participation.mode = specification.child("mode")?.trimmedAttribute("uri").map {
            concepts.modelValue(forIRI: $0, in: .learningModes)
        }
        achievement.participation.setting = specification.child("learningSettingType")?.trimmedAttribute("uri").map {
            concepts.modelValue(forIRI: $0, in: .learningSettings)
        }
        achievement.prerequisites = text(specification.child("entryRequirementsNote"))
        if let outcomes = specification.child("learningOutcomes") {
            achievement.learningOutcomes = outcomes.children("learningOutcome").compactMap { reference in
                index.resolve(reference).map { learningOutcome($0) }
            }
        }
        if let element = specification.child("eqfLevel"), let level = element.trimmedAttribute("uri") {
            achievement.level.eqf = concepts.eqfLevel(forIRI: level)
            if achievement.level.eqf == nil {
                diagnostics.append(
                    Diagnostic(
                        code: ELMCode.invalidValue, severity: .warning,
                        message: "eqfLevel '\(level)' is not an EQF level; it is kept as XML but not mapped",
                        hint: "write the IRI of an EQF level (http://data.europa.eu/snb/eqf/6)",
                        location: location(of: element, field: "achievement.level.eqf")))
            }
        }
        achievement.level.nqf = specification.children("nqfLevel").compactMap { element in
            element.trimmedAttribute("uri").map {
                NQFLevel(framework: element.trimmedAttribute("targetFrameworkUrl") ?? ELMConcepts.scheme(of: .qfEhea), value: $0)
            }
        }
        for reference in specification.children("hasAccreditation") {
            guard let accreditation = index.resolve(reference), accreditation.localName == "accreditation" else { continue }
            achievement.qualityAssurance.append(qualityAssurance(accreditation))
        }
        for note in specification.children("additionalNote") {
            switch ELMNoteKind(note: note) {
            case .criteria where achievement.criteria == nil:
                achievement.criteria = Criteria(narrative: text(note))
            case .stackability where achievement.stacking.note == nil:
                achievement.stacking.note = text(note)
            case .qualityAssurance:
                let type = note.child("subject")?.text.trimmingWhitespace()
                var description = text(note)
                if let entries = description?.entries, entries.count == 1, entries[0].value.isEmpty { description = nil }
                achievement.qualityAssurance.append(
                    QualityAssurance(type: type?.isEmpty == false ? type : nil, description: description))
            default:
                break
            }
        }
    }

    private func learningOutcome(_ element: XMLRecordedTree.Element) -> LearningOutcome {
        LearningOutcome(
            id: element.trimmedAttribute("id"), text: text(element.child("prefLabel")) ?? LocalizedText(entries: []),
            escoSkill: element.child("relatedEscoSkill")?.trimmedAttribute("uri"))
    }

    private func qualityAssurance(_ accreditation: XMLRecordedTree.Element) -> QualityAssurance {
        QualityAssurance(
            type: accreditation.child("type")?.trimmedAttribute("uri"),
            body: accreditation.child("accreditingAgent").map { organisation($0) },
            reference: accreditation.trimmedAttribute("id"),
            description: text(accreditation.child("title")) ?? text(accreditation.child("description")))
    }

    /// Maps the assessment into the credential's achievement and result.
    private mutating func mapAssessment(_ assessment: XMLRecordedTree.Element, into credential: inout Credential) {
        var grade = assessment.child("grade").map { $0.text }
        if grade?.isEmpty == true { grade = nil }
        credential.achievement.assessment.supervision = assessment.child("idVerificationMethod")?.trimmedAttribute("uri").map {
            concepts.modelValue(forIRI: $0, in: .supervisionVerification)
        }
        var gradingScheme: String?
        if let specification = index.resolve(assessment.child("specifiedBy")) {
            credential.achievement.assessment.type = specification.child("type")?.trimmedAttribute("uri").map {
                concepts.modelValue(forIRI: $0, in: .assessmentTypes)
            }
            credential.achievement.assessment.description = text(specification.child("description"))
            if let scheme = index.resolve(specification.child("gradingScheme")) {
                gradingScheme = text(scheme.child("title"))?.primary ?? scheme.child("identifier")?.trimmedText
            }
        }
        if grade != nil || gradingScheme != nil {
            credential.result = CredentialResult(grade: grade, gradingScheme: gradingScheme)
        }
    }

    // MARK: Organisations

    private func organisation(_ element: XMLRecordedTree.Element) -> Organisation {
        var organisation = Organisation(name: text(element.child("prefLabel")) ?? LocalizedText(entries: []))
        organisation.id = element.trimmedAttribute("id")
        organisation.registrationIds =
            (element.child("registration").flatMap { identifier($0) }.map { [$0] } ?? [])
            + element.children("identifier").compactMap { identifier($0) }
        organisation.email = email(in: element)
        organisation.homepage = element.child("homepage")?.trimmedAttribute("uri")
        for location in element.children("hasLocation") {
            if let country = location.children("hasAddress").lazy.compactMap({ $0.child("country")?.trimmedAttribute("uri") }).first {
                organisation.country = concepts.modelValue(forIRI: country, in: .countries)
                break
            }
        }
        organisation.logo = element.child("logo").flatMap(ELMMediaObject.dataURI)
        return organisation
    }

    // MARK: Values

    /// The first `mailBox` address of the element's contact points, without `mailto:`.
    private func email(in element: XMLRecordedTree.Element) -> String? {
        for contact in element.children("contactPoint") {
            if let uri = contact.child("mailBox")?.trimmedAttribute("uri") {
                return uri.lowercased().hasPrefix("mailto:") ? String(uri.dropFirst("mailto:".count)) : uri
            }
        }
        return nil
    }

    /// The `text` entries of a `TextType` or `NoteType` element, as given.
    func text(_ element: XMLRecordedTree.Element?) -> LocalizedText? {
        guard let element else { return nil }
        let entries = element.children("text").map { LocalizedText.Entry(language: $0.attribute("lang"), value: $0.text) }
        return entries.isEmpty ? nil : LocalizedText(entries: entries)
    }

    /// The first text of a `TextType` element (a name), or `nil` when it is empty.
    private func string(_ element: XMLRecordedTree.Element?) -> String? {
        guard let value = element?.child("text")?.text, !value.isEmpty else { return nil }
        return value
    }

    private func identifier(_ element: XMLRecordedTree.Element) -> Identifier? {
        guard let value = element.trimmedText else { return nil }
        return Identifier(value, scheme: element.trimmedAttribute("schemeID"), issuer: element.trimmedAttribute("schemeAgencyName"))
    }

    private mutating func timestamp(_ element: XMLRecordedTree.Element?, path: String) -> Timestamp? {
        guard let element else { return nil }
        if let value = ELMDates.timestamp(element.text) { return value }
        invalid(path, element, field: path, expected: "an xs:dateTime (2026-03-01T09:30:00Z)")
        return nil
    }

    private mutating func invalid(_ what: String, _ element: XMLRecordedTree.Element, field: String, expected: String) {
        diagnostics.append(
            Diagnostic(
                code: ELMCode.invalidValue, severity: .warning,
                message: "\(what) '\(element.text.trimmingWhitespace())' cannot be read; it is kept as XML but not mapped",
                hint: "write \(expected)", location: location(of: element, field: field)))
    }

    /// An error for each `contactPoint` without a `mailBox` or `wallet`, which the schema requires,
    /// with the path to it (a walk over the tree, for a credential whose survey found one).
    mutating func reportInvalidContactPoints(in root: XMLRecordedTree.Element) {
        var names: [ELMName] = []
        func visit(_ element: XMLRecordedTree.Element) {
            names.append(ELMName(of: element))
            defer { names.removeLast() }
            if Self.isInvalidContactPoint(element) {
                diagnostics.append(
                    Diagnostic(
                        code: ELMCode.invalidContactPoint, severity: .error,
                        message: "contactPoint has no mailBox or wallet, which genericschema_1.2 requires",
                        hint: "add the e-mail address as <mailBox uri=\"mailto:…\"/> or a <wallet>",
                        location: location(of: element, field: "/" + names.map(\.description).joined(separator: "/"))))
            }
            for case .element(let child) in element.children { visit(child) }
        }
        visit(root)
    }

    /// Whether `element` is a `contactPoint` with neither a `mailBox` nor a `wallet` (its name's
    /// length checked first, which rules out nearly every element without comparing text).
    static func isInvalidContactPoint(_ element: XMLRecordedTree.Element) -> Bool {
        isContactPoint(element.localName, namespaceURI: element.namespaceURI) && element.child("mailBox") == nil
            && element.child("wallet") == nil
    }

    /// Whether an element named `localName` in `namespaceURI` is a `contactPoint`.
    static func isContactPoint(_ localName: String, namespaceURI: String?) -> Bool {
        localName.utf8.count == 12 && localName == "contactPoint" && namespaceURI == ELMNamespace.snb
    }

    private func location(of element: XMLRecordedTree.Element, field: String) -> SourceLocation {
        SourceLocation(
            line: element.line == 0 ? nil : element.line, column: element.column == 0 ? nil : element.column, field: field)
    }
}

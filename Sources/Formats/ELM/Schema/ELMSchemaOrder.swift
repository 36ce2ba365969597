import MicrocredModel

/// The order of child elements in the schema's types, for the elements a writer builds itself
/// (the "containers"): generated children and kept (unmapped) children are placed by it.
///
/// Only these containers are compared child by child when the reader works out what the model
/// does not hold; any other element is kept or regenerated as a whole.
enum ELMSchemaOrder {
    /// The child order of each container, by the container's local name.
    static let children: [String: [ELMName]] = {
        func names(_ locals: [String]) -> [ELMName] { locals.map { ELMName($0) } }
        let specification = [
            "identifier", "type", "title", "altLabel", "definition", "description", "additionalNote", "homepage",
            "supplementaryDoc", "hasISCED-FCode", "hasEducationSubject", "volumeOfLearning", "hasECTSCreditPoints",
            "hasCreditPoints", "hasEducationLevel", "language", "mode", "learningSettingType", "duration", "targetGroup",
            "entryRequirementsNote", "learningOutcomes", "learningActivitySpecification", "assessmentSpecification",
            "entitlementSpecification", "awardingOpportunities",
        ]
        var table: [String: [ELMName]] = [:]
        table[ELMNamespace.credential] =
            names(["identifier", "type", "primaryLanguage", "availableLanguages"])
            + [.cred("validFrom"), .cred("issued"), .cred("validUntil"), .cred("issuer")]
            + names([
                "title", "description", "credentialSubject", "learningSpecificationReferences",
                "learningOutcomeReferences", "learningActivitySpecificationReferences",
                "assessmentSpecificationReferences", "entitlementSpecificationReferences",
                "learningOpportunityReferences", "agentReferences", "awardingProcessReferences",
                "accreditationReferences", "scoringSchemeReferences", "semanticFrameworkReferences",
                "displayParameters", "attachmentList", "proof", "childCredentials",
            ])
        table["credentialSubject"] = names([
            "identifier", "type", "prefLabel", "altLabel", "additionalNote", "contactPoint", "nationalId", "fullName",
            "givenNames", "familyName", "birthName", "patronymicName", "dateOfBirth", "placeOfBirth", "gender",
            "citizenshipCountry", "hasLocation", "achievements", "activities", "entitlements",
        ])
        table["achievements"] = names(["learningAchievement", "qualificationAward"])
        table["learningAchievement"] = names([
            "identifier", "title", "description", "additionalNote", "wasDerivedFrom", "wasInfluencedBy",
            "wasAwardedBy", "hasPart", "entitlesTo", "specifiedBy", "associatedLearningOpportunity",
        ])
        table["wasDerivedFrom"] = names([
            "identifier", "title", "description", "additionalNote", "grade", "shortenedGrading",
            "resultDistribution", "issuedDate", "idVerificationMethod", "assessedBy", "specifiedBy", "hasPart",
        ])
        table["learningSpecificationReferences"] = names(["learningSpecification", "qualification"])
        table["qualification"] = names(
            specification + [
                "isPartialQualification", "eqfLevel", "nqfLevel", "hasAccreditation", "qualificationCode", "hasPart",
                "specializationOf",
            ])
        table["learningSpecification"] = names(specification + ["hasPart", "specializationOf"])
        table["learningOutcomeReferences"] = names(["learningOutcome"])
        table["learningOutcome"] = names([
            "identifier", "prefLabel", "description", "learningOutcomeType", "reusabilityLevel", "relatedSkill",
            "relatedEscoSkill",
        ])
        table["assessmentSpecificationReferences"] = names(["assessmentSpecification"])
        table["assessmentSpecification"] = names([
            "identifier", "title", "altLabel", "description", "additionalNote", "homepage", "supplementaryDoc", "type",
            "language", "mode", "gradingScheme", "proves", "hasPart", "specializationOf",
        ])
        table["agentReferences"] = names(["organization"])
        table["organization"] = names([
            "identifier", "type", "additionalNote", "contactPoint", "registration", "vatIdentifier", "taxIdentifier",
            "prefLabel", "altLabel", "homepage", "hasLocation", "hasAccreditation", "hasUnit", "unitOf", "logo",
        ])
        table["contactPoint"] = names(["note", "description", "address", "phone", "mailBox", "wallet", "webresource"])
        table["hasLocation"] = names(["id", "identifier", "name", "description", "hasAddress", "spatialCode"])
        table["hasAddress"] = names(["id", "identifier", "fullAddress", "country"])
        table["awardingProcessReferences"] = names(["awardingProcess"])
        table["awardingProcess"] = names([
            "identifier", "description", "additionalNote", "used", "awardingBody", "location", "date",
        ])
        table["scoringSchemeReferences"] = names(["scoringScheme"])
        table["scoringScheme"] = names(["identifier", "title", "description", "supplementaryDoc"])
        return table
    }()

    /// Whether `name` is a container (one ``order(of:)`` knows), found without hashing: the
    /// reader asks this of every group of children it compares.
    static func isContainer(_ name: ELMName) -> Bool {
        name.namespace == ELMNamespace.snb && containerIndex.position(of: name.local) != nil
    }

    private static let containerIndex = FixedStringIndex(Array(children.keys))

    /// The child order of `container`, or `nil` when it is not a container.
    static func order(of container: ELMName) -> [ELMName]? {
        guard container.namespace == ELMNamespace.snb else { return nil }
        return children[container.local]
    }

    /// The position of each child name in each container's order.
    private static let ranks: [String: [ELMName: Int]] = children.mapValues { order in
        var rank: [ELMName: Int] = [:]
        for (index, name) in order.enumerated() where rank[name] == nil { rank[name] = index }
        return rank
    }

    /// Sorts names into the container's schema order; names the schema does not list come last,
    /// in the order given.
    static func sorted(_ names: [ELMName], in container: ELMName) -> [ELMName] {
        guard names.count > 1 else { return names }
        let rank = container.namespace == ELMNamespace.snb ? ranks[container.local] ?? [:] : [:]
        let unknown = rank.count
        let keyed = names.enumerated().map { (key: rank[$0.element] ?? unknown + $0.offset, name: $0.element) }
        return keyed.sorted { $0.key < $1.key }.map(\.name)
    }
}

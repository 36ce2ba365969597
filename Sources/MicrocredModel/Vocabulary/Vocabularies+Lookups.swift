/// Typed lookups for the vocabularies the normalisers, validators and writers use.
///
/// Every lookup accepts what ``VocabularyTable/match(_:)`` accepts: a code (case-insensitive), an
/// IRI, an English label or an alias. Lookups that return ``VocabularyMatch`` also tell how the
/// value matched; for the typed results, ``match(_:in:)`` gives the same.
extension Vocabularies {
    // MARK: Countries

    /// The country named by `value`: ISO alpha-2 or alpha-3, EU protocol code (`EL`, `UK`), EU
    /// authority code or IRI, English name, or an alias (`Deutschland`, `Niemcy`).
    public func country(_ value: String) -> Country? {
        match(value, in: .countries).flatMap { Country(concept: $0.concept) }
    }

    /// The EU country authority IRI for an ISO alpha-2 or EU protocol code (`GR` and `EL` alike).
    public func countryIRI(alpha2: String) -> String? {
        guard VocabularyKey.code(alpha2).count == 2 else { return nil }
        return self[.countries].iri(forCode: alpha2)
    }

    /// The ISO alpha-2 code for an EU country authority IRI.
    public func countryAlpha2(iri: String) -> String? {
        self[.countries].code(forIRI: iri)
    }

    // MARK: Languages

    /// The language named by `value`: EU authority code or IRI, ISO 639-1, 639-2/T or /B code,
    /// English name, or an alias (`Deutsch`, `allemand`). A BCP 47 tag with a region or script
    /// (`en-GB`, `pt_BR`) falls back to its language subtag.
    public func language(_ value: String) -> Language? {
        if let match = match(value, in: .languages) { return Language(concept: match.concept) }
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { String($0) } ?? ""
        guard primary.count < value.count, (2...3).contains(primary.count),
            primary.allSatisfy({ $0.isASCII && $0.isLetter }),
            let match = self[.languages].match(code: primary)
        else { return nil }
        return Language(concept: match.concept)
    }

    /// The EU language authority IRI for an ISO 639-1 code (`en`) or any other language code.
    public func languageIRI(code: String) -> String? {
        self[.languages].iri(forCode: code)
    }

    /// The ISO 639-1 code for an EU language authority IRI, where the language has one.
    public func languageISO6391(iri: String) -> String? {
        self[.languages].match(iri: iri)?.concept["iso639_1"]
    }

    // MARK: Fields and levels

    /// The ISCED-F field named by `value`; a code missing its leading zeros matches as
    /// ``VocabularyMatch/How/padded``.
    public func iscedField(_ value: String) -> VocabularyMatch? {
        match(value, in: .iscedF)
    }

    /// The ISCED-F concept IRI for a code (`0613`, or `613` padded).
    public func iscedIRI(code: String) -> String? {
        self[.iscedF].iri(forCode: code)
    }

    /// The EQF level (1–8) of an EQF concept IRI (`http://data.europa.eu/snb/eqf/6`).
    public func eqfLevel(fromIRI iri: String) -> Int? {
        self[.eqf].match(iri: iri).flatMap { Int($0.concept.code) }
    }

    /// The EQF level (1–8) named by a level number, IRI, label (`Level 6`) or alias (`EQF 6`).
    public func eqfLevel(_ value: String) -> Int? {
        match(value, in: .eqf).flatMap { Int($0.concept.code) }
    }

    /// The EQF concept IRI of a level, or `nil` outside 1–8.
    public func eqfIRI(level: Int) -> String? {
        self[.eqf].concept(code: String(level))?.iri
    }

    /// The QF-EHEA cycle named by `value` (`short`, `1`, `first cycle`, `bachelor`).
    public func qfEheaCycle(_ value: String) -> VocabularyMatch? {
        match(value, in: .qfEhea)
    }

    /// The QF-EHEA cycle at an EQF level (5–8), or `nil` for levels without one.
    public func qfEheaCycle(eqfLevel: Int) -> VocabularyConcept? {
        self[.qfEhea].concepts.first { $0["eqf_level"] == String(eqfLevel) }
    }

    // MARK: Europass lists

    /// The mode of learning (form of participation) named by `value` (`online`, `Präsenz`, `hybrid`).
    public func learningMode(_ value: String) -> VocabularyMatch? {
        match(value, in: .learningModes)
    }

    /// The learning setting named by `value` (`formal`, `non-formal learning`).
    public func learningSetting(_ value: String) -> VocabularyMatch? {
        match(value, in: .learningSettings)
    }

    /// The assessment type named by `value` (`written examination`, `exam`, `Prüfung`).
    public func assessmentType(_ value: String) -> VocabularyMatch? {
        match(value, in: .assessmentTypes)
    }

    /// The supervision and identity-verification method named by `value`.
    public func supervision(_ value: String) -> VocabularyMatch? {
        match(value, in: .supervisionVerification)
    }

    /// The credit system named by `value` (`ECTS`, `ECVET`, an IRI).
    public func creditSystem(_ value: String) -> VocabularyMatch? {
        match(value, in: .creditSystems)
    }

    /// The Europass credential type named by `value` (`Generic`, `qualificationAward`, an IRI).
    public func credentialType(_ value: String) -> VocabularyMatch? {
        match(value, in: .credentialTypes)
    }

    // MARK: Reverse lookups

    /// The concept IRI for a code in any vocabulary (alternative codes and ISCED-F padding
    /// included).
    public func iri(forCode code: String, in kind: VocabularyKind) -> String? {
        self[kind].iri(forCode: code)
    }

    /// The canonical code for a concept IRI in any vocabulary.
    public func code(forIRI iri: String, in kind: VocabularyKind) -> String? {
        self[kind].code(forIRI: iri)
    }
}

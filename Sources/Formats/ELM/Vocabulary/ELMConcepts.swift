import MicrocredModel

/// Converts between the codes the model stores (`DE`, `en`, `0613`, `6`, `920fbb3cbe`) and the
/// concept IRIs of a credential document, through the run's vocabularies.
///
/// Without vocabularies, EQF levels and ISCED-F codes still convert (their IRIs are patterns),
/// model values that are IRIs are written as they are, and IRIs read are kept as IRIs.
struct ELMConcepts: Sendable {
    let vocabularies: Vocabularies?

    init(_ vocabularies: Vocabularies?) {
        self.vocabularies = vocabularies
    }

    static let eqfBase = "http://data.europa.eu/snb/eqf/"
    static let iscedBase = "http://data.europa.eu/snb/isced-f/"
    /// The `schemeID`s of credit point systems in `hasCreditPoints`.
    static let ectsScheme = "http://data.europa.eu/europass/educationalCreditPointSystem/ects"
    static let ecvetScheme = "http://data.europa.eu/europass/educationalCreditPointSystem/ecvet"

    /// The concept scheme (`targetFrameworkUrl`) of each vocabulary.
    static func scheme(of kind: VocabularyKind) -> String {
        switch kind {
        case .countries: "http://publications.europa.eu/resource/authority/country"
        case .languages: "http://publications.europa.eu/resource/authority/language"
        case .iscedF: "http://data.europa.eu/snb/isced-f/25831c2"
        case .eqf: "http://data.europa.eu/snb/eqf/25831c2"
        case .qfEhea: "http://data.europa.eu/snb/qdr/25831c2"
        case .learningModes: "http://data.europa.eu/snb/learning-assessment/25831c2"
        case .learningSettings: "http://data.europa.eu/snb/learning-setting/25831c2"
        case .assessmentTypes: "http://data.europa.eu/snb/assessment/25831c2"
        case .supervisionVerification: "http://data.europa.eu/snb/supervision-verification/25831c2"
        case .creditSystems: "http://data.europa.eu/snb/education-credit/25831c2"
        case .credentialTypes: "http://data.europa.eu/snb/credential/25831c2"
        }
    }

    /// The concept a model value names (a code, IRI, label or alias), or `nil` when it names none
    /// and is not itself an IRI.
    func concept(for value: String, in kind: VocabularyKind) -> ELMConcept? {
        let value = value.trimmingWhitespace()
        guard !value.isEmpty else { return nil }
        if let vocabularies, let match = vocabularies.match(value, in: kind), let iri = match.concept.iri {
            return ELMConcept(iri: iri, label: match.concept.label, scheme: match.concept.schemeIRI ?? Self.scheme(of: kind))
        }
        switch kind {
        case .eqf:
            if let level = Int(value), (1...8).contains(level) {
                return ELMConcept(iri: Self.eqfBase + String(level), label: "Level \(level)", scheme: Self.scheme(of: kind))
            }
        case .iscedF:
            if (2...4).contains(value.count), value.allSatisfy(\.isASCIIDigit) {
                return ELMConcept(iri: Self.iscedBase + value, label: value, scheme: Self.scheme(of: kind))
            }
        default:
            break
        }
        guard value.isHTTPIRI else { return nil }
        return ELMConcept(iri: value, label: value, scheme: Self.scheme(of: kind))
    }

    /// The model value for a concept IRI read from a document, in the form the normalisation
    /// stages give it: ISO alpha-2 for countries, ISO 639-1 for languages (the EU code where there
    /// is none), the code for ISCED-F fields, and the canonical concept IRI for the Europass lists;
    /// an IRI no vocabulary knows is kept as it is.
    func modelValue(forIRI iri: String, in kind: VocabularyKind) -> String {
        let iri = iri.trimmingWhitespace()
        if let vocabularies, let match = vocabularies[kind].match(iri: iri) {
            switch kind {
            case .countries, .iscedF, .eqf, .qfEhea: return match.concept.code
            case .languages: return match.concept["iso639_1"] ?? match.concept.code
            default: return match.concept.iri ?? iri
            }
        }
        if kind == .iscedF, iri.hasPrefix(Self.iscedBase) {
            let code = iri.dropFirst(Self.iscedBase.count)
            if (2...4).contains(code.count), code.allSatisfy(\.isASCIIDigit) { return String(code) }
        }
        return iri
    }

    /// The EQF level of an EQF concept IRI. A number outside 1–8 (`…/eqf/9`) is returned as it
    /// is, for validation to reject with the same finding as in every other format.
    func eqfLevel(forIRI iri: String) -> Int? {
        let iri = iri.trimmingWhitespace()
        if let level = vocabularies?.eqfLevel(fromIRI: iri) { return level }
        guard iri.hasPrefix(Self.eqfBase), let level = Int(iri.dropFirst(Self.eqfBase.count)), level >= 0 else { return nil }
        return level
    }

    /// The credit system a model framework names: `ECTS`, `ECVET`, or `nil` for any other.
    func creditSystem(_ framework: String) -> String? {
        if let vocabularies, let match = vocabularies.creditSystem(framework) {
            switch match.concept.code {
            case "6fcec5c5af": return CreditPoints.ects
            case "60b314e826": return "ECVET"
            default: return nil
            }
        }
        switch framework.trimmingWhitespace().uppercased() {
        case "ECTS", Self.ectsScheme.uppercased(): return CreditPoints.ects
        case "ECVET", Self.ecvetScheme.uppercased(): return "ECVET"
        default: return nil
        }
    }
}

/// One of the controlled vocabularies the project ships as a table in `Mappings/vocab/`.
///
/// The raw value is the table's name: the file name without `.tsv`, and the value of the `table`
/// column in `aliases.tsv`.
public enum VocabularyKind: String, CaseIterable, Hashable, Sendable {
    /// ISCED-F 2013 fields of education and training (`isced-f.tsv`).
    case iscedF = "isced-f"
    /// European Qualifications Framework levels 1–8 (`eqf.tsv`).
    case eqf
    /// QF-EHEA cycles with their EQF level and typical ECTS range (`qf-ehea.tsv`).
    case qfEhea = "qf-ehea"
    /// ISO 3166-1 countries with EU country authority IRIs (`countries.tsv`).
    case countries
    /// Languages of the EU language authority with ISO 639 codes (`languages.tsv`).
    case languages
    /// Europass modes of learning and assessment, the form of participation (`learning-modes.tsv`).
    case learningModes = "learning-modes"
    /// Europass learning setting types, formal and non-formal (`learning-settings.tsv`).
    case learningSettings = "learning-settings"
    /// Europass assessment types (`assessment-types.tsv`).
    case assessmentTypes = "assessment-types"
    /// Europass methods of supervision and identity verification (`supervision-verification.tsv`).
    case supervisionVerification = "supervision-verification"
    /// Credit systems, ECTS and ECVET (`credit-systems.tsv`).
    case creditSystems = "credit-systems"
    /// Europass credential types (`credential-types.tsv`).
    case credentialTypes = "credential-types"

    /// The table's file name inside the vocabulary folder.
    public var fileName: String { rawValue + ".tsv" }

    /// Columns besides `code` whose values also identify a concept in code lookups.
    ///
    /// Countries match ISO alpha-3, the EU authority code and the EU protocol alpha-2 (`EL`, `UK`);
    /// languages match ISO 639-1, 639-2/T and 639-2/B.
    public var alternativeCodeColumns: [String] {
        switch self {
        case .countries: ["alpha3", "nal_code", "eu_alpha2"]
        case .languages: ["iso639_1", "iso639_2t", "iso639_2b"]
        default: []
        }
    }

    /// Whether a numeric code that lost its leading zeros is matched by padding it (`613` → `0613`).
    public var matchesZeroPaddedCodes: Bool { self == .iscedF }

    /// The kind's place in ``allCases``, where ``Vocabularies`` keeps its table (found without
    /// hashing the raw value, as a dictionary would on every look-up).
    var position: Int {
        switch self {
        case .iscedF: 0
        case .eqf: 1
        case .qfEhea: 2
        case .countries: 3
        case .languages: 4
        case .learningModes: 5
        case .learningSettings: 6
        case .assessmentTypes: 7
        case .supervisionVerification: 8
        case .creditSystems: 9
        case .credentialTypes: 10
        }
    }
}

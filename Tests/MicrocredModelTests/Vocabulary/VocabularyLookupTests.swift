import Testing
import MicrocredModel

@Suite("Vocabulary lookups")
struct VocabularyLookupTests {
    @Test(
        "aliases",
        arguments: [
            (VocabularyKind.learningModes, "e-learning", "920fbb3cbe"),
            (.learningModes, "Fernstudium", "920fbb3cbe"),
            (.learningModes, "distance", "920fbb3cbe"),
            (.learningModes, "à distance", "920fbb3cbe"),
            (.learningModes, "zdalnie", "920fbb3cbe"),
            (.learningModes, "online-leren", "920fbb3cbe"),
            (.learningModes, "onsite", "9191af2ed9"),
            (.learningModes, "face-to-face", "9191af2ed9"),
            (.learningModes, "Präsenz", "9191af2ed9"),
            (.learningModes, "presencial", "9191af2ed9"),
            (.learningModes, "in presenza", "9191af2ed9"),
            (.learningModes, "présentiel", "9191af2ed9"),
            (.learningModes, "stacjonarnie", "9191af2ed9"),
            (.learningModes, "klassikaal", "9191af2ed9"),
            (.learningModes, "hybrid", "e92d221e4d"),
            (.learningModes, "hybride", "e92d221e4d"),
            (.learningModes, "mixto", "e92d221e4d"),
            (.learningModes, "misto", "e92d221e4d"),
            (.learningModes, "gemischt", "e92d221e4d"),
            (.countries, "Deutschland", "DE"),
            (.countries, "Allemagne", "DE"),
            (.countries, "Niemcy", "DE"),
            (.countries, "Países Bajos", "NL"),
            (.countries, "Włochy", "IT"),
            (.countries, "Ελλάδα", "GR"),
            (.countries, "Czech Republic", "CZ"),
            (.languages, "Deutsch", "DEU"),
            (.languages, "allemand", "DEU"),
            (.languages, "niemiecki", "DEU"),
            (.languages, "Nederlands", "NLD"),
            (.languages, "latviešu valoda", "LAV"),
            (.languages, "polski", "POL"),
            (.assessmentTypes, "exam", "6e6cb2cc78"),
            (.assessmentTypes, "Prüfung", "6e6cb2cc78"),
            (.assessmentTypes, "examen", "6e6cb2cc78"),
            (.assessmentTypes, "test", "6e6cb2cc78"),
            (.assessmentTypes, "project", "795dac4096"),
            (.assessmentTypes, "mündliche Prüfung", "d30284d7df"),
            (.learningSettings, "non-formal", "e207a81fc7"),
            (.learningSettings, "formell", "6fd4685715"),
            (.creditSystems, "ECTS", "6fcec5c5af"),
            (.credentialTypes, "qualificationAward", "6cf8e68c43"),
            (.supervisionVerification, "nosupid", "df2880c5cb"),
            (.eqf, "EQF 4", "4"),
            (.qfEhea, "master", "2"),
        ])
    func alias(kind: VocabularyKind, value: String, code: String) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let match = vocabularies.match(value, in: kind)
        #expect(match?.concept.code == code)
        #expect(match?.how == .alias)
        #expect(match?.isCanonical == false)
        #expect(vocabularies[kind].match(alias: value)?.concept.code == code)
    }

    @Test(
        "case, diacritic, hyphen and whitespace insensitivity",
        arguments: [
            (VocabularyKind.countries, "DEUTSCHLAND", "DE"),
            (.countries, "osterreich", "AT"),
            (.countries, "  germany ", "DE"),
            (.countries, "cote d'ivoire", "CI"),
            (.countries, "Lotwa", "LV"),
            (.learningModes, "PRASENZ", "9191af2ed9"),
            (.learningModes, "a distance", "920fbb3cbe"),
            (.learningModes, "face to face", "9191af2ed9"),
            (.learningModes, "RESEARCH lab   BASED", "ed4c557045"),
            (.languages, "FRANCAIS", "FRA"),
            (.languages, "english", "ENG"),
            (.assessmentTypes, "PRUFUNG", "6e6cb2cc78"),
            (.assessmentTypes, "Written   Examination", "6e6cb2cc78"),
            (.learningSettings, "NON FORMAL LEARNING", "e207a81fc7"),
            (.iscedF, "software and applications development and analysis", "0613"),
            (.supervisionVerification, "supervised with id verification", "70be69aaf9"),
        ])
    func insensitive(kind: VocabularyKind, value: String, code: String) throws {
        #expect(try VocabularyFixture.vocabularies().match(value, in: kind)?.concept.code == code)
    }

    @Test(
        "codes are case-insensitive, only exact codes are canonical",
        arguments: [
            (VocabularyKind.countries, "de", "DE", false), (.countries, "DE", "DE", true),
            (.languages, "eng", "ENG", false), (.languages, "ENG", "ENG", true),
            (.learningModes, "920FBB3CBE", "920fbb3cbe", false), (.iscedF, "0613", "0613", true),
        ])
    func codeCase(kind: VocabularyKind, value: String, code: String, canonical: Bool) throws {
        let match = try VocabularyFixture.vocabularies()[kind].match(code: value)
        #expect(match?.concept.code == code)
        #expect(match?.how == .code)
        #expect(match?.isCanonical == canonical)
    }

    @Test(
        "IRIs tolerate whitespace, a trailing slash, https and case",
        arguments: [
            " http://data.europa.eu/snb/learning-setting/6fd4685715 ",
            "http://data.europa.eu/snb/learning-setting/6fd4685715/",
            "https://data.europa.eu/snb/learning-setting/6fd4685715",
            "HTTP://DATA.EUROPA.EU/snb/learning-setting/6FD4685715",
        ])
    func iriTolerance(value: String) throws {
        let match = try VocabularyFixture.vocabularies().learningSetting(value)
        #expect(match?.concept.code == "6fd4685715")
        #expect(match?.how == .iri)
        #expect(match?.isCanonical == false)
    }

    @Test(
        "ISCED-F codes that lost their leading zeros match as padded",
        arguments: [("613", "0613"), ("61", "061"), ("1", "01"), ("0", "00"), ("11", "011"), ("688", "0688")])
    func padding(value: String, code: String) throws {
        let match = try VocabularyFixture.vocabularies().iscedField(value)
        #expect(match?.concept.code == code)
        #expect(match?.how == .padded)
        #expect(match?.isCanonical == false)
    }

    @Test("codes that need no padding are not padded")
    func noPadding() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.iscedField("10")?.how == .code)
        #expect(vocabularies.iscedField("0613")?.how == .code)
        #expect(vocabularies.iscedIRI(code: "613") == "http://data.europa.eu/snb/isced-f/0613")
        #expect(vocabularies[.countries].match(code: "76") == nil)
    }

    @Test(
        "unknown values return nil",
        arguments: VocabularyKind.allCases.flatMap { kind in
            ["", "   ", "Atlantis", "xyzzy", "12345", "http://data.europa.eu/snb/isced-f/12345",
             "http://example.org/\(kind.rawValue)/1"].map { (kind, $0) }
        })
    func unknown(kind: VocabularyKind, value: String) throws {
        #expect(try VocabularyFixture.vocabularies().match(value, in: kind) == nil)
    }

    @Test("typed helpers return nil for unknown values")
    func unknownTyped() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.country("Atlantis") == nil)
        #expect(vocabularies.country("http://publications.europa.eu/resource/authority/country/YUG") == nil)
        #expect(vocabularies.language("Klingonese") == nil)
        #expect(vocabularies.language("zz-ZZ") == nil)
        #expect(vocabularies.iscedField("12345") == nil)
        #expect(vocabularies.eqfLevel(fromIRI: "http://data.europa.eu/snb/eqf/9") == nil)
        #expect(vocabularies.eqfIRI(level: 0) == nil)
        #expect(vocabularies.learningMode("telepathy") == nil)
        #expect(vocabularies.assessmentType("informal chat") == nil)
        #expect(vocabularies.supervision("supervised") == nil)
        #expect(vocabularies.creditSystem("ECTX") == nil)
        #expect(vocabularies.countryIRI(alpha2: "DEU") == nil)
        #expect(vocabularies.countryIRI(alpha2: "QQ") == nil)
    }

    @Test("a label shared by several concepts finds the first row")
    func sharedLabel() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.iscedField("Education")?.concept.code == "01")
        #expect(vocabularies.iscedField("Law")?.concept.code == "042")
        #expect(vocabularies.language("Nepali")?.euAuthorityCode == "NEP")
    }
}

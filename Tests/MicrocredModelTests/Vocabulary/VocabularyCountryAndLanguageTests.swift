import Testing
import MicrocredModel

@Suite("Countries and languages")
struct VocabularyCountryAndLanguageTests {
    private static let germanyIRI = "http://publications.europa.eu/resource/authority/country/DEU"

    @Test(
        "every way of naming Germany",
        arguments: ["DE", "de", "DEU", germanyIRI, germanyIRI + "/", "Germany", "Deutschland", "Allemagne", "Niemcy"])
    func germany(value: String) throws {
        let country = try VocabularyFixture.vocabularies().country(value)
        #expect(country?.alpha2 == "DE")
        #expect(country?.alpha3 == "DEU")
        #expect(country?.iri == Self.germanyIRI)
        #expect(country?.name == "Germany")
    }

    @Test("Greece is GR in ISO and EL in EU protocol", arguments: ["GR", "EL", "el", "GRC", "Greece", "Griechenland"])
    func greece(value: String) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let country = vocabularies.country(value)
        #expect(country?.alpha2 == "GR")
        #expect(country?.euProtocolCode == "EL")
        #expect(country?.iri == "http://publications.europa.eu/resource/authority/country/GRC")
    }

    @Test("the United Kingdom is GB in ISO and UK in EU protocol", arguments: ["GB", "UK", "GBR", "United Kingdom", "Great Britain"])
    func unitedKingdom(value: String) throws {
        let country = try VocabularyFixture.vocabularies().country(value)
        #expect(country?.alpha2 == "GB")
        #expect(country?.euProtocolCode == "UK")
        #expect(country?.iri == "http://publications.europa.eu/resource/authority/country/GBR")
    }

    @Test("EU protocol codes give the same IRI as ISO codes")
    func protocolReverse() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.countryIRI(alpha2: "EL") == vocabularies.countryIRI(alpha2: "GR"))
        #expect(vocabularies.countryIRI(alpha2: "uk") == "http://publications.europa.eu/resource/authority/country/GBR")
        #expect(vocabularies.countryAlpha2(iri: "http://publications.europa.eu/resource/authority/country/GRC") == "GR")
    }

    @Test("Kosovo is XK / XKX with EU authority code 1A0", arguments: ["XK", "XKX", "1A0", "Kosovo", "Kosova",
        "http://publications.europa.eu/resource/authority/country/1A0"])
    func kosovo(value: String) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let country = vocabularies.country(value)
        #expect(country?.alpha2 == "XK")
        #expect(country?.alpha3 == "XKX")
        #expect(country?.euAuthorityCode == "1A0")
        #expect(country?.iri == "http://publications.europa.eu/resource/authority/country/1A0")
        #expect(vocabularies.countryAlpha2(iri: "http://publications.europa.eu/resource/authority/country/1A0") == "XK")
    }

    @Test("French Southern Territories use the EU authority code FQ0")
    func frenchSouthernTerritories() throws {
        let country = try VocabularyFixture.vocabularies().country("ATF")
        #expect(country?.alpha2 == "TF")
        #expect(country?.iri == "http://publications.europa.eu/resource/authority/country/FQ0")
    }

    @Test("every country converts to a typed Country and back", arguments: [VocabularyKind.countries])
    func typedCountries(kind: VocabularyKind) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        for concept in vocabularies[kind].concepts {
            let country = try #require(Country(concept: concept))
            #expect(vocabularies.country(country.alpha3) == country)
            #expect(vocabularies.country(country.iri) == country)
            #expect(vocabularies.countryIRI(alpha2: country.euProtocolCode) == country.iri)
        }
    }

    @Test(
        "every EU official language by ISO 639-1 code",
        arguments: [
            ("bg", "BUL"), ("cs", "CES"), ("da", "DAN"), ("de", "DEU"), ("el", "ELL"), ("en", "ENG"), ("es", "SPA"),
            ("et", "EST"), ("fi", "FIN"), ("fr", "FRA"), ("ga", "GLE"), ("hr", "HRV"), ("hu", "HUN"), ("it", "ITA"),
            ("lt", "LIT"), ("lv", "LAV"), ("mt", "MLT"), ("nl", "NLD"), ("pl", "POL"), ("pt", "POR"), ("ro", "RON"),
            ("sk", "SLK"), ("sl", "SLV"), ("sv", "SWE"),
        ])
    func euLanguages(iso6391: String, code: String) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let iri = "http://publications.europa.eu/resource/authority/language/\(code)"
        let language = vocabularies.language(iso6391)
        #expect(language?.euAuthorityCode == code)
        #expect(language?.iri == iri)
        #expect(language?.iso6391 == iso6391)
        #expect(vocabularies.languageIRI(code: iso6391) == iri)
        #expect(vocabularies.languageISO6391(iri: iri) == iso6391)
        #expect(vocabularies.language(iri) == language)
        #expect(vocabularies[.languages].aliases(ofCode: code).count >= 5)
    }

    @Test("ISO 639-2/B and /T codes", arguments: [("ger", "DEU"), ("deu", "DEU"), ("fre", "FRA"), ("dut", "NLD"), ("chi", "ZHO"), ("cze", "CES")])
    func iso6392(value: String, code: String) throws {
        #expect(try VocabularyFixture.vocabularies().language(value)?.euAuthorityCode == code)
    }

    @Test("Greek has distinct 639-2 /T and /B codes")
    func greekCodes() throws {
        let greek = try VocabularyFixture.vocabularies().language("Greek")
        #expect(greek?.iso6391 == "el")
        #expect(greek?.iso6392 == "ell")
        #expect(greek?.iso6392B == "gre")
    }

    @Test("BCP 47 tags fall back to their language subtag", arguments: [("en-GB", "ENG"), ("pt_BR", "POR"), ("de-AT", "DEU")])
    func bcp47(value: String, code: String) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.language(value)?.euAuthorityCode == code)
        #expect(vocabularies.match(value, in: .languages) == nil)
    }

    @Test("every language converts to a typed Language")
    func typedLanguages() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        for concept in vocabularies[.languages].concepts {
            let language = try #require(Language(concept: concept))
            #expect(vocabularies.language(language.iri) == language)
            if let iso6391 = language.iso6391 {
                #expect(vocabularies.language(iso6391) == language)
            }
        }
    }
}

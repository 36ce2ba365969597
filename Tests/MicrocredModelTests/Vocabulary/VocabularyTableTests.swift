import Foundation
import MicrocredModel
import MicrocredTestSupport
import Testing

@Suite("Vocabulary tables")
struct VocabularyTableTests {
    @Test func eachKindFindsItsOwnTable() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        for kind in VocabularyKind.allCases {
            #expect(vocabularies[kind].kind == kind)
            #expect(vocabularies.table(kind).kind == kind)
        }
    }

    @Test(
        "row counts",
        arguments: [
            (VocabularyKind.iscedF, 220), (.eqf, 8), (.qfEhea, 4), (.countries, 250), (.languages, 886),
            (.learningModes, 6), (.learningSettings, 2), (.assessmentTypes, 14), (.supervisionVerification, 4),
            (.creditSystems, 2), (.credentialTypes, 5),
        ])
    func rowCount(kind: VocabularyKind, expected: Int) throws {
        #expect(try VocabularyFixture.vocabularies()[kind].concepts.count == expected)
    }

    @Test("concepts are equal and hash alike by their fields, not by sharing a row")
    func conceptEquality() {
        func concept(code: String = "DE", values: [String: String] = ["alpha3": "DEU"]) -> VocabularyConcept {
            VocabularyConcept(
                kind: .countries, code: code, iri: "http://publications.europa.eu/resource/authority/country/DEU",
                label: "Germany", schemeIRI: nil, values: values)
        }
        #expect(concept() == concept())
        #expect(concept().hashValue == concept().hashValue)
        #expect(Set([concept(), concept()]).count == 1)
        #expect(concept() != concept(code: "AT"))
        #expect(concept() != concept(values: ["alpha3": "DEX"]))
        let copy = concept()
        #expect(copy["alpha3"] == "DEU" && copy["level"] == nil)
    }

    @Test("ISCED-F has 12 broad, 58 narrow and 150 detailed fields")
    func iscedLevels() throws {
        let concepts = try VocabularyFixture.vocabularies()[.iscedF].concepts
        #expect(concepts.filter { $0["level"] == "broad" }.count == 12)
        #expect(concepts.filter { $0["level"] == "narrow" }.count == 58)
        #expect(concepts.filter { $0["level"] == "detailed" }.count == 150)
        for concept in concepts {
            #expect(concept.code.count == ["broad": 2, "narrow": 3, "detailed": 4][concept["level"] ?? ""])
            #expect(concept.iri == "http://data.europa.eu/snb/isced-f/\(concept.code)")
        }
    }

    @Test("code → IRI → code for every row", arguments: VocabularyKind.allCases)
    func codeIRIRoundTrip(kind: VocabularyKind) throws {
        let table = try VocabularyFixture.vocabularies()[kind]
        for concept in table.concepts {
            #expect(table.concept(code: concept.code) == concept)
            let exact = table.match(concept.code)
            #expect(exact?.concept == concept && exact?.how == .code && exact?.isCanonical == true)
            guard let iri = concept.iri else {
                #expect(kind == .qfEhea, "only QF-EHEA cycles lack an IRI")
                continue
            }
            #expect(table.iri(forCode: concept.code) == iri)
            #expect(table.code(forIRI: iri) == concept.code)
            let byIRI = table.match(iri)
            #expect(byIRI?.concept == concept && byIRI?.how == .iri && byIRI?.isCanonical == true)
        }
    }

    @Test("every label finds a concept with that label", arguments: VocabularyKind.allCases)
    func labelLookup(kind: VocabularyKind) throws {
        let table = try VocabularyFixture.vocabularies()[kind]
        for concept in table.concepts {
            let match = table.match(label: concept.label.uppercased())
            #expect(match?.concept.label.lowercased() == concept.label.lowercased(), "\(concept.code)")
            #expect(match?.how == .label)
        }
    }

    @Test("every concept of a Europass list carries its scheme IRI", arguments: VocabularyKind.allCases)
    func schemeIRI(kind: VocabularyKind) throws {
        let table = try VocabularyFixture.vocabularies()[kind]
        let schemes = Set(table.concepts.map(\.schemeIRI))
        #expect(schemes.count == 1)
        #expect((schemes.first ?? nil) != nil || kind == .qfEhea)
    }

    @Test(
        "Europass concept IRIs",
        arguments: [
            ("online", VocabularyKind.learningModes, "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"),
            ("onsite", .learningModes, "http://data.europa.eu/snb/learning-assessment/9191af2ed9"),
            ("blended", .learningModes, "http://data.europa.eu/snb/learning-assessment/e92d221e4d"),
            ("formal", .learningSettings, "http://data.europa.eu/snb/learning-setting/6fd4685715"),
            ("non-formal", .learningSettings, "http://data.europa.eu/snb/learning-setting/e207a81fc7"),
            ("written examination", .assessmentTypes, "http://data.europa.eu/snb/assessment/6e6cb2cc78"),
            ("supid", .supervisionVerification, "http://data.europa.eu/snb/supervision-verification/70be69aaf9"),
            ("nosupnoid", .supervisionVerification, "http://data.europa.eu/snb/supervision-verification/c598449d64"),
            ("ECTS", .creditSystems, "http://data.europa.eu/snb/education-credit/6fcec5c5af"),
            ("ECVET", .creditSystems, "http://data.europa.eu/snb/education-credit/60b314e826"),
            ("Generic", .credentialTypes, "http://data.europa.eu/snb/credential/e34929035b"),
            ("Level 6", .eqf, "http://data.europa.eu/snb/eqf/6"),
        ])
    func europassIRIs(value: String, kind: VocabularyKind, iri: String) throws {
        #expect(try VocabularyFixture.vocabularies().match(value, in: kind)?.concept.iri == iri)
    }
}

@Suite("Vocabulary keys")
struct VocabularyKeyTests {
    @Test("codes and IRIs are found whatever their case and surrounding white space", arguments: VocabularyKind.allCases)
    func decoratedCodesAndIRIs(kind: VocabularyKind) throws {
        let table = try VocabularyFixture.vocabularies()[kind]
        var random = SeededRandom(seed: UInt64(VocabularyKind.allCases.firstIndex(of: kind) ?? 0))
        let spaces = ["", " ", "\t", "\n", "\r\n", " \u{0B}\u{0C}", "\u{00A0}", "\u{2003} "]
        func decorated(_ text: String) -> String {
            var cased = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let isLower = scalar.value >= 0x61 && scalar.value <= 0x7A
                cased.append(isLower && random.next() % 2 == 0 ? Unicode.Scalar(scalar.value - 32)! : scalar)
            }
            return random.pick(spaces) + String(cased) + random.pick(spaces)
        }
        for concept in table.concepts {
            let byCode = table.match(code: decorated(concept.code))
            #expect(byCode?.concept == concept, "\(concept.code)")
            guard let iri = concept.iri else { continue }
            let byIRI = table.match(iri: decorated(iri.replacingOccurrences(of: "http://", with: "https://") + "/"))
            #expect(byIRI?.concept == concept, "\(iri)")
            let asSpelled = table.match(iri: iri)
            #expect(asSpelled?.concept == concept && asSpelled?.how == .iri && asSpelled?.input == iri, "\(iri)")
        }
        #expect(table.match(code: " \t ") == nil)
        #expect(table.match(code: "Ünknown code ") == nil)
    }
}

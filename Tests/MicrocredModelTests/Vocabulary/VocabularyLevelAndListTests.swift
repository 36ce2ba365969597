import Testing
import MicrocredModel

@Suite("Levels and Europass lists")
struct VocabularyLevelAndListTests {
    @Test("EQF level from IRI", arguments: 1...8)
    func eqf(level: Int) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let iri = "http://data.europa.eu/snb/eqf/\(level)"
        #expect(vocabularies.eqfIRI(level: level) == iri)
        #expect(vocabularies.eqfLevel(fromIRI: iri) == level)
        #expect(vocabularies.eqfLevel(fromIRI: iri + "/") == level)
        #expect(vocabularies.eqfLevel("EQF level \(level)") == level)
        #expect(vocabularies.eqfLevel("Level \(level)") == level)
    }

    @Test("QF-EHEA cycles map to EQF levels", arguments: [("short", 5), ("1", 6), ("2", 7), ("3", 8)])
    func qfEhea(cycle: String, level: Int) throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        let concept = try #require(vocabularies.qfEheaCycle(cycle)?.concept)
        #expect(concept["eqf_level"] == String(level))
        #expect(concept["eqf_iri"] == vocabularies.eqfIRI(level: level))
        #expect(concept["typical_ects"] != nil)
        #expect(vocabularies.qfEheaCycle(eqfLevel: level) == concept)
    }

    @Test("QF-EHEA cycles by label and alias")
    func qfEheaNames() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.qfEheaCycle("First Cycle")?.concept.code == "1")
        #expect(vocabularies.qfEheaCycle("PhD")?.concept.code == "3")
        #expect(vocabularies.qfEheaCycle(eqfLevel: 4) == nil)
    }

    @Test("typed Europass helpers")
    func helpers() throws {
        let vocabularies = try VocabularyFixture.vocabularies()
        #expect(vocabularies.learningMode("Online")?.how == .label)
        #expect(vocabularies.learningMode("920fbb3cbe")?.how == .code)
        #expect(vocabularies.learningSetting("formal")?.concept.label == "formal learning")
        #expect(vocabularies.assessmentType("portfolio")?.concept.code == "4f03b91c0e")
        #expect(vocabularies.supervision("Unsupervised without ID Verification")?.concept.code == "c598449d64")
        #expect(vocabularies.creditSystem("European Credit Transfer System")?.concept.code == "6fcec5c5af")
        #expect(vocabularies.credentialType("diplomaSupplement")?.concept.code == "6dff8a0f87")
        #expect(vocabularies.iri(forCode: "0613", in: .iscedF) == "http://data.europa.eu/snb/isced-f/0613")
        #expect(vocabularies.code(forIRI: "http://data.europa.eu/snb/assessment/d30284d7df", in: .assessmentTypes) == "d30284d7df")
    }

    @Test("supervision and verification has the four documented concepts")
    func supervisionConcepts() throws {
        let codes = try VocabularyFixture.vocabularies()[.supervisionVerification].concepts.map(\.code)
        #expect(Set(codes) == ["df2880c5cb", "c598449d64", "70be69aaf9", "44314532f9"])
    }
}

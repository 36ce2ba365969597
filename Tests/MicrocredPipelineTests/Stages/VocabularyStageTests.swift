import MicrocredModel
import MicrocredPipeline
import MicrocredTestSupport
import Testing

@Suite struct VocabularyStageTests {
    static let online = "http://data.europa.eu/snb/learning-assessment/920fbb3cbe"
    static let presential = "http://data.europa.eu/snb/learning-assessment/9191af2ed9"
    static let blended = "http://data.europa.eu/snb/learning-assessment/e92d221e4d"

    @Test(arguments: [
        ("online", online, nil),
        ("Online", online, nil),
        (online, online, nil),
        ("Fernstudium", online, "normalise.learning-mode"),
        ("e-learning", online, "normalise.learning-mode"),
        ("Präsenz", presential, "normalise.learning-mode"),
        ("face-to-face", presential, "normalise.learning-mode"),
        ("presential", presential, nil),
        ("hybrid", blended, "normalise.learning-mode"),
        ("telepathy", "telepathy", "value.unknown-learning-mode"),
    ] as [(String, String, String?)])
    func modes(input: String, expected: String, code: String?) {
        let (credential, diagnostics) = normalise(
            Credential(achievement: Achievement(participation: Participation(mode: input))), with: [VocabularyNormalisation()])
        #expect(credential.achievement.participation.mode == expected)
        #expect(diagnostics.map(\.code) == (code.map { [$0] } ?? []))
        if let first = diagnostics.first { #expect(first.message.contains(input)) }
    }

    @Test(arguments: [
        ("Klausur", "http://data.europa.eu/snb/assessment/6e6cb2cc78"),
        ("written examination", "http://data.europa.eu/snb/assessment/6e6cb2cc78"),
        ("portfolio", "http://data.europa.eu/snb/assessment/4f03b91c0e"),
        ("Projektarbeit", "http://data.europa.eu/snb/assessment/795dac4096"),
    ])
    func assessmentTypes(input: String, expected: String) {
        let (credential, _) = normalise(Credential(achievement: Achievement(assessment: Assessment(type: input))), with: [VocabularyNormalisation()])
        #expect(credential.achievement.assessment.type == expected)
    }

    @Test(arguments: [("DEU", "DE", nil), ("Deutschland", "DE", "normalise.country"), ("EL", "GR", nil), ("UK", "GB", nil),
                      ("http://publications.europa.eu/resource/authority/country/FRA", "FR", nil), ("Niemcy", "DE", "normalise.country"),
                      ("Atlantis", "Atlantis", "value.unknown-country")] as [(String, String, String?)])
    func countries(input: String, expected: String, code: String?) {
        let (credential, diagnostics) = normalise(
            Credential(learner: Learner(citizenship: [input]), awardingBodies: [Organisation(name: "Uni", country: input)]),
            with: [CountryNormalisation()])
        #expect(credential.awardingBodies[0].country == expected)
        #expect(credential.learner.citizenship == [expected])
        #expect(diagnostics.map(\.code) == (code.map { [$0, $0] } ?? []))
    }

    @Test(arguments: [("613", "0613", "normalise.isced-f"), ("0613", "0613", nil), ("http://data.europa.eu/snb/isced-f/0613", "0613", nil),
                      ("Software and applications development and analysis", "0613", nil), ("6130", "6130", "value.unknown-isced-f")]
          as [(String, String, String?)])
    func fieldsOfEducation(input: String, expected: String, code: String?) {
        let (credential, diagnostics) = normalise(Credential(achievement: Achievement(iscedFields: [input])), with: [FieldOfEducationNormalisation()])
        #expect(credential.achievement.iscedFields == [expected])
        #expect(diagnostics.map(\.code) == (code.map { [$0] } ?? []))
    }

    @Test func paddingNotesQuoteBeforeAndAfter() {
        let (_, diagnostics) = normalise(Credential(achievement: Achievement(iscedFields: ["613"])), with: [FieldOfEducationNormalisation()])
        #expect(diagnostics.first?.message.contains("'613'") == true)
        #expect(diagnostics.first?.message.contains("(0613)") == true)
    }

    @Test(arguments: [("ENG", "en"), ("Deutsch", "de"), ("http://publications.europa.eu/resource/authority/language/FRA", "fr"), ("pl", "pl")])
    func languages(input: String, expected: String) {
        let text = LocalizedText(entries: [.init(language: input, value: "x")])
        let (credential, _) = normalise(Credential(title: text, achievement: Achievement(languages: [input])), with: [LanguageNormalisation()])
        #expect(credential.achievement.languages == [expected])
        #expect(credential.title?.entries.first?.language == expected)
    }

    @Test(arguments: [("ects", "ECTS"), ("ECTS credits", "ECTS"), ("crédits ECTS", "ECTS"),
                      ("http://data.europa.eu/snb/education-credit/6fcec5c5af", "ECTS"), ("ecvet", "ECVET"), ("US credit hours", "US credit hours")])
    func creditSystems(input: String, expected: String) {
        let (credential, _) = normalise(
            Credential(achievement: Achievement(workload: Workload(credits: [CreditPoints(framework: input, points: DecimalNumber(5))]))),
            with: [CreditNormalisation()])
        #expect(credential.achievement.workload.credits.first?.framework == expected)
    }

    @Test func derivesTheEQFLevelFromTheCycleWithANote() {
        let (credential, diagnostics) = normalise(Credential(achievement: Achievement(level: Level(qfEhea: .second))), with: [LevelNormalisation()])
        #expect(credential.achievement.level.eqf == 7)
        #expect(diagnostics.map(\.code) == ["normalise.eqf-from-qf-ehea"])
    }

    @Test func trimsLinksAndWarnsAboutRelativeOnes() {
        let (credential, diagnostics) = normalise(
            Credential(achievement: Achievement(image: "images/badge.png ", homepage: " https://uni.example.eu/mc ")), with: [LinkNormalisation()])
        #expect(credential.achievement.homepage == "https://uni.example.eu/mc")
        #expect(credential.achievement.image == "images/badge.png")
        #expect(diagnostics.map(\.code) == ["value.invalid-iri"])
        #expect(diagnostics.first?.location.field == "achievement.image")
    }

    /// Generated links, mostly ASCII, judged against a plain character-by-character reference.
    @Test func warnsAboutExactlyTheLinksWithoutAScheme() {
        var random = SeededRandom(seed: 23)
        let pieces = ["http", "s", ":", "//", "urn", "x", "1", "+", "-", ".", " ", "/", "é", "ü", "0", "@", "[", "`", "Z", "\r\n", "mc"]
        for _ in 0..<3_000 {
            let link = (0..<Int.random(in: 1...8, using: &random)).map { _ in random.pick(pieces) }.joined()
            let trimmed = link.trimmingWhitespace()
            let (_, diagnostics) = normalise(Credential(achievement: Achievement(homepage: link)), with: [LinkNormalisation()])
            let expected = !trimmed.isEmpty && !Self.referenceIsAbsolute(trimmed)
            #expect(diagnostics.contains { $0.code == "value.invalid-iri" } == expected, "\(link.debugDescription)")
        }
    }

    private static func referenceIsAbsolute(_ value: String) -> Bool {
        guard let colon = value.firstIndex(of: ":"), colon != value.startIndex, !value.contains(" ") else { return false }
        let scheme = value[..<colon]
        return scheme.first!.isLetter && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    @Test func everyStageIsIdempotentOnGeneratedCredentials() {
        var generator = CredentialGenerator(seed: 5)
        for _ in 0..<300 {
            let (once, _) = normalise(generator.next(), with: .standardStages)
            let (twice, diagnostics) = normalise(once, with: .standardStages)
            #expect(twice == once)
            #expect(!diagnostics.contains { $0.code.hasPrefix("normalise.") })
        }
    }
}
